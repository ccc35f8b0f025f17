package dev.interviewloop.grading;

import dev.interviewloop.search.TextAnalysis;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lexical signals on the search analyzer's stems (Porter, English stop words removed): inverse
 * document frequencies from a background corpus (the reference notes and the question bank), and
 * the idf-weighted share of a statement's content stems that a span of the answer contains.
 */
public final class Lexicon {

    /** Stems the question itself uses count this much: an answer that echoes the question shows little. */
    static final double QUESTION_ECHO_WEIGHT = 0.35;

    private final Map<String, Integer> documentFrequency;
    private final int documents;

    private Lexicon(Map<String, Integer> documentFrequency, int documents) {
        this.documentFrequency = Map.copyOf(documentFrequency);
        this.documents = documents;
    }

    public static Lexicon of(Iterable<String> background) {
        Map<String, Integer> df = new HashMap<>();
        int n = 0;
        for (String text : background) {
            n++;
            for (String stem : stems(text)) {
                df.merge(stem, 1, Integer::sum);
            }
        }
        return new Lexicon(df, n);
    }

    double idf(String stem) {
        int df = documentFrequency.getOrDefault(stem, 0);
        return Math.log((documents + 1.0) / (df + 0.5)) + 1.0;
    }

    /** Content stems, with British -ise spellings folded into -ize so both spellings share a stem. */
    static Set<String> stems(String text) {
        return new LinkedHashSet<>(TextAnalysis.terms(americanise(text)));
    }

    private static final java.util.regex.Pattern ISE = java.util.regex.Pattern.compile(
            "(?i)\\b(\\p{L}{3,}?)(is)(e|es|ed|ing|ation|ations|er|ers)\\b");
    private static final Set<String> ISE_WORDS = Set.of("advert", "adv", "compr", "comprom", "exerc", "expert", "franch",
            "improv", "otherw", "prec", "prem", "prom", "rev", "superv", "surpr", "telev", "conc", "no", "ra", "pra",
            "likew", "clockw", "parad", "merchand", "desp", "dev", "disgu", "enterpr", "wh", "ch", "po", "r", "ar", "ro",
            "ind", "cru", "concl", "ve", "ca", "do", "de", "app", "arr", "upr", "ex", "dem", "exc", "incis");

    static String americanise(String text) {
        if (text.indexOf("is") < 0) {
            return text;
        }
        return ISE.matcher(text).replaceAll(m -> ISE_WORDS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))
                ? m.group() : m.group(1) + "iz" + m.group(3));
    }

    /** Stems of a statement with their weights: idf, lowered for stems the question already uses. */
    Map<String, Double> weights(String statement, Set<String> questionStems) {
        Map<String, Double> out = new HashMap<>();
        for (String s : stems(statement)) {
            out.put(s, idf(s) * (questionStems.contains(s) ? QUESTION_ECHO_WEIGHT : 1.0));
        }
        return out;
    }

    /** The weighted share of the statement's stems found among the span's stems (0..1). */
    static double coverage(Map<String, Double> statement, Set<String> span) {
        double total = 0;
        double found = 0;
        for (var e : statement.entrySet()) {
            total += e.getValue();
            if (span.contains(e.getKey())) {
                found += e.getValue();
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /** True when every stem of the phrase is in the span. */
    static boolean containsAll(List<String> phrase, Set<String> span) {
        return !phrase.isEmpty() && span.containsAll(phrase);
    }
}
