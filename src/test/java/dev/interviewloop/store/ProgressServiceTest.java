package dev.interviewloop.store;

import static dev.interviewloop.store.StoredSessions.Answer.scored;
import static dev.interviewloop.store.StoredSessions.Answer.skipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interviewloop.interview.Mode;
import dev.interviewloop.interview.Session;
import dev.interviewloop.interview.SessionStore;
import dev.interviewloop.store.Progress.Point;
import dev.interviewloop.store.Progress.TopicProgress;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** History, progress per topic and weak topics, read back from stored sessions. */
@QuarkusTest
class ProgressServiceTest {

    private static final Instant NOW = Instant.now();

    @Inject
    SessionStore store;

    @Inject
    ProgressService progress;

    @BeforeEach
    @Transactional
    void emptyTables() {
        QuestionResultRow.deleteAll();
        SessionRow.deleteAll();
    }

    @Test
    void progressPerTopicIsEveryResultOverTimeWithItsAverage() {
        // given two practice rounds ten and three days ago
        store.save(StoredSessions.finished(Mode.PRACTICE, daysAgo(10),
                scored("overfitting-detection", 1.0), scored("kfold-choice", 2.0), scored("xgboost-objective", 4.0)));
        store.save(StoredSessions.finished(Mode.PRACTICE, daysAgo(3),
                scored("overfitting-detection", 3.0), scored("l1-sparsity", 4.0)));

        // when
        Progress p = progress.progress();

        // then each topic has its results oldest first, ready to plot
        assertThat(p.topics()).extracting(TopicProgress::topic).containsExactly("generalization", "trees");
        TopicProgress generalization = p.topics().get(0);
        assertThat(generalization.points()).extracting(Point::score).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(generalization.points()).extracting(Point::at).isSorted();
        assertThat(generalization.points()).extracting(Point::questionId)
                .containsExactly("overfitting-detection", "kfold-choice", "overfitting-detection", "l1-sparsity");
        assertThat(generalization.average()).isEqualTo(2.5);
        assertThat(generalization.count()).isEqualTo(4);
        assertThat(generalization.first()).isBefore(generalization.last());
        assertThat(p.topics().get(1).points()).extracting(Point::score).containsExactly(4.0);
        assertThat(p.results()).isEqualTo(5);
    }

    @Test
    void theRecentAverageCountsOnlyTheLatestResults() {
        // given a topic answered badly long ago and well in the five latest results
        store.save(StoredSessions.finished(Mode.PRACTICE, daysAgo(20),
                scored("overfitting-detection", 0.0), scored("kfold-choice", 0.0)));
        store.save(StoredSessions.finished(Mode.PRACTICE, daysAgo(5), scored("overfitting-detection", 4.0),
                scored("kfold-choice", 4.0), scored("l1-sparsity", 4.0), scored("cv-in-production", 4.0)));
        store.save(StoredSessions.finished(Mode.PRACTICE, daysAgo(1), scored("overfitting-detection", 4.0)));

        TopicProgress generalization = progress.progress().topics().get(0);

        assertThat(generalization.recentAverage()).isEqualTo(4.0);
        assertThat(generalization.average()).isEqualTo(2.86);
    }

    @Test
    void weakTopicsAreTheLowestRecentAveragesWithEnoughEvidenceWeakestFirst() {
        store.save(StoredSessions.finished(Mode.PRACTICE, daysAgo(4),
                scored("overfitting-detection", 1.0), scored("kfold-choice", 2.0),      // generalization: 1.5, weak
                scored("feature-selection", 2.5), skipped("correlated-features"),       // features: 1.25, weakest
                scored("xgboost-objective", 0.5),                                        // trees: one result, too little
                scored("gradient-descent", 3.5), scored("sgd-noise", 4.0)));            // optimization: 3.75, fine

        Progress p = progress.progress();

        assertThat(p.weakTopics()).extracting(Progress.WeakTopic::topic).containsExactly("features", "generalization");
        assertThat(p.weakTopics().get(0).recentAverage()).isEqualTo(1.25);
        assertThat(p.weakTopics().get(0).questions()).containsExactly("correlated-features", "feature-selection");
        assertThat(p.weakTopics().get(1).questions()).containsExactly("overfitting-detection", "kfold-choice");
        assertThat(p.topics()).extracting(TopicProgress::topic).contains("trees", "optimization");
    }

