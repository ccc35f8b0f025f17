package dev.interviewloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewloop.interview.InterviewEngine;
import dev.interviewloop.interview.Mode;
import dev.interviewloop.interview.Session;
import dev.interviewloop.interview.SessionStore;
import dev.interviewloop.interview.SessionTokens;
import dev.interviewloop.interview.Started;
import dev.interviewloop.interview.TurnListener;
import dev.interviewloop.store.StoredSessions.Answer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.hibernate.StaleStateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The durable session store: what is saved is found again unchanged, and only token hashes are kept. */
@QuarkusTest
class JpaSessionStoreTest {

    @Inject
    SessionStore store;

    @Inject
    InterviewEngine engine;

    @Inject
    DataSource dataSource;

    @Inject
    SessionDocuments documents;

    /** The session after one more turn: the candidate's command and the interviewer's reply. */
    private static Session plus(Session s, String command, String reply) {
        List<dev.interviewloop.interview.Message> m = new ArrayList<>(s.messages());
        java.time.Instant at = s.startedAt().plusSeconds(600);
        m.add(new dev.interviewloop.interview.Message(m.size() + 1, dev.interviewloop.interview.Role.CANDIDATE, command,
                "", "feature-selection", null, at, null));
        m.add(new dev.interviewloop.interview.Message(m.size() + 1, dev.interviewloop.interview.Role.INTERVIEWER,
                command.equals("hint") ? "hint" : "clarify", reply, "feature-selection", "built-in", at, null));
        return new Session(s.id(), s.tokenHash(), s.loopId(), s.roundId(), s.personaId(), s.mode(), s.seed(),
                s.startedAt(), s.endsAt(), s.finishedAt(), s.state(), s.endReason(), s.planCursor(), s.questions(), m);
    }

    @BeforeEach
    @Transactional
    void emptyTables() {
        QuestionResultRow.deleteAll();
        SessionRow.deleteAll();
    }

    @Test
    void aTurnAppendsItsLinesAndWritesOnlyTheQuestionsItChanged() {
        // given a round started and one answer given through the engine
        Started started = engine.start(StoredSessions.LOOP, StoredSessions.ROUND, "practice", TurnListener.NONE);
        String id = started.session().id();
        engine.act(id, started.token(), dev.interviewloop.interview.Action.answer("Validation loss rises."),
                TurnListener.NONE);
        Session before = store.find(id).orElseThrow();
        List<Map<String, String>> linesBefore = rows("select seq, text, grade from session_messages order by seq");

        // when the next turn is played
        engine.act(id, started.token(), dev.interviewloop.interview.Action.of(dev.interviewloop.interview.Command.HINT),
                TurnListener.NONE);

        // then the earlier lines are as they were, the new ones follow, and the header counts them
        Session after = store.find(id).orElseThrow();
        List<Map<String, String>> lines = rows("select seq, text, grade from session_messages order by seq");
        assertThat(lines.subList(0, linesBefore.size())).isEqualTo(linesBefore);
        assertThat(lines).hasSize(after.messages().size()).hasSizeGreaterThan(linesBefore.size());
        assertThat(rows("select message_count, document from sessions")).singleElement().satisfies(r -> {
            assertThat(r.get("MESSAGE_COUNT")).isEqualTo(String.valueOf(after.messages().size()));
            assertThat(r.get("DOCUMENT")).isNull();
        });
        assertThat(rows("select position from session_questions")).hasSize(after.questions().size());
        assertThat(before.questions()).hasSameSizeAs(after.questions());
    }

    @Test
    void twoTurnsPlayedFromTheSameStateCannotBothBeStored() {
        // given a stored session, read by two players (two instances)
        Session base = StoredSessions.session("s-two", "t", Mode.PRACTICE, StoredSessions.T0, false,
                Answer.scored("overfitting-detection", 2.0));
        store.save(base);
        Session one = plus(base, "hint", "Think about the validation curve.");
        Session other = plus(base, "repeat", "How do you tell a model overfits?");

        // when both store their turn
        store.append(base, one);

        // then the second is refused, storing nothing of it
        assertThatThrownBy(() -> store.append(base, other)).isInstanceOf(SessionStore.Conflict.class);
        assertThat(store.find("s-two")).contains(one);
    }

