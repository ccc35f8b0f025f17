package dev.interviewloop.interview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.interviewloop.coding.Execution;
import dev.interviewloop.grading.Grade;

/**
 * A grade as a transcript message carries it: the {@link Grade} itself, plus the score it replaced
 * when the candidate retried the answer, and for a coding question the test run the grade stands on.
 */
public record ShownGrade(@JsonUnwrapped Grade grade,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double previousScore,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Execution execution) {

    public ShownGrade(Grade grade, Double previousScore) {
        this(grade, previousScore, null);
    }

    public static ShownGrade of(Grade grade) {
        return new ShownGrade(grade, null, null);
    }

    public double score() {
        return grade.score();
    }
}
