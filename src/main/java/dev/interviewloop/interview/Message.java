package dev.interviewloop.interview;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One line of the transcript.
 *
 * @param seq 1-based position in the transcript
 * @param move for the interviewer a {@link Move}, for the candidate a {@link Command}, for the system {@code notice}
 *             (wire names)
 * @param questionId the bank question the message is about, or null (opening, closing, notices)
 * @param speaker who worded an interviewer message: {@code built-in} or {@code llm}; null otherwise
 * @param grade on a candidate's answer or retry once graded; null otherwise
 */
public record Message(int seq, Role role, String move, String text, String questionId, String speaker, Instant at,
                      ShownGrade grade) {

    public static final String NOTICE = "notice";

    public Message withGrade(ShownGrade shown) {
        return new Message(seq, role, move, text, questionId, speaker, at, shown);
    }

    public Message withoutGrade() {
        return grade == null ? this : withGrade(null);
    }

    @JsonIgnore
    public boolean isInterviewer() {
        return role == Role.INTERVIEWER;
    }
}
