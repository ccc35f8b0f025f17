/**
 * Grading an answer against the reference material: the {@link dev.interviewloop.grading.Grade}
 * every grader produces (score 0-5, rubric verdicts with the answer's own words as evidence,
 * misconceptions, flags, citations, and the name of the grader), the built-in
 * {@link dev.interviewloop.grading.RubricGrader} that needs no LLM, and the resolution of what to
 * grade against ({@link dev.interviewloop.grading.RubricResolver}: a bank question, free question
 * text matched to the bank, retrieved passages, or a free-text reference answer split into points).
 * {@link dev.interviewloop.grading.GradingService} is the entry point for the rest of the
 * application; the grader's few fitted numbers live in {@code grading/grader-model.properties}
 * ({@link dev.interviewloop.grading.GraderModel}).
 */
package dev.interviewloop.grading;
