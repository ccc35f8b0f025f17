package dev.interviewloop.grading;

import java.util.List;
import java.util.Set;

/**
 * The grade of one answer.
 *
 * @param score 0 (nothing right) to 5 (complete and correct), in steps of 0.5
 * @param grader which grader produced the score: {@code rubric}, {@code llm} or {@code llm+rubric}
 * @param basis what the answer was graded against: {@code bank} (a bank question's rubric),
 *              {@code matched} (free text matched to a bank question), {@code retrieved} (passages
 *              retrieved for free text), {@code reference} (a reference answer given with the request)
 * @param questionId the bank question graded against, or null
 * @param modelAnswer an outline of a strong answer
 * @param feedback a short paragraph for the candidate: what was right, what was missed, what was wrong
 */
public record Grade(double score, String grader, String basis, String questionId, List<KeyPointResult> keyPoints,
                    List<MisconceptionHit> misconceptions, Set<Flag> flags, String feedback, String modelAnswer,
                    List<Citation> references) {

    public static final double MAX = 5.0;

    public Grade {
        if (score < 0 || score > MAX) {
            throw new IllegalArgumentException("score must be within 0-5, was " + score);
        }
        keyPoints = List.copyOf(keyPoints);
        misconceptions = List.copyOf(misconceptions);
        flags = Set.copyOf(flags);
        references = List.copyOf(references);
    }

    public List<KeyPointResult> covered() {
        return keyPoints.stream().filter(k -> k.verdict() != Verdict.MISSED).toList();
    }

    public List<KeyPointResult> missed() {
        return keyPoints.stream().filter(k -> k.verdict() == Verdict.MISSED).toList();
    }
}
