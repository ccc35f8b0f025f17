package dev.interviewloop.interview;

/** Where a session is: waiting for the candidate, or over (the report is ready). */
public enum SessionState {
    AWAITING_ANSWER, FINISHED
}
