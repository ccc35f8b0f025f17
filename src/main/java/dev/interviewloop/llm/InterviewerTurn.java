package dev.interviewloop.llm;

import dev.interviewloop.knowledge.Persona;
import dev.interviewloop.knowledge.VoiceLine;
import java.util.List;

/**
 * One interviewer move to word, as the engine decided it. Holds only what the interviewer may say
 * out loud, never the model answer or a key point's text: the question or follow-up being asked,
 * the hint to give, the correction of a misconception the candidate stated, and the candidate's
 * own words.
 *
 * @param move what to do; the engine decided it
 * @param questionId the bank question the move is about, or null (opening, closing)
 * @param prompt what is being asked now: the question or a follow-up; null for a probe or drill means "the bank's
 *               follow-ups are used up: pose a new one from the reference passages"
 * @param hint the hint to give (hint move), or null when the ladder is used up
 * @param correction what is true instead of what the candidate said (challenge move), or null
 * @param candidateText the candidate's last words, or null
 * @param missedKeyPoints ids of the key points the last grade found missing; used to find passages, never shown to the model
 * @param attempted whether the candidate has answered this question at least once
 * @param endReason why the round closes (closing move), or null
 * @param history the transcript so far, oldest first
 */
public record InterviewerTurn(VoiceLine move, Persona persona, String loopTitle, String roundTitle, String questionId,
                              String questionTitle, String prompt, String hint, int hintNumber, int hintCount,
                              String correction, String candidateText, List<String> missedKeyPoints, boolean attempted,
                              String endReason, List<Line> history) {

    public InterviewerTurn {
        missedKeyPoints = missedKeyPoints == null ? List.of() : List.copyOf(missedKeyPoints);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * One earlier line of the transcript.
     *
     * @param role {@code interviewer}, {@code candidate} or {@code system}
     */
    public record Line(String role, String text) {
    }

    /** Whether the engine wants a follow-up the bank does not have: the model poses one from the passages. */
    public boolean composesFollowUp() {
        return (move == VoiceLine.PROBE || move == VoiceLine.DRILL) && (prompt == null || prompt.isBlank());
    }

    /**
     * Whether reference passages may be shown to the model for this move: only once the candidate has
     * tried the question, and only for the moves that dig into the answer (probe, challenge, drill).
     * Before an attempt, and for hints, clarifications and acknowledgements, the model sees no reference
     * material, so it has nothing to give away.
     */
    public boolean grounded() {
        return attempted && (move == VoiceLine.PROBE || move == VoiceLine.CHALLENGE || move == VoiceLine.DRILL);
    }
}
