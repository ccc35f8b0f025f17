package dev.interviewloop.grading;

/**
 * A wrong statement found in the answer.
 *
 * @param id the bank misconception id, or an empty string for one the grader found without the bank
 * @param evidence the exact words of the answer that state it
 */
public record MisconceptionHit(String id, String statement, String correction, String evidence, int start, int end) {
}
