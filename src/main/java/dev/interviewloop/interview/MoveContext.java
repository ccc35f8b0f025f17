package dev.interviewloop.interview;

import dev.interviewloop.knowledge.Persona;
import dev.interviewloop.knowledge.QuestionKind;
import dev.interviewloop.knowledge.Round;
import java.util.List;

/**
 * Everything a voice may use to word one interviewer move, and nothing more. It deliberately holds no
 * model answer and no key point text: only what the interviewer may say out loud (the prompt, the
 * hint, the correction of a misconception the candidate stated) and the ids of the key points the
 * candidate missed. So no voice, built-in or LLM, can give the answer away before the candidate has tried.
 *
 * @param move what to say
 * @param loopTitle the loop's title
 * @param questionId the bank question the move is about, or null (opening, closing)
 * @param prompt what is being asked now: the question's prompt or a follow-up's (for ask, probe, drill, clarify,
 *               a challenge that has a follow-up, and a hint, as a reminder); null otherwise
 * @param hint the hint to give (hint move); null when the ladder is used up
 * @param hintNumber 1-based position of the hint on the ladder (hint move), else 0
 * @param hintCount how many hints the question has
 * @param correction what is true instead of the misconception the candidate stated (challenge move), else null
 * @param candidateText the candidate's last words (their answer, or their clarifying question), or null
 * @param missedKeyPoints ids of the key points the last grade found missing (empty before an attempt)
 * @param attempted whether the candidate has answered this question at least once
 * @param endReason why the round closes (closing move), else null
 * @param history the transcript so far, as role, move and text only (no grades)
 * @param seed the session's seed; together with {@code seq} it fixes the built-in voice's choice of phrasing
 * @param seq the sequence number the message will get
 * @param previousLine the text of the last message with the same move, so a voice can avoid repeating it, or null
 */
public record MoveContext(Move move, Persona persona, String loopTitle, Round round, Mode mode, String questionId,
                          String questionTitle, String topic, QuestionKind kind, String prompt, String hint,
                          int hintNumber, int hintCount, String correction, String candidateText,
                          List<String> missedKeyPoints, boolean attempted, EndReason endReason, List<Line> history,
                          long seed, int seq, String previousLine) {

    public MoveContext {
        missedKeyPoints = List.copyOf(missedKeyPoints);
        history = List.copyOf(history);
    }

    /** One earlier transcript line. */
    public record Line(Role role, String move, String text) {
    }
}