    @Test
    void aSessionStoredWholeByVersion1IsReadAndMovedToTheNewTablesAtItsNextTurn() {
        // given a row as version 1 of the schema wrote it: the whole session in 'document', no line rows
        Session v1 = StoredSessions.session("s-old", "t", Mode.PRACTICE, StoredSessions.T0, false,
                Answer.scored("overfitting-detection", 2.0));
        store.save(v1);
        QuarkusTransaction.requiringNew().run(() -> {
            SessionMessageRow.delete("key.sessionId", "s-old");
            SessionQuestionRow.delete("key.sessionId", "s-old");
            SessionRow row = SessionRow.findById("s-old");
            row.document = documents.write(v1);
            row.messageCount = 0;
        });
        assertThat(store.find("s-old")).contains(v1);

        // when its next turn is stored
        Session next = StoredSessions.session("s-old", "t", Mode.PRACTICE, StoredSessions.T0, true,
                Answer.scored("overfitting-detection", 2.0), Answer.scored("kfold-choice", 4.0));
        store.append(v1, next);

        // then it is read from the new tables
        assertThat(store.find("s-old")).contains(next);
        assertThat(rows("select document from sessions")).singleElement()
                .satisfies(r -> assertThat(r.get("DOCUMENT")).isNull());
        assertThat(rows("select seq from session_messages")).hasSize(next.messages().size());
    }

    @Test
    void theDatabaseStoreIsTheEnginesStore() {
        assertThat(store).isInstanceOf(JpaSessionStore.class);
    }

    @Test
    void aSavedSessionIsFoundEqualAfterARoundTrip() {
        // given a session with hints, a retry, a challenge, a drill, a skip, flags, citations and a notice
        Session session = StoredSessions.everything("secret-token");

        // when
        store.save(session);

        // then
        assertThat(store.find(session.id())).contains(session);
    }

