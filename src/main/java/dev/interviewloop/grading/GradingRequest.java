package dev.interviewloop.grading;

import dev.interviewloop.knowledge.Question;

/**
 * What to grade: an answer, and the question to grade it against. Exactly one of these holds:
 * {@code question} is a bank question; or {@code questionText} is free text (matched to the bank or
 * graded against retrieved passages), optionally with a free-text {@code reference} answer, in which
 * case the reference is split into rubric points.
 */
public record GradingRequest(Question question, String questionText, String reference, String answer) {

    public static GradingRequest of(Question question, String answer) {
        return new GradingRequest(question, null, null, answer);
    }

    public static GradingRequest free(String questionText, String reference, String answer) {
        return new GradingRequest(null, questionText, reference, answer);
    }
}
