package dev.interviewloop.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A practice round built from weak questions (table {@code practice_rounds}); its plan is a JSON array of ids. */
@Entity
@Table(name = "practice_rounds")
public class PracticeRoundRow extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String title;

    @Column(name = "persona_id", nullable = false)
    public String personaId;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(nullable = false, columnDefinition = "text")
    public String questions;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
