package dev.interviewloop.grading;

/**
 * The verdict on one rubric point.
 *
 * @param evidence the exact words of the answer that show the point ({@code answer.substring(start, end)}),
 *                 or an empty string when missed
 * @param start offset of the evidence in the answer, or -1
 * @param end end offset (exclusive) of the evidence in the answer, or -1
 * @param reason one line saying why this verdict
 */
public record KeyPointResult(String id, String text, double weight, Verdict verdict, String evidence, int start, int end,
                             String reason) {
}
