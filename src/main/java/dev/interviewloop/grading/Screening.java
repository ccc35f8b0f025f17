package dev.interviewloop.grading;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an answer is before it is matched against a rubric: empty, a non-answer, gibberish, in
 * another language, a bare list of keywords, or partly aimed at the grader (injection). Pattern
 * and simple language statistics only; the matching stage decides off-topic and negation.
 */
final class Screening {

    /**
     * The outcome.
     *
     * @param flags EMPTY, NON_ANSWER, GIBBERISH, NOT_ENGLISH, KEYWORD_LIST, INJECTION as found
     * @param injected the sentences aimed at the grader; they are removed before grading
     * @param gradable the sentences left to grade
     * @param language the language guessed ("en", "fr", "de", "es", "it", "pt", "nl", "other-script", "unknown")
     */
    record Result(Set<Flag> flags, List<Span> injected, List<Span> gradable, String language) {
    }

    /** Said instead of an answer, in several languages. */
    private static final Pattern NON_ANSWER = Pattern.compile("(?iu)"
            + "\\bi\\s*(?:do\\s*n[o']?t|dont|really\\s+don't|honestly\\s+don't|don't\\s+really|have\\s+no|can't|cannot|am\\s+not|'m\\s+not|m\\s+not"
            + "|have\\s+not|haven't|never)\\s+(?:really\\s+)?(?:know|sure|remember|recall|studied|learned|heard|seen|covered|get\\s+it|understand)"
            + "(?:\\s+(?:the\\s+answer|this|that|it|about\\s+(?:this|that|it)|anything\\s+about\\s+(?:this|that|it)|what\\s+(?:this|that)\\s+(?:is|means)))?"
            + "|\\bno\\s+(?:idea|clue)\\b|\\bnot\\s+sure\\b|\\bidk\\b|\\bdunno\\b|\\bbeats\\s+me\\b|\\bhaven't\\s+a\\s+clue\\b"
            + "|\\bi\\s+give\\s+up\\b|\\bnothing\\s+comes\\s+to\\s+mind\\b|\\bcan'?t\\s+answer\\b|\\bcannot\\s+answer\\b|\\bnot\\s+my\\s+area\\b"
            + "|\\bno\\s+comment\\b|\\bnext\\s+question\\b|\\blet'?s\\s+(?:skip|move\\s+on)\\b|\\b(?:sorry|pass|skip|none|nothing|nope|n/a)\\b"
            + "|je\\s+ne\\s+sais\\s+pas|aucune\\s+idée|no\\s+(?:lo\\s+)?sé|ni\\s+idea|keine\\s+ahnung|weiß\\s+(?:ich\\s+)?(?:es\\s+)?nicht|ich\\s+weiß\\s+es\\s+nicht"
            + "|non\\s+lo\\s+so|não\\s+sei|geen\\s+idee|weet\\s+ik\\s+niet|не\\s+знаю|不知道|わかりません|知りません|모르겠\\S*");
    /** Filler that carries nothing once the non-answer phrase is gone. */
    private static final Set<String> FILLER = Set.of("honestly", "really", "sorry", "um", "uh", "umm", "hmm", "well", "so",
            "actually", "frankly", "to", "be", "the", "answer", "question", "this", "that", "it", "i", "am", "im", "i'm",
            "afraid", "unfortunately", "yeah", "yes", "ok", "okay", "oh", "maybe", "guess", "think", "what", "about",
            "here", "on", "one", "can", "we", "please", "thanks", "thank", "you", "just", "quite", "anything", "any",
            "and", "but", "a", "of", "is", "know", "don't", "dont", "do", "not", "no", "clue", "idea", "sure", "me");

