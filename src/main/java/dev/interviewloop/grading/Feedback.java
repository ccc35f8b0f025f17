package dev.interviewloop.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The feedback paragraph: what was right (quoting the candidate), what was missed, what was wrong
 * and the correction, and what the flags mean for the score. No praise the evidence does not carry.
 */
final class Feedback {

    private static final int QUOTE = 90;

    private Feedback() {
    }

    static String write(RubricGrader.Analysis a, List<RubricGrader.PointOutcome> outcomes, List<MisconceptionHit> wrong,
                        Set<Flag> flags, double score) {
        List<String> out = new ArrayList<>();
        if (flags.contains(Flag.EMPTY)) {
            return "No answer was given, so there is nothing to grade. " + outline(outcomes);
        }
        if (flags.contains(Flag.INJECTION)) {
            out.add("Text addressed to the grader (\"" + quote(a.screen().injected().get(0).text())
                    + "\") was ignored: it has no effect on the score.");
        }
        if (flags.contains(Flag.NON_ANSWER)) {
            out.add("The answer says it does not know; it scores no points. " + outline(outcomes));
            return String.join(" ", out);
        }
        if (flags.contains(Flag.GIBBERISH)) {
            out.add("The answer does not read as language, so nothing in it could be graded. " + outline(outcomes));
            return String.join(" ", out);
        }
        if (flags.contains(Flag.NOT_ENGLISH)) {
            out.add("The answer is not in English (" + language(a.screen().language()) + "); the grader's models read English, "
                    + "so it was graded only on what could be matched, such as technical terms. Answer in English for a full grade.");
        }
        if (flags.contains(Flag.OFF_TOPIC)) {
            out.add("The answer is about something else: nothing in it addresses the question. " + outline(outcomes));
            return String.join(" ", out);
        }
        if (!a.rubric().note().isBlank()) {
            out.add(a.rubric().note());
        }
        List<String> right = new ArrayList<>();
        List<String> partly = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (RubricGrader.PointOutcome o : outcomes) {
            switch (o.verdict()) {
                case COVERED -> right.add(label(o.point().text()) + " (\"" + quote(o.evidence().span().text()) + "\")");
                case PARTLY -> partly.add(label(o.point().text()) + " (\"" + quote(o.evidence().span().text()) + "\")");
                case MISSED -> {
                    if (!o.negated()) {
                        missed.add(label(o.point().text()));
                    }
                }
            }
        }
        if (!right.isEmpty()) {
            out.add("Covered: " + String.join("; ", right) + ".");
        }
        if (!partly.isEmpty()) {
            out.add("Only partly: " + String.join("; ", partly) + ".");
        }
        if (!missed.isEmpty()) {
            out.add("Missed: " + String.join("; ", missed) + ".");
        }
        for (MisconceptionHit w : wrong) {
            out.add("Wrong: \"" + quote(w.evidence()) + "\". " + sentence(w.correction()));
        }
        if (flags.contains(Flag.KEYWORD_LIST)) {
            out.add("The answer lists terms without explaining how they connect or why, so it is capped at 1.");
        }
        if (a.truncated()) {
            out.add("The answer is very long; only its first " + RubricGrader.MAX_SPANS + " sentences and clauses were read.");
        }
        if (right.isEmpty() && partly.isEmpty() && wrong.isEmpty()) {
            out.add("Nothing in the answer matches the points a strong answer makes.");
        }
        return String.join(" ", out);
    }

    private static String outline(List<RubricGrader.PointOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return "";
        }
        List<String> labels = outcomes.stream().map(o -> label(o.point().text())).toList();
        return "A strong answer covers: " + String.join("; ", labels) + ".";
    }

    /** The first clause of a point, enough to name it. */
    static String label(String point) {
        String s = point.strip();
        int cut = -1;
        for (String sep : new String[] {"; ", ": ", ". "}) {
            int i = s.indexOf(sep);
            if (i > 20 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        if (cut > 0) {
            s = s.substring(0, cut);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() <= 140 ? lowerFirst(s) : lowerFirst(s.substring(0, s.lastIndexOf(' ', 137))) + "…";
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }

    static String quote(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        if (t.length() <= QUOTE) {
            return t;
        }
        int cut = t.lastIndexOf(' ', QUOTE);
        return t.substring(0, cut > QUOTE / 2 ? cut : QUOTE) + "…";
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t : t + ".";
    }

    private static String language(String code) {
        return switch (code) {
            case "fr" -> "French";
            case "de" -> "German";
            case "es" -> "Spanish";
            case "it" -> "Italian";
            case "pt" -> "Portuguese";
            case "nl" -> "Dutch";
            case "other-script" -> "a non-Latin script";
            default -> "another language";
        };
    }
}
