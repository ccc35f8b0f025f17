package dev.interviewloop.llm;

import dev.interviewloop.grading.Grade;

/**
 * The LLM grader's grade, with how many of the model's quotes were not in the answer and so were
 * dropped (the points they claimed count as missed, the misconceptions they claimed are left out).
 */
public record LlmGrade(Grade grade, int droppedQuotes) {
}