    @Test
    void aSkippedQuestionCountsAsZero() {
        store.save(StoredSessions.finished(Mode.PRACTICE, daysAgo(1), skipped("kfold-choice")));

        assertThat(progress.progress().topics().get(0).points()).singleElement().satisfies(pt -> {
            assertThat(pt.score()).isZero();
            assertThat(pt.skipped()).isTrue();
        });
    }

    @Test
    void aMockRoundCountsOnlyOnceItIsFinishedWhileAPracticeRoundCountsAtOnce() {
        // given a running mock round (its grades are hidden until the end) and a running practice round
        store.save(StoredSessions.running(Mode.MOCK, daysAgo(1), scored("xgboost-objective", 1.0)));
        store.save(StoredSessions.running(Mode.PRACTICE, daysAgo(1), scored("overfitting-detection", 2.0)));

        assertThat(progress.progress().topics()).extracting(TopicProgress::topic).containsExactly("generalization");

        // when a mock round is finished
        store.save(StoredSessions.finished(Mode.MOCK, daysAgo(1), scored("xgboost-objective", 1.0)));

        // then its results count
        assertThat(progress.progress().topics()).extracting(TopicProgress::topic).containsExactly("generalization", "trees");
    }

    @Test
    void theHistoryListsEveryRoundNewestFirstWithScoreDateAndVerdict() {
        Session old = StoredSessions.finished(Mode.MOCK, daysAgo(7), scored("overfitting-detection", 4.0),
                scored("kfold-choice", 4.0), scored("xgboost-objective", 4.0), scored("feature-selection", 4.0));
        Session running = StoredSessions.running(Mode.PRACTICE, daysAgo(1), scored("overfitting-detection", 2.0));
        store.save(old);
        store.save(running);

        List<HistoryEntry> history = progress.history(0, 200);

        assertThat(history).extracting(HistoryEntry::id).containsExactly(running.id(), old.id());
        HistoryEntry finished = history.get(1);
        assertThat(finished.loop().title()).isEqualTo("ML Engineer loop (recommendation systems)");
        assertThat(finished.round()).isEqualTo(new HistoryEntry.Ref("ml-fundamentals", "Machine learning fundamentals"));
        assertThat(finished.persona().id()).isEqualTo(StoredSessions.PERSONA);
        assertThat(finished.mode()).isEqualTo("mock");
        assertThat(finished.date()).isCloseTo(old.startedAt(), within(1, ChronoUnit.MICROS)); // the column keeps micros
        assertThat(finished.done()).isTrue();
        assertThat(finished.score()).isEqualTo(4.0);
        assertThat(finished.verdict()).isNotBlank();
        assertThat(finished.results()).isEqualTo(4);
        HistoryEntry open = history.get(0);
        assertThat(open.done()).isFalse();
        assertThat(open.score()).isNull();
        assertThat(open.verdict()).isNull();
        assertThat(open.results()).isEqualTo(1);
    }

    @Test
    void theScheduleListsQuestionsDueFirstWorstFirst() {
        store.save(StoredSessions.finished(Mode.PRACTICE, daysAgo(2), scored("overfitting-detection", 2.0),
                scored("kfold-choice", 4.5), scored("xgboost-objective", 0.5)));

        List<ScheduledQuestion> schedule = progress.schedule();

        assertThat(schedule).extracting(ScheduledQuestion::questionId)
                .containsExactly("xgboost-objective", "overfitting-detection", "kfold-choice");
        assertThat(schedule).extracting(ScheduledQuestion::dueNow).containsExactly(true, true, false);
        assertThat(schedule.get(2).intervalDays()).isEqualTo(7.0);
        assertThat(schedule.get(0).title()).isNotBlank();
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }
}
