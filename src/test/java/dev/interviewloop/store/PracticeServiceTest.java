package dev.interviewloop.store;

import static dev.interviewloop.store.StoredSessions.Answer.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewloop.interview.Action;
import dev.interviewloop.interview.InterviewEngine;
import dev.interviewloop.interview.Mode;
import dev.interviewloop.interview.Role;
import dev.interviewloop.interview.Session;
import dev.interviewloop.interview.SessionException;
import dev.interviewloop.interview.SessionStore;
import dev.interviewloop.interview.SessionView;
import dev.interviewloop.interview.Turn;
import dev.interviewloop.interview.TurnListener;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Round;
import dev.interviewloop.store.PracticePlan.Planned;
import dev.interviewloop.store.PracticePlan.Reason;
import dev.interviewloop.store.PracticeService.PracticeStarted;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Practise my weak topics": a round of the worst answered questions, due first, that plays like any round. */
@QuarkusTest
class PracticeServiceTest {

    private static final Instant NOW = Instant.now();

    @Inject
    SessionStore store;

    @Inject
    PracticeService practice;

    @Inject
    InterviewEngine engine;

    @Inject
    KnowledgeBase knowledge;

    @Inject
    SessionDocuments documents;

    @BeforeEach
    @Transactional
    void emptyTables() {
        QuestionResultRow.deleteAll();
        SessionRow.deleteAll();
        PracticeRoundRow.deleteAll();
    }

    @Test
    void thePracticeRoundIsBuiltFromTheWorstQuestionsDueFirst() {
        // given yesterday's round: two bad answers in one topic, a good and a middling one in others
        store.save(StoredSessions.finished(Mode.PRACTICE, NOW.minus(Duration.ofDays(1)),
                scored("kfold-choice", 2.0), scored("overfitting-detection", 0.5),
                scored("xgboost-objective", 4.5), scored("feature-selection", 3.0)));

        // when
        PracticePlan plan = practice.plan();

        // then the due questions come first, worst first; then unseen questions of the weak topic; then the rest
        assertThat(plan.weakTopics()).containsExactly("generalization");
        List<Planned> q = plan.questions();
        assertThat(q).hasSize(5);
        assertThat(q.subList(0, 2)).extracting(Planned::questionId).containsExactly("overfitting-detection", "kfold-choice");
        assertThat(q.subList(0, 2)).extracting(Planned::reason).containsOnly(Reason.DUE);
        List<String> unseenGeneralization = knowledge.questions().values().stream()
                .filter(x -> x.topic().equals("generalization"))
                .filter(x -> !List.of("kfold-choice", "overfitting-detection").contains(x.id()))
                .sorted(Comparator.comparingInt(Question::difficulty).thenComparing(Question::id)).map(Question::id).toList();
        int unseen = Math.min(unseenGeneralization.size(), 3);
        assertThat(q.subList(2, 2 + unseen)).extracting(Planned::questionId)
                .containsExactlyElementsOf(unseenGeneralization.subList(0, unseen));
        assertThat(q.subList(2, 2 + unseen)).extracting(Planned::reason).containsOnly(Reason.WEAK_TOPIC);
        assertThat(q.subList(2 + unseen, 5)).extracting(Planned::questionId)
                .containsExactlyElementsOf(List.of("feature-selection", "xgboost-objective").subList(0, 3 - unseen));
        assertThat(q.get(0).why()).contains("scored 0.5");
    }

    @Test
    void aQuestionAnsweredBadlyComesBackSoonerThanOneAnsweredWell() {
        // given one question answered well and one badly, at the same time
        store.save(StoredSessions.finished(Mode.PRACTICE, NOW.minus(Duration.ofHours(2)),
                scored("xgboost-objective", 4.5), scored("feature-selection", 1.0)));

        List<Planned> plan = practice.plan().questions();

        assertThat(plan).extracting(Planned::questionId).containsSubsequence("feature-selection", "xgboost-objective");
        assertThat(plan.get(0).questionId()).isEqualTo("feature-selection");
        assertThat(plan.get(0).reason()).isEqualTo(Reason.DUE);
        Planned wellAnswered = plan.stream().filter(p -> p.questionId().equals("xgboost-objective")).findFirst().orElseThrow();
        assertThat(wellAnswered.reason()).isEqualTo(Reason.NOT_DUE_YET);
        assertThat(wellAnswered.due()).isAfter(plan.get(0).due());
    }

    @Test
    void aPracticeRoundPlaysThroughTheEngineAndIsKeptForRestarts() {
        store.save(StoredSessions.finished(Mode.PRACTICE, NOW.minus(Duration.ofDays(1)),
                scored("overfitting-detection", 0.5), scored("kfold-choice", 1.0)));

        // when a practice round is started
        PracticeStarted started = practice.start("practice");

        // then it is a session of the practice loop asking the worst question first
        SessionView view = started.session();
        assertThat(view.loop().id()).isEqualTo(PracticeRounds.LOOP_ID);
        assertThat(view.round().title()).startsWith("Weak topics: generalization");
        assertThat(view.currentQuestion().id()).isEqualTo("overfitting-detection");
        assertThat(view.round().questionBudget()).isEqualTo(started.plan().questions().size());

        // and it plays: an answer is graded
        Turn turn = engine.act(view.id(), started.token(), Action.answer("Compare training and validation loss: "
                + "when validation loss rises while training loss falls, the model overfits."), TurnListener.NONE);
        assertThat(turn.grade()).isNotNull();
        Session stored = store.find(view.id()).orElseThrow();
        assertThat(stored.messages()).anyMatch(m -> m.role() == Role.CANDIDATE && m.grade() != null);

        // and its plan is in the database: a fresh catalog (as after a restart) finds the same round
        Round round = new PracticeRounds(knowledge, documents).round(view.round().id()).orElseThrow();
        assertThat(round.questions()).containsExactlyElementsOf(started.plan().questions().stream()
                .map(Planned::questionId).toList());
        assertThat(engine.view(view.id(), started.token()).round().title()).isEqualTo(view.round().title());
    }

    @Test
    void thereIsNothingToPractiseBeforeAnyAnswerIsGraded() {
        assertThatThrownBy(() -> practice.start("practice"))
                .isInstanceOfSatisfying(SessionException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("Play a round first");
    }

    @Test
    void anUnknownModeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> practice.start("loud"))
                .isInstanceOfSatisfying(SessionException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("mode");
                });
    }
}
