package dev.interviewloop.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts an answer into sentences, and long sentences into clauses, keeping exact offsets so that
 * evidence is always a substring of the answer.
 */
final class Segmenter {

    /**
     * Sentence ends: . ! ? (not inside "e.g.", "0.5", "i.e."), line breaks, bullets, semicolons. The leading
     * lookahead makes the abbreviation lookbehind run only where a stop is (run at every character, it showed in
     * CPU profiles of a turn).
     */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?=[.!?。！？])(?<!\\b(?:e\\.g|i\\.e|etc|vs|cf|approx|Dr|Mr|Ms|e|i))[.!?。！？]+(?=\\s|$|[\"')\\]])|\\n+|;|(?<=\\s)[•·]\\s");
    /** Where a sentence splits into clauses: commas, colons, dashes and contrastive or causal conjunctions. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?i),\\s+|:\\s+|\\s[-–—]\\s|\\s\\((?=[^)]{12,}\\))|\\s(?=(?:but|while|whereas|although|though|however|because|since|so that|so|which|then|and then|otherwise|unless|or else|yet)\\s)");

    /** A sentence with fewer words than this is not cut into clauses. */
    static final int MIN_WORDS_TO_CUT = 8;
    /** A clause needs at least this many words to stand on its own. */
    static final int MIN_CLAUSE_WORDS = 3;

    private Segmenter() {
    }

    static List<Span> sentences(String answer) {
        List<Span> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(answer);
        int from = 0;
        while (m.find()) {
            int end = m.group().startsWith("\n") || m.group().equals(";") || m.group().contains("•")
                    || m.group().contains("·") ? m.start() : m.end();
            add(out, answer, from, end, false);
            from = m.end();
        }
        add(out, answer, from, answer.length(), false);
        return out;
    }

    /** Sentences, then the clauses of every long sentence: the candidate spans for matching. */
    static List<Span> spans(String answer) {
        List<Span> out = new ArrayList<>();
        for (Span s : sentences(answer)) {
            out.add(s);
            out.addAll(clauses(answer, s));
        }
        return out;
    }

    static List<Span> clauses(String answer, Span sentence) {
        if (words(sentence.text()) < MIN_WORDS_TO_CUT) {
            return List.of();
        }
        List<int[]> cuts = new ArrayList<>();
        Matcher m = CLAUSE_BREAK.matcher(sentence.text());
        int from = 0;
        while (m.find()) {
            cuts.add(new int[] {from, m.start()});
            from = m.end();
        }
        cuts.add(new int[] {from, sentence.text().length()});
        // glue clauses that are too short to their right neighbour (or left, for the last one)
        List<int[]> merged = new ArrayList<>();
        int[] pending = null;
        for (int[] c : cuts) {
            int[] cur = pending == null ? c : new int[] {pending[0], c[1]};
            if (words(sentence.text().substring(cur[0], cur[1])) < MIN_CLAUSE_WORDS) {
                pending = cur;
            } else {
                merged.add(cur);
                pending = null;
            }
        }
        if (pending != null) {
            if (merged.isEmpty()) {
                merged.add(pending);
            } else {
                int[] last = merged.remove(merged.size() - 1);
                merged.add(new int[] {last[0], pending[1]});
            }
        }
        if (merged.size() < 2) {
            return List.of();
        }
        List<Span> out = new ArrayList<>();
        for (int[] c : merged) {
            Span s = Span.of(answer, sentence.start() + c[0], sentence.start() + c[1], true);
            if (s.length() > 0) {
                out.add(s);
            }
        }
        return out;
    }

    private static void add(List<Span> out, String answer, int start, int end, boolean clause) {
        if (end <= start) {
            return;
        }
        Span s = Span.of(answer, start, end, clause);
        if (s.length() > 0 && s.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(s);
        }
    }

    static int words(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean w = Character.isLetterOrDigit(text.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }
}
