package dev.interviewloop.interview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.interviewloop.interview.SessionView.LoopRef;
import dev.interviewloop.interview.SessionView.PersonaRef;
import dev.interviewloop.interview.SessionView.RoundRef;
import java.time.Instant;
import java.util.List;

/**
 * The end-of-round report (docs/session-api.md, "report").
 *
 * @param averageScore the mean score over every question of the round: answered ones, skipped ones (0) and,
 *                     when the round ended early, plan questions never reached (0)
 * @param bar the persona's hiring bar
 * @param verdict {@code strong hire}, {@code hire}, {@code lean no hire} or {@code no hire} (see {@link #verdict(double, double)})
 * @param strengths key points covered, each with the candidate's own words as evidence
 * @param gaps key points missed or partly covered, misconceptions stated, questions skipped or not reached
 * @param study the note sections behind every question scored below the bar
 */
public record Report(String sessionId, LoopRef loop, RoundRef round, PersonaRef persona, Mode mode,
                     List<QuestionScore> questions, double averageScore, double bar, String verdict,
                     List<String> strengths, List<String> gaps, List<Study> study, Instant startedAt,
                     Instant finishedAt, EndReason endReason) {

    public static final String STRONG_HIRE = "strong hire";
    public static final String HIRE = "hire";
    public static final String LEAN_NO_HIRE = "lean no hire";
    public static final String NO_HIRE = "no hire";

    /**
     * One question's result.
     *
     * @param status {@code answered}, {@code skipped} (asked, never answered) or {@code not-asked} (the round ended first)
     * @param drillOf the question this one drilled from, or null
     * @param feedback the grade's feedback, or null
     * @param modelAnswer the outline of a strong answer (the round is over, so it is shown), or null if not reached
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionScore(String questionId, String title, String topic, int number, String drillOf,
                                String status, double score, String grader, int attempts, int hints,
                                boolean skipped, String feedback, String modelAnswer) {
    }

    /** A note section to read: {@code url} opens it in the UI ({@code GET /api/notes/{note}} serves its text). */
    public record Study(String note, String section, String title, String url) {
    }

    /** Average against bar: >= bar + 0.75 strong hire; >= bar hire; >= bar - 0.75 lean no hire; else no hire. */
    public static String verdict(double average, double bar) {
        if (average >= bar + 0.75) {
            return STRONG_HIRE;
        }
        if (average >= bar) {
            return HIRE;
        }
        return average >= bar - 0.75 ? LEAN_NO_HIRE : NO_HIRE;
    }
}
