package dev.interviewloop.interview;

import java.time.Instant;
import java.util.List;

/**
 * One candidate's round, as stored: plain data (records, enums, strings, instants) so that a durable
 * {@link SessionStore} can keep it unchanged.
 *
 * @param tokenHash SHA-256 (hex) of the session token; the token itself is never stored
 * @param seed fixes which of the persona's phrasings the built-in interviewer picks
 * @param planCursor the position in the round's plan of the next question to consider
 * @param questions every question asked, in order; the last is the current one while the round runs
 */
public record Session(String id, String tokenHash, String loopId, String roundId, String personaId, Mode mode,
                      long seed, Instant startedAt, Instant endsAt, Instant finishedAt, SessionState state,
                      EndReason endReason, int planCursor, List<QuestionState> questions, List<Message> messages) {

    public Session {
        questions = List.copyOf(questions);
        messages = List.copyOf(messages);
    }

    public boolean finished() {
        return state == SessionState.FINISHED;
    }

    public QuestionState current() {
        return questions.isEmpty() ? null : questions.get(questions.size() - 1);
    }
}
