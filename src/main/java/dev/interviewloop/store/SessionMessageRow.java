package dev.interviewloop.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of a session's transcript (table {@code session_messages}): inserted once, never changed. The grade it
 * carries, if any, is JSON.
 */
@Entity
@Table(name = "session_messages")
public class SessionMessageRow extends PanacheEntityBase {

    @EmbeddedId
    @AttributeOverride(name = "position", column = @Column(name = "seq"))
    public SessionKey key;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String move;

    @Column(name = "question_id")
    public String questionId;

    public String speaker;

    @Column(name = "said_at")
    public Instant at;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(columnDefinition = "text")
    public String grade;

    /** A code run's result (JSON), on a candidate's run of code; null otherwise. */
    @Column(columnDefinition = "text")
    public String execution;
}
