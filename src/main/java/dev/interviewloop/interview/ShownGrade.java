package dev.interviewloop.interview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.interviewloop.grading.Grade;

/**
 * A grade as a transcript message carries it: the {@link Grade} itself, plus the score it replaced
 * when the candidate retried the answer.
 */
public record ShownGrade(@JsonUnwrapped Grade grade,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double previousScore) {

    public static ShownGrade of(Grade grade) {
        return new ShownGrade(grade, null);
    }

    public double score() {
        return grade.score();
    }
}
