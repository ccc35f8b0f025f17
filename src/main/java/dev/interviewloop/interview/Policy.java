package dev.interviewloop.interview;

/**
 * The numbers the interviewer decides by (scores on the grade's 0-5 scale).
 *
 * @param maxFollowUps probes and challenges per question before the interviewer moves on
 * @param strongScore a grade at or above this (with no misconception) earns a drill-deeper follow-up
 * @param weakScore below this, a {@code weak} follow-up may be asked
 * @param acknowledgeScore at or above this the interviewer acknowledges before moving on; below it, just moves on
 * @param stuckScore below this (or an empty, non-answer or gibberish reply) the candidate is stuck and gets the next hint
 * @param hintPenalty how much each hint taken on a question lowers the most that question can score
 * @param maxAnswerChars the longest answer accepted
 */
public record Policy(int maxFollowUps, double strongScore, double weakScore, double acknowledgeScore, double stuckScore,
                     double hintPenalty, int maxAnswerChars) {

    public static final Policy DEFAULT = new Policy(2, 4.0, 2.5, 3.0, 1.0, 0.5, 20_000);

    /** The highest score a question can get after {@code hints} hints. */
    public double cap(int hints) {
        return Math.max(0, 5.0 - hints * hintPenalty);
    }
}
