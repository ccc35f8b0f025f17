package dev.interviewloop.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One question of a session once graded or skipped (table {@code question_results}); rewritten with every save of
 * the session (only the rows that changed are written). Skipped questions score 0.
 */
@Entity
@Table(name = "question_results")
public class QuestionResultRow extends PanacheEntityBase {

    /** {@code <session id>:<position>}. */
    @Id
    public String id;

    @Column(name = "session_id", nullable = false)
    public String sessionId;

    /** The question's position among the session's asked questions, 1-based. */
    @Column(nullable = false)
    public int position;

    @Column(name = "question_id", nullable = false)
    public String questionId;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public int hints;

    @Column(nullable = false)
    public boolean skipped;

    @Column(name = "graded_at", nullable = false)
    public Instant gradedAt;

    QuestionResult toResult() {
        return new QuestionResult(sessionId, position, questionId, topic, score, hints, skipped, gradedAt);
    }

    static QuestionResultRow of(QuestionResult r) {
        QuestionResultRow row = new QuestionResultRow();
        row.id = idOf(r);
        row.fill(r);
        return row;
    }

    static String idOf(QuestionResult r) {
        return r.sessionId() + ":" + r.position();
    }

    /** Takes the result's values (a managed row is then written at commit only if one changed). */
    void fill(QuestionResult r) {
        sessionId = r.sessionId();
        position = r.position();
        questionId = r.questionId();
        topic = r.topic();
        score = r.score();
        hints = r.hints();
        skipped = r.skipped();
        gradedAt = r.gradedAt();
    }
}