    @Test
    void savingAgainUpdatesTheSameRowAndBumpsItsVersion() {
        Session running = StoredSessions.session("s-1", "t", Mode.PRACTICE, StoredSessions.T0, false,
                Answer.scored("overfitting-detection", 2.0));
        store.save(running);
        Session finished = StoredSessions.session("s-1", "t", Mode.PRACTICE, StoredSessions.T0, true,
                Answer.scored("overfitting-detection", 2.0), Answer.scored("kfold-choice", 4.0));

        store.save(finished);

        assertThat(store.find("s-1")).contains(finished);
        List<Map<String, String>> rows = rows("select id, state, version from sessions");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("STATE", "FINISHED");
            assertThat(Long.parseLong(r.get("VERSION"))).isEqualTo(1L);
        });
    }

    @Test
    void aWriteBasedOnAStaleReadFailsInsteadOfOverwritingTheNewerSession() {
        // given a stored session
        Session v0 = StoredSessions.session("s-race", "t", Mode.PRACTICE, StoredSessions.T0, false,
                Answer.scored("overfitting-detection", 2.0));
        store.save(v0);
        Session newer = StoredSessions.session("s-race", "t", Mode.PRACTICE, StoredSessions.T0, true,
                Answer.scored("overfitting-detection", 2.0), Answer.scored("kfold-choice", 4.0));

        // when one writer reads it, another saves a newer version meanwhile, and the first then writes
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            SessionRow stale = SessionRow.findById("s-race");
            QuarkusTransaction.requiringNew().run(() -> store.save(newer));
            stale.state = "AWAITING_ANSWER";
            stale.document = "{}";
        })).satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof OptimisticLockException
                || c instanceof StaleStateException));

        // then the newer session is kept
        assertThat(store.find("s-race")).contains(newer);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = e; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(store.find("no-such-session")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void allListsSessionsNewestFirst() {
        Session older = StoredSessions.finished(Mode.PRACTICE, StoredSessions.T0);
        Session newer = StoredSessions.finished(Mode.MOCK, StoredSessions.T0.plusSeconds(3600));
        store.save(older);
        store.save(newer);

        assertThat(store.all()).containsExactly(newer, older);
    }

    @Test
    void tokensAreStoredOnlyAsTheirSha256() throws SQLException {
        // given a session started through the engine, which hands out the token once
        Started started = engine.start(StoredSessions.LOOP, StoredSessions.ROUND, "practice", TurnListener.NONE);
        String token = started.token();

        // when every column of every table is read back
        List<Map<String, String>> sessions = rows("select * from sessions");
        List<Map<String, String>> everything = new ArrayList<>(sessions);
        everything.addAll(rows("select * from question_results"));
        everything.addAll(rows("select * from practice_rounds"));

        // then the token appears nowhere, and its hash is the session's token_hash
        assertThat(everything).allSatisfy(row -> assertThat(row.values()).noneMatch(v -> v != null && v.contains(token)));
        assertThat(sessions).singleElement()
                .satisfies(r -> assertThat(r.get("TOKEN_HASH")).isEqualTo(SessionTokens.hash(token)).hasSize(64));
    }

    @Test
    void eachSaveRefreshesTheQuestionResults() {
        // given a running session with one graded answer, one skip, and an open question
        Session running = StoredSessions.session("s-2", "t", Mode.PRACTICE, StoredSessions.T0, false,
                Answer.scored("overfitting-detection", 1.5), Answer.skipped("kfold-choice"));
        store.save(running);
        assertThat(rows("select question_id, topic, score, skipped from question_results order by position"))
                .extracting(r -> r.get("QUESTION_ID") + " " + r.get("TOPIC") + " " + Double.parseDouble(r.get("SCORE"))
                        + " " + r.get("SKIPPED"))
                .containsExactly("overfitting-detection generalization 1.5 false", "kfold-choice generalization 0.0 true");

        // when the session is saved again with a different outcome
        store.save(StoredSessions.session("s-2", "t", Mode.PRACTICE, StoredSessions.T0, true,
                Answer.scored("xgboost-objective", 4.0)));

        // then the rows are the new ones only
        assertThat(rows("select question_id, topic, score from question_results"))
                .extracting(r -> r.get("QUESTION_ID") + " " + r.get("TOPIC") + " " + Double.parseDouble(r.get("SCORE")))
                .containsExactly("xgboost-objective trees 4.0");
    }

    @Test
    void aFinishedSessionKeepsItsReportScoreAndVerdict() {
        Session finished = StoredSessions.finished(Mode.MOCK, StoredSessions.T0,
                Answer.scored("overfitting-detection", 4.0), Answer.scored("kfold-choice", 3.0));

        store.save(finished);

        // the round plans four questions: (4 + 3 + 0 + 0) / 4 against the persona's bar
        assertThat(rows("select average_score, verdict from sessions")).singleElement().satisfies(r -> {
            assertThat(Double.parseDouble(r.get("AVERAGE_SCORE"))).isEqualTo(1.75);
            assertThat(r.get("VERDICT")).isEqualTo("no hire");
        });
    }

    private List<Map<String, String>> rows(String sql) {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, String>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new TreeMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    int type = meta.getColumnType(i);
                    boolean bool = type == Types.BOOLEAN || type == Types.BIT; // PostgreSQL reports BIT
                    String value = bool ? String.valueOf(rs.getBoolean(i)) : rs.getString(i);
                    row.put(meta.getColumnLabel(i).toUpperCase(Locale.ROOT), rs.getObject(i) == null ? null : value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
