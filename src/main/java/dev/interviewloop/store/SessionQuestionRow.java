package dev.interviewloop.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Where one asked question of a session stands (table {@code session_questions}): the
 * {@link dev.interviewloop.interview.QuestionState} as JSON, written when a turn changes it.
 */
@Entity
@Table(name = "session_questions")
public class SessionQuestionRow extends PanacheEntityBase {

    @EmbeddedId
    public SessionKey key;

    @Column(nullable = false, columnDefinition = "text")
    public String state;
}
