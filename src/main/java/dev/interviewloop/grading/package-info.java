/**
 * Grading an answer against the reference material: the {@link dev.interviewloop.grading.Grade}
 * every grader produces (score 0-5, rubric verdicts with the answer's own words as evidence,
 * misconceptions, flags, citations, and the name of the grader), the built-in rubric grader that
 * needs no LLM, and the resolution of what to grade against (a bank question, free question text
 * matched to the bank, retrieved passages, or a free-text reference answer).
 */
package dev.interviewloop.grading;
