package dev.interviewloop.store;

import dev.interviewloop.coding.Execution;
import dev.interviewloop.interview.EndReason;
import dev.interviewloop.interview.Message;
import dev.interviewloop.interview.Mode;
import dev.interviewloop.interview.QuestionState;
import dev.interviewloop.interview.Report;
import dev.interviewloop.interview.Reports;
import dev.interviewloop.interview.Role;
import dev.interviewloop.interview.RoundCatalog;
import dev.interviewloop.interview.Session;
import dev.interviewloop.interview.SessionState;
import dev.interviewloop.interview.SessionStore;
import dev.interviewloop.interview.ShownGrade;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Loop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engine's {@link SessionStore}: every session in the database, so a round survives a restart. A session is its
 * header row, one row per transcript line and one per asked question. A turn ({@link #append}) inserts the lines it
 * added and writes the questions it changed and the header, in one transaction; it stores only from the state it was
 * played on (the header's line count and version, and the lines' primary key, turn a race between two instances into a
 * {@link SessionStore.Conflict}). {@link #find} gives back exactly the session stored.
 */
@ApplicationScoped
public class JpaSessionStore implements SessionStore {

    static final String SAVE = "interview_loop.store.save";
    static final String FIND = "interview_loop.store.find";
    private static final String BY_SESSION = "key.sessionId = ?1 order by key.position";

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
            return row == null ? Optional.empty() : Optional.of(read(row));
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
        } else {
            SessionMessageRow.delete("key.sessionId", session.id());
            SessionQuestionRow.delete("key.sessionId", session.id());
        }
        header(row, session);
        if (fresh) {
            row.persist();
        }
        for (Message m : session.messages()) {
            message(session.id(), m).persist();
        }
        for (int i = 0; i < session.questions().size(); i++) {
            writeQuestion(session.id(), i + 1, session.questions().get(i), true);
        }
        writeResults(session, fresh, null);
        sample.stop(meters.timer(SAVE));
    }

    @Override
    @Transactional
    public void append(Session before, Session after) {
        Timer.Sample sample = Timer.start(meters);
        SessionRow row = SessionRow.findById(after.id());
        if (row == null) {
            throw new StoreException("session " + after.id() + " is not in table 'sessions' any more", null);
        }
        int stored = row.document != null ? read(row).messages().size() : row.messageCount;
        if (stored != before.messages().size()) {
            throw conflict(after, null);
        }
        boolean version1 = row.document != null;
        List<Message> messages = after.messages();
        for (Message m : messages.subList(version1 ? 0 : stored, messages.size())) {
            message(after.id(), m).persist();
        }
        Set<Integer> changed = new HashSet<>();
        for (int i = 0; i < after.questions().size(); i++) {
            QuestionState q = after.questions().get(i);
            boolean isNew = version1 || i >= before.questions().size();
            if (isNew || !q.equals(before.questions().get(i))) {
                writeQuestion(after.id(), i + 1, q, isNew);
                changed.add(i + 1);
            }
        }
        header(row, after);
        writeResults(after, false, changed);
        try {
            SessionRow.getEntityManager().flush(); // a lost race shows here: a stale version, or a line already stored
        } catch (PersistenceException e) {
            throw conflict(after, e);
        }
        sample.stop(meters.timer(SAVE));
    }

    private static Conflict conflict(Session session, Throwable cause) {
        return new Conflict("session " + session.id() + " changed while this turn was played", cause);
    }

    @Override
    @Transactional
    public List<Session> all() {
        List<SessionRow> rows = SessionRow.list("order by startedAt desc, id");
        return rows.stream().map(this::read).toList();
    }

    private Session read(SessionRow row) {
        if (row.document != null) {
            return documents.read(row.id, row.document);
        }
        String where = "session " + row.id;
        List<QuestionState> questions = SessionQuestionRow.<SessionQuestionRow>list(BY_SESSION, row.id).stream()
                .map(q -> documents.readPart(where + " (table 'session_questions', position " + q.key.position + ")",
                        q.state, QuestionState.class))
                .toList();
        List<Message> messages = SessionMessageRow.<SessionMessageRow>list(BY_SESSION, row.id).stream()
                .map(m -> new Message(m.key.position, Role.valueOf(m.role.toUpperCase(Locale.ROOT)), m.move, m.text,
                        m.questionId, m.speaker, m.at, m.grade == null ? null : documents.readPart(where
                        + " (table 'session_messages', seq " + m.key.position + ", column 'grade')", m.grade,
                        ShownGrade.class), m.execution == null ? null : documents.readPart(where
                        + " (table 'session_messages', seq " + m.key.position + ", column 'execution')", m.execution,
                        Execution.class)))
                .toList();
        return new Session(row.id, row.tokenHash, row.loopId, row.roundId, row.personaId,
                Mode.parse(row.mode).orElseThrow(() -> new StoreException(where + ": unknown mode '" + row.mode + "'",
                        null)),
                row.seed == null ? 0 : row.seed, row.startedAt, row.endsAt, row.finishedAt,
                SessionState.valueOf(row.state), row.endReason == null ? null : EndReason.valueOf(row.endReason),
                row.planCursor == null ? 0 : row.planCursor, questions, messages);
    }

    private void header(SessionRow row, Session session) {
        row.tokenHash = session.tokenHash();
        row.loopId = session.loopId();
        row.roundId = session.roundId();
        row.personaId = session.personaId();
        row.mode = session.mode().wireName();
        row.state = session.state().name();
        row.startedAt = session.startedAt();
        row.finishedAt = session.finishedAt();
        row.seed = session.seed();
        row.endsAt = session.endsAt();
        row.endReason = session.endReason() == null ? null : session.endReason().name();
        row.planCursor = session.planCursor();
        row.messageCount = session.messages().size();
        row.results = QuestionResult.of(session, knowledge).size();
        row.document = null;
        Optional<Report> report = report(session);
        row.averageScore = report.map(Report::averageScore).orElse(null);
        row.verdict = report.map(Report::verdict).orElse(null);
    }

    private SessionMessageRow message(String sessionId, Message m) {
        SessionMessageRow row = new SessionMessageRow();
        row.key = new SessionKey(sessionId, m.seq());
        row.role = m.role().name().toLowerCase(Locale.ROOT);
        row.move = m.move();
        row.questionId = m.questionId();
        row.speaker = m.speaker();
        row.at = m.at();
        row.text = m.text();
        row.grade = m.grade() == null ? null : documents.writePart(m.grade());
        row.execution = m.execution() == null ? null : documents.writePart(m.execution());
        return row;
    }

    private void writeQuestion(String sessionId, int position, QuestionState q, boolean isNew) {
        SessionKey key = new SessionKey(sessionId, position);
        SessionQuestionRow row = isNew ? null : SessionQuestionRow.findById(key);
        if (row == null) {
            row = new SessionQuestionRow();
            row.key = key;
            row.state = documents.writePart(q);
            row.persist();
        } else {
            row.state = documents.writePart(q);
        }
    }

    /**
     * Brings the session's question results up to date (only those at {@code positions}, when given): new ones
     * inserted, changed ones updated, vanished ones deleted.
     */
    private void writeResults(Session session, boolean fresh, Set<Integer> positions) {
        List<QuestionResult> results = QuestionResult.of(session, knowledge);
        if (positions != null && positions.isEmpty()) {
            return;
        }
        EntityManager em = QuestionResultRow.getEntityManager();
        Map<String, QuestionResultRow> stored = fresh ? Map.of() : QuestionResultRow.<QuestionResultRow>list(
                "sessionId", session.id()).stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        Set<String> seen = new HashSet<>();
        for (QuestionResult result : results) {
            if (positions != null && !positions.contains(result.position())) {
                seen.add(QuestionResultRow.idOf(result));
                continue;
            }
            String id = QuestionResultRow.idOf(result);
            seen.add(id);
            QuestionResultRow row = stored.get(id);
            if (row == null) {
                em.persist(QuestionResultRow.of(result));
            } else {
                row.fill(result);
            }
        }
        if (positions == null) {
            stored.values().stream().filter(r -> !seen.contains(r.id)).forEach(QuestionResultRow::delete);
        }
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
