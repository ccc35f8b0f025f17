package dev.interviewloop.grading;

/** Grades one answer. Implementations state their name in every {@link Grade#grader()}. */
public interface Grader {

    Grade grade(GradingRequest request);

    /**
     * Grades one answer, with a notice for the candidate when the grading fell back to fewer graders
     * than configured. A grader that cannot fall back has no notice.
     */
    default GradeOutcome gradeWithNotice(GradingRequest request) {
        return GradeOutcome.of(grade(request));
    }
}
