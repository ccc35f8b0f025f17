package dev.interviewloop.store;

import dev.interviewloop.interview.RoundCatalog;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import dev.interviewloop.knowledge.Round;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The engine's {@link RoundCatalog}: the loops of {@code knowledge/}, plus the loop {@value #LOOP_ID} whose rounds
 * are the practice rounds built from the candidate's weak questions and kept in table {@code practice_rounds}.
 */
@ApplicationScoped
public class PracticeRounds implements RoundCatalog {

    /** The loop id of practice rounds; a loop of {@code knowledge/} with this id would be hidden by them. */
    public static final String LOOP_ID = "practice";
    public static final String LOOP_TITLE = "Practice: your weak topics";
    private static final String LOOP_DESCRIPTION = "Rounds built from the questions you answered worst, the ones due "
            + "again first (spaced repetition).";

    private final KnowledgeBase knowledge;
    private final SessionDocuments documents;
    private final ConcurrentMap<String, Round> rounds = new ConcurrentHashMap<>();

    public PracticeRounds(KnowledgeBase knowledge, SessionDocuments documents) {
        this.knowledge = knowledge;
        this.documents = documents;
    }

    @Override
    public Optional<Loop> loop(String loopId, String roundId) {
        if (!LOOP_ID.equals(loopId)) {
            return knowledge.loop(loopId);
        }
        List<Round> found = roundId == null ? List.of() : round(roundId).map(List::of).orElse(List.of());
        return Optional.of(new Loop(LOOP_ID, LOOP_TITLE, null, LOOP_DESCRIPTION, found));
    }

    /** A stored practice round. Rounds never change once built, so each is read from the database once. */
    public Optional<Round> round(String roundId) {
        Round cached = rounds.get(roundId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Round> read = read(roundId);
        read.ifPresent(r -> rounds.put(r.id(), r));
        return read;
    }

    /** Keeps a new practice round. */
    @Transactional
    public Round save(Round round, Instant createdAt) {
        PracticeRoundRow row = new PracticeRoundRow();
        row.id = round.id();
        row.title = round.title();
        row.personaId = round.persona();
        row.durationMinutes = round.durationMinutes();
        row.questions = documents.writeIds(round.questions());
        row.createdAt = createdAt;
        row.persist();
        rounds.put(round.id(), round);
        return round;
    }

    @Transactional
    Optional<Round> read(String roundId) {
        PracticeRoundRow row = PracticeRoundRow.findById(roundId);
        if (row == null) {
            return Optional.empty();
        }
        List<String> ids = documents.readIds("practice round " + row.id + " (table 'practice_rounds', column 'questions')",
                row.questions);
        return Optional.of(new Round(row.id, row.title, row.personaId, row.durationMinutes, focus(row.title), ids, 0));
    }

    static String focus(String title) {
        return "The questions you answered worst, due again first: " + title + ".";
    }
}