    /** Text aimed at the grader or the interviewer rather than answering. */
    private static final Pattern INJECTION = Pattern.compile("(?iu)"
            + "\\b(?:ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(?:previous|prior|above|earlier|all|any|your|the)\\b.{0,30}"
            + "\\b(?:instructions?|prompts?|rules?|rubric|guidelines|directions|context|grading|criteria)"
            + "|\\byou\\s+are\\s+(?:now|no\\s+longer)\\b|\\bact\\s+as\\b|\\bpretend\\s+(?:to\\s+be|you)\\b|\\bnew\\s+instructions?\\b"
            + "|\\bsystem\\s*(?:prompt|message|override)\\b|\\bdeveloper\\s+mode\\b|\\bjailbreak\\b|\\[/?(?:system|inst|INST)\\]|<\\|?(?:system|im_start)"
            + "|\\b(?:give|grade|award|assign|mark|rate|score)\\s+(?:me|this|this\\s+answer|my\\s+answer|it|the\\s+answer)?\\s*(?:a\\s+|an\\s+|with\\s+)?"
            + "(?:full|maximum|max|perfect|top|highest|(?:a\\s+)?5|10|100)\\s*(?:/\\s*(?:5|10|100)|out\\s+of\\s+(?:5|10|100)|marks?|points?|score|credit|grade)?"
            + "|\\b(?:5|10|100)\\s*/\\s*(?:5|10|100)\\b|\\bfull\\s+(?:marks|credit|score)\\b|\\bperfect\\s+score\\b"
            + "|\\bas\\s+(?:the|an?)\\s+(?:grader|evaluator|examiner|ai|assistant|language\\s+model|llm)\\b"
            + "|\\b(?:dear|attention|note\\s+to|hey)\\s+(?:grader|evaluator|examiner|ai|assistant|model|interviewer)\\b"
            + "|\\b(?:grader|evaluator|examiner|assistant|ai|model)\\s*[:,]\\s*(?:please|you\\s+must|ignore|output|return|give|set)"
            + "|\\bthis\\s+answer\\s+(?:is|deserves|should\\s+(?:get|receive|be))\\s+(?:correct|perfect|complete|excellent|a\\s+5|full)"
            + "|\\bmark\\s+(?:this|it|all)\\s+(?:as\\s+)?(?:correct|covered|complete)"
            + "|\\ball\\s+(?:key\\s+)?points\\s+(?:are|were)\\s+covered\\b"
            + "|[{,]\\s*\"?(?:score|grade|verdict|rating)\"?\\s*:\\s*\"?[0-9]"
            + "|\\bignorez\\b.{0,30}\\binstructions\\b|\\bignora\\b.{0,30}\\binstrucciones\\b|\\bignoriere\\b.{0,30}\\banweisungen\\b"
            + "|\\bdonne(?:z)?[- ]moi\\b.{0,20}\\b(?:5|10|note)|\\bdame\\b.{0,20}\\b(?:5|10|nota)|\\bgib\\s+mir\\b.{0,20}\\b(?:5|10|punkte|note)"
            + "|忽略.{0,10}(?:指令|说明|提示)|満点|满分|игнорируй|поставь.{0,10}5");

    private static final Set<String> EN_FUNCTION = Set.of("the", "a", "an", "is", "are", "was", "were", "be", "been", "of", "to",
            "in", "on", "and", "or", "that", "this", "it", "for", "with", "as", "by", "if", "then", "when", "which", "what",
            "you", "we", "i", "they", "not", "but", "so", "because", "can", "will", "would", "should", "do", "does", "from",
            "at", "its", "their", "has", "have", "more", "less", "than", "how", "why", "there", "these", "those", "one",
            "where", "while", "also", "into", "out", "up", "my", "your", "me", "just", "about", "some", "any", "all", "no");
    private static final Map<String, Set<String>> OTHER_FUNCTION = Map.of(
            "fr", Set.of("le", "la", "les", "des", "est", "et", "une", "un", "du", "que", "qui", "pour", "dans", "sur", "avec",
                    "pas", "ce", "sont", "il", "elle", "nous", "je", "au", "aux", "mais", "ou", "par", "plus", "si", "donc", "quand"),
            "es", Set.of("el", "la", "los", "las", "es", "y", "una", "un", "del", "que", "para", "con", "por", "pero", "como",
                    "más", "si", "cuando", "son", "está", "se", "lo", "yo", "al", "muy", "también", "entonces"),
            "de", Set.of("der", "die", "das", "und", "ist", "ein", "eine", "nicht", "mit", "den", "dem", "zu", "von", "auf", "für",
                    "sich", "auch", "wenn", "wird", "sind", "ich", "es", "oder", "aber", "dass", "im", "man", "werden", "zum"),
            "it", Set.of("il", "lo", "gli", "della", "è", "e", "una", "di", "che", "per", "con", "non", "sono", "si", "come",
                    "ma", "più", "quando", "anche", "nel", "del", "alla", "questo", "se"),
            "pt", Set.of("o", "os", "as", "é", "e", "uma", "um", "do", "da", "que", "para", "com", "não", "por", "mais", "como",
                    "mas", "quando", "são", "se", "ao", "na", "no", "isso", "também", "então"),
            "nl", Set.of("de", "het", "een", "en", "is", "van", "dat", "niet", "met", "voor", "op", "zijn", "ook", "maar", "als",
                    "wordt", "bij", "dan", "naar", "er", "te", "om", "ik"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’_-]*");

    private Screening() {
    }

    static Result screen(String answer, Vocabulary vocabulary) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (answer == null || answer.isBlank()) {
            flags.add(Flag.EMPTY);
            return new Result(flags, List.of(), List.of(), "unknown");
        }
        List<Span> sentences = Segmenter.sentences(answer);
        List<Span> injected = new ArrayList<>();
        List<Span> gradable = new ArrayList<>();
        for (Span s : sentences) {
            (INJECTION.matcher(normal(s.text())).find() ? injected : gradable).add(s);
        }
        if (!injected.isEmpty()) {
            flags.add(Flag.INJECTION);
        }
        String rest = normal(String.join(" ", gradable.stream().map(Span::text).toList()));
        List<String> words = words(rest);
        String language = language(rest, words);
        if (!"en".equals(language) && !"unknown".equals(language)) {
            flags.add(Flag.NOT_ENGLISH);
        }
        if (!gradable.isEmpty() && nonAnswer(rest, words)) {
            flags.add(Flag.NON_ANSWER);
        } else if (!gradable.isEmpty() && ("en".equals(language) || "unknown".equals(language)) && gibberish(rest, words, vocabulary)) {
            flags.add(Flag.GIBBERISH);
        } else if ("en".equals(language) || "unknown".equals(language)) {
            if (keywordList(rest, words)) {
                flags.add(Flag.KEYWORD_LIST);
            }
        }
        if (gradable.isEmpty() && injected.isEmpty()) {
            flags.add(Flag.GIBBERISH); // only punctuation or symbols
        }
        return new Result(flags, List.copyOf(injected), List.copyOf(gradable), language);
    }

