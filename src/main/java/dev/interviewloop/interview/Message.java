package dev.interviewloop.interview;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.interviewloop.coding.Execution;
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
 * @param execution on a candidate's {@code run}: the code run against the question's visible examples; null otherwise
 */
public record Message(int seq, Role role, String move, String text, String questionId, String speaker, Instant at,
                      ShownGrade grade, @JsonInclude(JsonInclude.Include.NON_NULL) Execution execution) {

    public static final String NOTICE = "notice";

    public Message(int seq, Role role, String move, String text, String questionId, String speaker, Instant at,
                   ShownGrade grade) {
        this(seq, role, move, text, questionId, speaker, at, grade, null);
    }

    public Message withGrade(ShownGrade shown) {
        return new Message(seq, role, move, text, questionId, speaker, at, shown, execution);
    }

    public Message withExecution(Execution run) {
        return new Message(seq, role, move, text, questionId, speaker, at, grade, run);
    }

    public Message withoutGrade() {
        return grade == null ? this : withGrade(null);
    }

    @JsonIgnore
    public boolean isInterviewer() {
        return role == Role.INTERVIEWER;
    }
}
