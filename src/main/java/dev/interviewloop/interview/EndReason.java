package dev.interviewloop.interview;

/** Why a round closed. */
public enum EndReason {
    /** Every question of the plan (up to the round's budget) was asked and dealt with. */
    BUDGET,
    /** The round's time ran out. */
    TIME,
    /** The candidate ended the round. */
    CANDIDATE
}
