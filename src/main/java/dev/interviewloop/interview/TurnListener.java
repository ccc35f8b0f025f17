package dev.interviewloop.interview;

/**
 * Follows a turn as it happens, for clients that stream (the WebSocket). Every message is also in the
 * turn's result, so a listener is optional. Messages reach a listener as the candidate sees them:
 * in mock mode without grades.
 */
public interface TurnListener {

    TurnListener NONE = new TurnListener() {
    };

    /** A complete message: the candidate's, a notice, or an interviewer's once it is fully worded. */
    default void message(Message message) {
    }

    /** An interviewer message is about to be worded. */
    default void start(int seq, Move move, String speaker) {
    }

    /** The next piece of the interviewer message {@code seq}. */
    default void delta(int seq, String text) {
    }

    /** The candidate's message {@code seq} was graded (practice mode only). */
    default void grade(int seq, ShownGrade grade) {
    }

    /**
     * The turn followed so far was not kept: another turn changed the session first (another connection, another
     * instance). {@code session} is the session as it now is; the turn is played again on it and followed anew.
     */
    default void replayed(SessionView session) {
    }
}