    /** Typographic apostrophes as plain ones, for the patterns. */
    static String normal(String text) {
        return text.replace('’', '\'').replace('‘', '\'');
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** "I don't know", "pass", "no idea"... with no real content besides. */
    static boolean nonAnswer(String text, List<String> words) {
        var m = NON_ANSWER.matcher(text);
        if (!m.find()) {
            return words.isEmpty() || text.strip().matches("[?.!…\\s-]+");
        }
        String rest = NON_ANSWER.matcher(text).replaceAll(" ");
        long content = words(rest).stream().filter(w -> !FILLER.contains(w)).count();
        // a hedge inside a real answer ("not sure, but I think validation loss...") is not a non-answer
        return content <= 3;
    }

    /**
     * The language of the text, by function words (Latin scripts) or by script. English text is
     * recognised by its function words; a text with too few words to tell is "unknown".
     */
    static String language(String text, List<String> words) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long latin = text.codePoints().filter(c -> Character.isLetter(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        if (letters > 0 && latin < letters * 0.5) {
            return "other-script";
        }
        if (words.size() < 4) {
            return "unknown";
        }
        long en = words.stream().filter(EN_FUNCTION::contains).count();
        String best = "en";
        long bestCount = en;
        for (var e : OTHER_FUNCTION.entrySet()) {
            long n = words.stream().filter(w -> e.getValue().contains(w) && !EN_FUNCTION.contains(w)).count();
            if (n > bestCount) {
                best = e.getKey();
                bestCount = n;
            }
        }
        if ("en".equals(best)) {
            return "en";
        }
        // a foreign word or two in English text (a name, a quote) does not make it foreign
        return bestCount >= 2 && bestCount >= 2 * en ? best : "en";
    }

    /**
     * Random characters or words that do not form language: most words unknown to the embedding
     * model's vocabulary, or runs of characters no language produces.
     */
    static boolean gibberish(String text, List<String> words, Vocabulary vocabulary) {
        List<String> alpha = words.stream().filter(w -> w.chars().allMatch(Character::isLetter)).toList();
        if (alpha.isEmpty()) {
            return words.isEmpty() || words.stream().noneMatch(w -> w.length() >= 2);
        }
        long unknown = alpha.stream().filter(w -> w.length() >= 3 && !vocabulary.known(w)).count();
        long odd = alpha.stream().filter(Screening::implausible).count();
        double unknownShare = (double) unknown / alpha.size();
        if (alpha.size() >= 2 && unknownShare >= 0.5) {
            return true;
        }
        if ((double) odd / alpha.size() >= 0.34) {
            return true;
        }
        // a few known words in random order: no function words at all in a long run of words
        long function = words.stream().filter(EN_FUNCTION::contains).count();
        long known = alpha.stream().filter(vocabulary::known).count();
        return alpha.size() >= 12 && function == 0 && known < alpha.size() * 0.6;
    }

    /** Letter sequences no natural word has: long consonant runs, a vowel-less long word, a letter repeated 4 times. */
    static boolean implausible(String w) {
        if (w.length() < 4) {
            return false;
        }
        if (w.matches(".*(.)\\1{3,}.*")) {
            return true;
        }
        int vowels = 0;
        int run = 0;
        int maxRun = 0;
        for (char c : w.toCharArray()) {
            if ("aeiouyàâäéèêëîïôöùûüáíóúãõ".indexOf(c) >= 0) {
                vowels++;
                run = 0;
            } else {
                run++;
                maxRun = Math.max(maxRun, run);
            }
        }
        return vowels == 0 && w.length() >= 5 || maxRun >= 5;
    }

    /** Common English verbs (base forms); inflections are matched by {@link #isVerb}. */
    private static final Set<String> VERBS = Set.of("be", "is", "are", "was", "were", "been", "has", "have", "had", "do", "does",
            "did", "can", "could", "will", "would", "should", "must", "may", "might", "use", "add", "get", "make", "take",
            "give", "keep", "let", "put", "set", "stop", "check", "compare", "track", "monitor", "plot", "watch", "look",
            "see", "collect", "gather", "reduce", "increase", "decrease", "apply", "train", "fit", "measure", "split",
            "hold", "show", "mean", "cause", "lead", "help", "prevent", "avoid", "push", "pull", "shrink", "tell", "say",
            "find", "choose", "pick", "drop", "remove", "prune", "tune", "try", "run", "go", "move", "shift", "grow", "fall",
            "rise", "drift", "change", "compute", "calculate", "estimate", "predict", "learn", "memorize", "memorise",
            "generalize", "generalise", "overfit", "underfit", "penalize", "penalise", "regularize", "regularise",
            "augment", "detect", "handle", "fix", "solve", "need", "want", "know", "think", "guess", "happen", "become",
            "depend", "require", "allow", "force", "encourage", "limit", "control", "balance", "trade", "evaluate",
            "validate", "test", "deploy", "retrain", "sample", "weight", "scale", "normalize", "normalise", "average",
            "sum", "minimize", "minimise", "maximize", "maximise", "optimize", "optimise", "converge", "diverge", "explode",
            "vanish", "store", "send", "build", "create", "replace", "include", "contain", "ignore", "treat", "assign",
            "route", "learns", "works", "work", "seems", "seem", "gives", "uses", "makes", "helps", "comes", "come",
            "leak", "leaks", "select", "rank", "sort", "drops", "means", "shows", "tells", "stops", "zero", "matters");
    private static final Set<String> PREDICATE_FUNCTION = Set.of("the", "a", "an", "of", "to", "that", "which", "because",
            "if", "when", "so", "than", "by", "it", "they", "we", "you", "i", "this", "while");

    static boolean isVerb(String word) {
        if (VERBS.contains(word)) {
            return true;
        }
        for (String suffix : new String[] {"s", "es", "ed", "d"}) {
            if (word.endsWith(suffix) && VERBS.contains(word.substring(0, word.length() - suffix.length()))) {
                return true;
            }
        }
        if (word.endsWith("ies") && VERBS.contains(word.substring(0, word.length() - 3) + "y")) {
            return true;
        }
        return word.length() > 5 && word.endsWith("ed") && VERBS.contains(word.substring(0, word.length() - 3));
    }

    /**
     * Terms listed without explaining how they connect: mostly short comma-, slash- or
     * line-separated fragments with no verb and hardly any function words.
     */
    static boolean keywordList(String text, List<String> words) {
        if (words.size() < 4) {
            return false;
        }
        String[] fragments = text.split("[,;\\n|•·]+|\\s[-–]\\s|\\.\\s|\\s+(?:and|or|&|\\+)\\s+");
        int nonEmpty = 0;
        int shortOnes = 0;
        int predicates = 0;
        for (String f : fragments) {
            List<String> fw = words(f);
            if (fw.isEmpty()) {
                continue;
            }
            nonEmpty++;
            if (fw.size() <= 4) {
                shortOnes++;
            }
            long verbs = fw.stream().filter(Screening::isVerb).count();
            long function = fw.stream().filter(PREDICATE_FUNCTION::contains).count();
            if (verbs > 0 && fw.size() >= 3 || function >= 2) {
                predicates++;
            }
        }
        long function = words.stream().filter(EN_FUNCTION::contains).count();
        long verbs = words.stream().filter(Screening::isVerb).count();
        double functionShare = (double) function / words.size();
        boolean fragmented = nonEmpty >= 4 && shortOnes >= 0.75 * nonEmpty && predicates <= 0.25 * nonEmpty;
        boolean telegraphic = words.size() >= 6 && functionShare < 0.06 && verbs <= words.size() / 12;
        return fragmented && functionShare < 0.2 || telegraphic;
    }
}
