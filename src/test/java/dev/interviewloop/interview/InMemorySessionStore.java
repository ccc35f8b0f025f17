package dev.interviewloop.interview;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Sessions in a map, for the engine's tests (the service keeps them in the database: store/JpaSessionStore). */
public class InMemorySessionStore implements SessionStore {

    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<Session> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public void save(Session session) {
        sessions.put(session.id(), session);
    }

    @Override
    public void append(Session before, Session after) {
        if (!sessions.replace(after.id(), before, after)) {
            throw new Conflict("session " + after.id() + " changed while this turn was played", null);
        }
    }
}
