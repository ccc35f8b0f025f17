package dev.interviewloop.grading;

/** How far an answer covers one rubric point. */
public enum Verdict {
    COVERED, PARTLY, MISSED
}
