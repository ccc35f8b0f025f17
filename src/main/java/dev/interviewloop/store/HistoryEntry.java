package dev.interviewloop.store;

import java.time.Instant;

/**
 * One past or running round, as the history lists it.
 *
 * @param date when the round started
 * @param score the report's average score once the round is finished, else null
 * @param verdict the report's verdict once the round is finished, else null
 * @param results how many questions have been graded or skipped
 */
public record HistoryEntry(String id, Ref loop, Ref round, Ref persona, String mode, String state, boolean done,
                           Instant date, Instant finishedAt, Double score, String verdict, int results) {

    /** An id and its display title (a persona's name). */
    public record Ref(String id, String title) {
    }
}
