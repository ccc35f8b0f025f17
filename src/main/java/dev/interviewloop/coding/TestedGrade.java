package dev.interviewloop.coding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.interviewloop.grading.Grade;

/**
 * A grade with the test run behind it: {@code POST /api/grade} answers with the grade's fields and, for a coding
 * question, {@code execution}.
 */
public record TestedGrade(@JsonUnwrapped Grade grade, @JsonInclude(JsonInclude.Include.NON_NULL) Execution execution) {
}
