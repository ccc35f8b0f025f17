package dev.interviewloop.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A stored session (table {@code sessions}): the whole {@link dev.interviewloop.interview.Session} as a JSON document,
 * plus the columns that lists and filters need. Only the token's SHA-256 is kept.
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

    @Column(nullable = false, columnDefinition = "text")
    public String document;

    /** Optimistic locking: a save that lost a race with another writer fails instead of overwriting it. */
    @Version
    public long version;
}
