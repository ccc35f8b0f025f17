package dev.interviewloop.store;

import java.time.Instant;

/**
 * A question in the spaced-repetition queue (see {@link SpacedRepetition}).
 *
 * @param lastScore the latest result (0 when skipped)
 * @param attempts how many results it has
 * @param streak consecutive passing results up to the latest
 * @param intervalDays how many days after the latest result it is due
 * @param dueNow whether it is due now
 */
public record ScheduledQuestion(String questionId, String title, String topic, double lastScore, Instant lastAt,
                                int attempts, int streak, double intervalDays, Instant due, boolean dueNow) {
}
