package dev.interviewloop.interview;

import java.util.List;
import java.util.Optional;

/**
 * Where sessions are kept. A new session is saved whole; each turn then appends to it: the messages it added and the
 * questions it changed, never the whole session again.
 */
public interface SessionStore {

    /**
     * A turn that started from a session another turn has changed meanwhile (on this instance or another one sharing
     * the database): nothing of it was stored, and it can be played again on the session as it now is.
     */
    final class Conflict extends RuntimeException {
        public Conflict(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Optional<Session> find(String id);

    /** The SHA-256 of a session's token, to authorize a request before any work; a store may read less than find. */
    default Optional<String> tokenHash(String id) {
        return find(id).map(Session::tokenHash);
    }

    /** Stores a session whole: a new one, or one that replaces what is stored under its id. */
    void save(Session session);

    /**
     * Stores one turn: {@code after} is {@code before} with messages added at the end and questions changed or added.
     * Throws {@link Conflict}, storing nothing, when the stored session is no longer {@code before}.
     */
    void append(Session before, Session after);

    /** Every session, newest first. */
    List<Session> all();
}
