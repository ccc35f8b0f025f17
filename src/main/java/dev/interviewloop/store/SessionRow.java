package dev.interviewloop.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A stored session's header (table {@code sessions}): everything but its transcript lines
 * ({@link SessionMessageRow}) and its questions ({@link SessionQuestionRow}), plus what the history lists (the
 * report's score and verdict, the number of results). Only the token's SHA-256 is kept. A row written by version 1 of
 * the schema has its whole session in {@code document} instead, until its next turn.
 */
@Entity
@Table(name = "sessions")
public class SessionRow extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "loop_id", nullable = false)
    public String loopId;

    @Column(name = "round_id", nullable = false)
    public String roundId;

    @Column(name = "persona_id", nullable = false)
    public String personaId;

    /** The mode's wire name: {@code practice} or {@code mock}. */
    @Column(nullable = false)
    public String mode;

    /** The {@link dev.interviewloop.interview.SessionState} name. */
    @Column(nullable = false)
    public String state;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The report's average once the round is finished, else null. */
    @Column(name = "average_score")
    public Double averageScore;

    /** The report's verdict once the round is finished, else null. */
    public String verdict;

    /** The whole session as JSON, in rows written by version 1 of the schema only; null otherwise. */
    @Column(columnDefinition = "text")
    public String document;

    public Long seed;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "plan_cursor")
    public Integer planCursor;

    /** How many transcript lines are stored. */
    @Column(name = "message_count", nullable = false)
    public int messageCount;

    /** Questions graded or skipped so far. */
    @Column(nullable = false)
    public int results;

    /** Optimistic locking: a save that lost a race with another writer fails instead of overwriting it. */
    @Version
    public long version;
}
