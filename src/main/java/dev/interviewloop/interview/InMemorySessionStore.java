package dev.interviewloop.interview;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Sessions in memory: lost on restart. The default until a durable store is configured. */
@ApplicationScoped
@DefaultBean
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

    @Override
    public List<Session> all() {
        return sessions.values().stream().sorted(Comparator.comparing(Session::startedAt).reversed()).toList();
    }
}
