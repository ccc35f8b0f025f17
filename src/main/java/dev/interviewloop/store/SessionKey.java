package dev.interviewloop.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The key of a row that belongs to a session: the session's id and a 1-based position (a message's seq, a question's). */
@Embeddable
public class SessionKey implements Serializable {

    @Column(name = "session_id")
    public String sessionId;

    /** Mapped to the table's own column name by each entity ({@code seq}, {@code position}). */
    public int position;

    public SessionKey() {
    }

    SessionKey(String sessionId, int position) {
        this.sessionId = sessionId;
        this.position = position;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionKey k && k.position == position && Objects.equals(k.sessionId, sessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, position);
    }
}
