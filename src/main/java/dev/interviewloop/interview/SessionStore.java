package dev.interviewloop.interview;

import java.util.Optional;

/** Where sessions are kept. The engine saves the whole session after every turn. */
public interface SessionStore {

    Optional<Session> find(String id);

    void save(Session session);
}
