package dev.interviewloop.coding;

import dev.interviewloop.coding.Execution.CaseResult;
import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.KeyPointResult;
import dev.interviewloop.grading.Verdict;
import dev.interviewloop.knowledge.CodingTask;
import dev.interviewloop.knowledge.TestCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grade of a coding answer: the tests' verdict first, then the complexity requirement, then the rubric grade of
 * the explanation. With a complexity requirement the score is {@code 5 x (0.6 x correctness + 0.2 x complexity +
 * 0.2 x explanation)}, without one {@code 5 x (0.7 x correctness + 0.3 x explanation)}, in steps of 0.5, where
 * correctness is the share of correctness cases passed, complexity is 1 when every complexity case passed, and
 * explanation is the rubric score out of 5, less the weight of the rubric points a failing case contradicts (such a
 * point is marked missed, with the case as the reason: the rubric cannot credit a base case the tests show broken).
 * So code that passes nothing scores at most 1.0 (1.5 without a complexity requirement) however good its words, and
 * correct code with no words still scores 3.0 to 4.0. When the tests did not run (no Python, no code, busy), the
 * rubric grade stands and its feedback says why.
 */
public final class TestedGrades {

    static final double CORRECTNESS = 0.6;
    static final double COMPLEXITY = 0.2;
    static final double CORRECTNESS_ONLY = 0.7;

    private TestedGrades() {
    }

    /** Combines the rubric grade of the whole answer with what the tests found. */
    public static Grade combine(Grade rubric, Execution execution, CodingTask task) {
        String grader = rubric.grader() + "+tests";
        if (!execution.ran()) {
            String why = switch (execution.status()) {
                case NO_CODE -> "No code was found in the answer (put it in a ```python block, or answer in code mode), "
                        + "so it was graded on the explanation alone.";
                default -> "The tests did not run (" + execution.message() + "), so this answer was graded by the "
                        + "rubric alone.";
            };
            return new Grade(rubric.score(), rubric.grader(), rubric.basis(), rubric.questionId(), rubric.keyPoints(),
                    rubric.misconceptions(), rubric.flags(), why + " " + nullToEmpty(rubric.feedback()),
                    rubric.modelAnswer(), rubric.references());
        }
        Map<String, String> contradicted = new HashMap<>();
        for (TestCase c : task.cases()) {
            if (c.keyPoint() != null && !contradicted.containsKey(c.keyPoint())) {
                execution.cases().stream().filter(r -> r.name().equals(c.name()) && !r.passed()).findFirst()
                        .ifPresent(r -> contradicted.put(c.keyPoint(), "the test '" + r.name() + "' fails"));
            }
        }
        if (!execution.status().equals(Execution.Status.RAN)) {
            task.cases().stream().filter(c -> c.keyPoint() != null)
                    .forEach(c -> contradicted.putIfAbsent(c.keyPoint(), "the code did not run: " + execution.message()));
        }
        double totalWeight = rubric.keyPoints().stream().mapToDouble(KeyPointResult::weight).sum();
        double lostWeight = 0;
        List<KeyPointResult> points = new ArrayList<>();
        for (KeyPointResult k : rubric.keyPoints()) {
            String reason = contradicted.get(k.id());
            if (reason != null && k.verdict() != Verdict.MISSED) {
                lostWeight += k.weight();
                points.add(new KeyPointResult(k.id(), k.text(), k.weight(), Verdict.MISSED, "", -1, -1,
                        "not credited: " + reason));
            } else {
                points.add(k);
            }
        }
        double explanation = rubric.score() / Grade.MAX * (totalWeight > 0 ? 1 - lostWeight / totalWeight : 1);
        double correctness = execution.total() == 0 ? 0 : (double) execution.passed() / execution.total();
        double raw = task.complexity() == null
                ? CORRECTNESS_ONLY * correctness + (1 - CORRECTNESS_ONLY) * explanation
                : CORRECTNESS * correctness + COMPLEXITY * (execution.complexity() != null
                && execution.complexity().passed() ? 1 : 0) + (1 - CORRECTNESS - COMPLEXITY) * explanation;
        double score = Math.max(0, Math.min(Grade.MAX, Math.round(raw * Grade.MAX * 2) / 2.0));
        String feedback = summary(execution, task) + " " + nullToEmpty(rubric.feedback());
        return new Grade(score, grader, rubric.basis(), rubric.questionId(), points, rubric.misconceptions(),
                rubric.flags(), feedback.strip(), rubric.modelAnswer(), rubric.references());
    }

    /** What the tests found, in a sentence or two, naming the first failing case. */
    public static String summary(Execution execution, CodingTask task) {
        if (execution.status() == Execution.Status.NOT_LOADED) {
            return "The code did not load, so no test passed: " + execution.message() + ".";
        }
        StringBuilder b = new StringBuilder("Tests: " + execution.passed() + " of " + execution.total() + " passed");
        execution.cases().stream().filter(c -> !c.passed() && "correctness".equals(c.check())).findFirst()
                .ifPresentOrElse(c -> b.append("; the first failing case is ").append(describe(c)).append('.'),
                        () -> b.append('.'));
        if (execution.status() == Execution.Status.CRASHED && execution.message() != null) {
            b.append(" The run stopped early: ").append(execution.message()).append('.');
        }
        Execution.Complexity x = execution.complexity();
        if (x != null) {
            b.append(x.passed() ? " Complexity met (" + x.requirement() + ")."
                    : " Complexity not met (" + x.requirement() + "): " + x.detail() + ".");
        }
        return b.toString();
    }

    /** A failing case as one sentence: {@code Case 'x' fails: f(1) returned 2, expected 3.} */
    public static String failure(CaseResult c) {
        String d = describe(c);
        return c.hidden() ? "The hidden case '" + c.name() + "' fails." : "Case " + d + ".";
    }

    /** One failing case as the candidate may see it: everything for a visible case, only the name for a hidden one. */
    public static String describe(CaseResult c) {
        if (c.hidden()) {
            return "the hidden case '" + c.name() + "'";
        }
        String outcome = c.got() != null ? "returned " + c.got() + ", expected " + c.expected()
                : nullToEmpty(c.error()).toLowerCase(Locale.ROOT).startsWith("did not") ? c.error()
                : "failed with " + c.error();
        return "'" + c.name() + "': " + c.input() + " " + outcome;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
