package dev.interviewloop.grading;

/**
 * A grade and, when part of the grading fell back (the LLM grader failed and the rubric grader
 * graded alone), the notice to show the candidate in the chat; otherwise {@code notice} is null.
 */
public record GradeOutcome(Grade grade, String notice) {

    public static GradeOutcome of(Grade grade) {
        return new GradeOutcome(grade, null);
    }
}
