package dev.interviewloop.interview;

import java.util.List;
import java.util.Optional;

/** Where sessions are kept. The engine saves the whole session after every turn. */
public interface SessionStore {

    Optional<Session> find(String id);

    /** The SHA-256 of a session's token, to authorize a request before any work; a store may read less than find. */
    default Optional<String> tokenHash(String id) {
        return find(id).map(Session::tokenHash);
    }

    void save(Session session);

    /** Every session, newest first. */
    List<Session> all();
}
