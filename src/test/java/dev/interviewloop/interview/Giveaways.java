package dev.interviewloop.interview;

import dev.interviewloop.knowledge.Question;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What would give a question away if the interviewer said it before the candidate tried: every clause
 * of the model answer of six words or more (split at line breaks, bullets and . ; :), and every key
 * point's text, compared case- and space-insensitively. Shorter clauses are terminology
 * ("grid of blocks of threads") that prompts and hints legitimately use.
 */
final class Giveaways {

    static final int MIN_WORDS = 6;

    private Giveaways() {
    }

    static List<String> of(Question q) {
        List<String> out = new ArrayList<>(Arrays.stream(q.modelAnswer().split("\\n|(?<=[.;:])\\s+"))
                .map(s -> normal(s.replaceFirst("^\\s*[-*]\\s*", "")))
                .filter(s -> s.split(" ").length >= MIN_WORDS)
                .toList());
        q.keyPoints().forEach(k -> out.add(normal(k.text())));
        return out;
    }

    static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
