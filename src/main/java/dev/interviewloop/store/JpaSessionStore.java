package dev.interviewloop.store;

import dev.interviewloop.interview.Report;
import dev.interviewloop.interview.Reports;
import dev.interviewloop.interview.RoundCatalog;
import dev.interviewloop.interview.Session;
import dev.interviewloop.interview.SessionStore;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's {@link SessionStore}: every session in the database, so a round survives a restart. A save is one
 * transaction that upserts the session's row (its JSON document and list columns; the version column turns a lost
 * race into an error instead of a silent overwrite) and brings its question results up to date. {@link #find} gives back
 * exactly the session saved.
 */
@ApplicationScoped
public class JpaSessionStore implements SessionStore {

    static final String SAVE = "interview_loop.store.save";
    static final String FIND = "interview_loop.store.find";

    private final SessionDocuments documents;
    private final KnowledgeBase knowledge;
    private final RoundCatalog rounds;
    private final MeterRegistry meters;

    public JpaSessionStore(SessionDocuments documents, KnowledgeBase knowledge, RoundCatalog rounds, MeterRegistry meters) {
        this.documents = documents;
        this.knowledge = knowledge;
        this.rounds = rounds;
        this.meters = meters;
    }

    @Override
    @Transactional
    public Optional<Session> find(String id) {
        Timer.Sample sample = Timer.start(meters);
        try {
            SessionRow row = id == null ? null : SessionRow.findById(id);
            return row == null ? Optional.empty() : Optional.of(documents.read(row.id, row.document));
        } finally {
            sample.stop(meters.timer(FIND));
        }
    }

    /** Only the token's hash column: a request is authorized without reading the session. */
    @Override
    @Transactional
    public Optional<String> tokenHash(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return SessionRow.getEntityManager()
                .createQuery("select s.tokenHash from SessionRow s where s.id = ?1", String.class)
                .setParameter(1, id).getResultStream().findFirst();
    }

    @Override
    @Transactional
    public void save(Session session) {
        Timer.Sample sample = Timer.start(meters);
        SessionRow row = SessionRow.findById(session.id());
        boolean fresh = row == null;
        if (fresh) {
            row = new SessionRow();
            row.id = session.id();
        }
        row.tokenHash = session.tokenHash();
        row.loopId = session.loopId();
        row.roundId = session.roundId();
        row.personaId = session.personaId();
        row.mode = session.mode().wireName();
        row.state = session.state().name();
        row.startedAt = session.startedAt();
        row.finishedAt = session.finishedAt();
        row.document = documents.write(session);
        Optional<Report> report = report(session);
        row.averageScore = report.map(Report::averageScore).orElse(null);
        row.verdict = report.map(Report::verdict).orElse(null);
        if (fresh) {
            row.persist();
        }
        writeResults(session, fresh);
        sample.stop(meters.timer(SAVE));
    }

    /**
     * Brings the session's question results up to date: new ones inserted, changed ones updated, vanished ones
     * deleted. (A turn changes one result at most; deleting and inserting them all cost a bulk delete, a flush and
     * every insert on every turn: a quarter of a turn's request-thread CPU in a profile.)
     */
    private void writeResults(Session session, boolean fresh) {
        Map<String, QuestionResultRow> stored = new HashMap<>();
        if (!fresh) {
            QuestionResultRow.<QuestionResultRow>list("sessionId", session.id()).forEach(r -> stored.put(r.id, r));
        }
        for (QuestionResult result : QuestionResult.of(session, knowledge)) {
            QuestionResultRow row = stored.remove(QuestionResultRow.idOf(result));
            if (row == null) {
                QuestionResultRow.of(result).persist();
            } else {
                row.fill(result);
            }
        }
        stored.values().forEach(QuestionResultRow::delete);
    }

    @Override
    @Transactional
    public List<Session> all() {
        List<SessionRow> rows = SessionRow.list("order by startedAt desc, id");
        return rows.stream().map(r -> documents.read(r.id, r.document)).toList();
    }

    /** The report of a finished session, for the history's score and verdict. */
    private Optional<Report> report(Session session) {
        if (!session.finished()) {
            return Optional.empty();
        }
        Optional<Loop> loop = rounds.loop(session.loopId(), session.roundId());
        return loop.map(l -> Reports.build(session, l, knowledge));
    }
}
