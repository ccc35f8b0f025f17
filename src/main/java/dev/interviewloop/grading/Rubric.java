package dev.interviewloop.grading;

import dev.interviewloop.knowledge.KeyPoint;
import dev.interviewloop.knowledge.Misconception;
import java.util.List;

/**
 * What one answer is graded against, however it was found: a bank question's rubric, the rubric
 * of a bank question matched to free text, points taken from retrieved passages, or points split
 * out of a reference answer.
 *
 * @param basis {@code bank}, {@code matched}, {@code retrieved} or {@code reference} (see {@link Grade#basis()})
 * @param questionId the bank question, or null
 * @param questionText the question as asked
 * @param points the rubric points, weighted
 * @param misconceptions known wrong statements with their corrections (bank questions only)
 * @param modelAnswer an outline of a strong answer
 * @param citations the reference passages the rubric rests on
 * @param exemplars optional graded answers to the same question; when present they inform the score
 * @param note a sentence for the feedback about the basis (for example "no bank question matched"), or empty
 */
public record Rubric(String basis, String questionId, String questionText, List<KeyPoint> points,
                     List<Misconception> misconceptions, String modelAnswer, List<Citation> citations,
                     List<Exemplar> exemplars, String note) {

    /** A graded answer to the same question, used as a labelled example. */
    public record Exemplar(String answer, double score) {
    }

    public Rubric {
        points = List.copyOf(points);
        misconceptions = List.copyOf(misconceptions);
        citations = List.copyOf(citations);
        exemplars = List.copyOf(exemplars);
        note = note == null ? "" : note;
        questionText = questionText == null ? "" : questionText;
        modelAnswer = modelAnswer == null ? "" : modelAnswer;
    }

    public Rubric withExemplars(List<Exemplar> exemplars) {
        return new Rubric(basis, questionId, questionText, points, misconceptions, modelAnswer, citations, exemplars, note);
    }

    public double totalWeight() {
        return points.stream().mapToDouble(KeyPoint::weight).sum();
    }
}
