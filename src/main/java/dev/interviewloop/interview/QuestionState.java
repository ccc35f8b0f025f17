package dev.interviewloop.interview;

import dev.interviewloop.grading.Grade;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one asked question stands. Plain data, so a durable store can keep it as it is.
 *
 * @param number the position of the question (or of the plan question it drills from) in the round's plan, 1-based
 * @param drillOf the plan question this one drills from, when a strong answer's follow-up links a bank question; else null
 * @param followUpId the follow-up the interviewer is waiting on, or null while the question itself is open
 * @param answers the candidate's answers to this question and its follow-ups; they are graded together
 * @param grade the current grade (already capped for hints), or null until the first answer
 * @param previousScore the score a retry replaced, or null
 * @param attempts answers and retries given
 * @param followUps probes and challenges asked (capped per question)
 * @param hints hints given, which is also the position of the next one on the ladder
 * @param askedFollowUps ids of the follow-ups asked, so none is asked twice
 * @param challenged ids of the misconceptions already challenged
 * @param drilled whether the interviewer already drilled deeper after a strong answer
 * @param skipped whether the candidate skipped it without answering
 */
public record QuestionState(String questionId, int number, String drillOf, String followUpId, List<String> answers,
                            Grade grade, Double previousScore, int attempts, int followUps, int hints,
                            List<String> askedFollowUps, List<String> challenged, boolean drilled, boolean skipped) {

    public QuestionState {
        answers = List.copyOf(answers);
        askedFollowUps = List.copyOf(askedFollowUps);
        challenged = List.copyOf(challenged);
    }

    public static QuestionState asked(String questionId, int number, String drillOf) {
        return new QuestionState(questionId, number, drillOf, null, List.of(), null, null, 0, 0, 0, List.of(), List.of(),
                false, false);
    }

    public boolean attempted() {
        return attempts > 0;
    }

    public QuestionState answered(String answer, Grade newGrade) {
        return new QuestionState(questionId, number, drillOf, followUpId, plus(answers, answer), newGrade, previousScore,
                attempts + 1, followUps, hints, askedFollowUps, challenged, drilled, false);
    }

    /** A retry: the new answer replaces every earlier one, and its grade replaces the old grade. */
    public QuestionState retried(String answer, Grade newGrade) {
        Double replaced = grade == null ? null : grade.score();
        return new QuestionState(questionId, number, drillOf, null, List.of(answer), newGrade, replaced, attempts + 1,
                followUps, hints, askedFollowUps, challenged, drilled, false);
    }

    public QuestionState followingUp(String followUp, String misconceptionId) {
        return new QuestionState(questionId, number, drillOf, followUp, answers, grade, previousScore, attempts,
                followUps + 1, hints, followUp == null ? askedFollowUps : plus(askedFollowUps, followUp),
                misconceptionId == null ? challenged : plus(challenged, misconceptionId), drilled, skipped);
    }

    public QuestionState drilling(String followUp) {
        return new QuestionState(questionId, number, drillOf, followUp, answers, grade, previousScore, attempts,
                followUps, hints, plus(askedFollowUps, followUp), challenged, true, skipped);
    }

    /** Drilled into a linked bank question: this question is done, the linked one is asked next. */
    public QuestionState drilledInto(String followUp) {
        return new QuestionState(questionId, number, drillOf, null, answers, grade, previousScore, attempts,
                followUps, hints, plus(askedFollowUps, followUp), challenged, true, skipped);
    }

    public QuestionState hinted() {
        return new QuestionState(questionId, number, drillOf, followUpId, answers, grade, previousScore, attempts,
                followUps, hints + 1, askedFollowUps, challenged, drilled, skipped);
    }

    /** Done with: no follow-up pending. */
    public QuestionState settled() {
        return new QuestionState(questionId, number, drillOf, null, answers, grade, previousScore, attempts, followUps,
                hints, askedFollowUps, challenged, drilled, skipped);
    }

    public QuestionState skippedIfUnanswered() {
        return new QuestionState(questionId, number, drillOf, null, answers, grade, previousScore, attempts, followUps,
                hints, askedFollowUps, challenged, drilled, attempts == 0);
    }

    private static List<String> plus(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
