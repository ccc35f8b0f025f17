package dev.interviewloop.store;

import java.time.Instant;
import java.util.List;

/**
 * The questions a practice round of weak topics asks, in order, each with why it was chosen.
 *
 * @param weakTopics the weak topics at the time, weakest first
 */
public record PracticePlan(List<Planned> questions, List<String> weakTopics) {

    /** Why a question is in the round. */
    public enum Reason {
        /** Answered before and due again: the worst latest scores come first. */
        DUE,
        /** Never asked yet, from a weak topic. */
        WEAK_TOPIC,
        /** Answered before and not due yet: only to fill the round, the soonest due first. */
        NOT_DUE_YET
    }

    /**
     * One question.
     *
     * @param lastScore the latest result, or null for a question not asked before
     * @param due when it is due again, or null for a question not asked before
     * @param why the reason in words
     */
    public record Planned(String questionId, String title, String topic, Reason reason, Double lastScore, Instant due,
                          String why) {
    }
}
