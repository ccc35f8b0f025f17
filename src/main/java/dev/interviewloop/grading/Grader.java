package dev.interviewloop.grading;

/** Grades one answer. Implementations state their name in every {@link Grade#grader()}. */
public interface Grader {

    Grade grade(GradingRequest request);
}
