package dev.interviewloop.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewloop.grading.Flag;
import dev.interviewloop.grading.Grade;
import dev.interviewloop.knowledge.Question;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The interviewer's next move, decided from the grade of the last answer. */
class DeciderTest {

    private final Decider decider = new Decider(Policy.DEFAULT);
    private final Question overfit = Fixtures.overfitting();
    private final Question l1 = Fixtures.l1();

    private static QuestionState answered(Question q, Grade g) {
        return QuestionState.asked(q.id(), 1, null).answered("an answer", g);
    }

    private Grade grade(Question q, Set<String> covered, Set<String> said, Set<Flag> flags) {
        return Fixtures.grade(q, covered, said, flags, "");
    }

    private Decision decide(Question q, QuestionState s) {
        return decider.decide(q, s, s.grade(), id -> false);
    }

    @Test
    void aStatedMisconceptionIsChallengedFirstWithItsFollowUp() {
        Grade g = grade(overfit, Set.of("gap", "regularize", "early-stop"), Set.of("more-epochs"), Set.of());

        Decision d = decide(overfit, answered(overfit, g));

        assertThat(d).isInstanceOfSatisfying(Decision.Challenge.class, c -> {
            assertThat(c.misconception().id()).isEqualTo("more-epochs");
            assertThat(c.followUp().id()).isEqualTo("epochs-q");
        });
    }

    @Test
    void aMisconceptionWithoutAFollowUpIsChallengedWithItsCorrectionAlone() {
        Grade g = grade(overfit, Set.of("gap"), Set.of("low-train-loss"), Set.of());

        Decision d = decide(overfit, answered(overfit, g));

        assertThat(d).isInstanceOfSatisfying(Decision.Challenge.class, c -> {
            assertThat(c.misconception().id()).isEqualTo("low-train-loss");
            assertThat(c.followUp()).isNull();
        });
    }

    @Test
    void aMisconceptionAlreadyChallengedIsNotChallengedAgain() {
        Grade g = grade(overfit, Set.of("gap", "regularize"), Set.of("more-epochs"), Set.of());
        QuestionState s = answered(overfit, g).followingUp("epochs-q", "more-epochs");

        Decision d = decide(overfit, s);

        assertThat(d).isNotInstanceOf(Decision.Challenge.class);
    }

    @Test
    void aStrongAnswerIsFollowedByTheStrongDrill() {
        Grade g = grade(overfit, Set.of("gap", "regularize", "early-stop"), Set.of(), Set.of());

        Decision d = decide(overfit, answered(overfit, g));

        assertThat(d).isInstanceOfSatisfying(Decision.Drill.class, dr -> assertThat(dr.followUp().id()).isEqualTo("l1-why"));
    }

    @Test
    void aStrongAnswerAfterTheDrillIsAcknowledged() {
        Grade g = grade(overfit, Set.of("gap", "regularize", "early-stop"), Set.of(), Set.of());
        QuestionState s = answered(overfit, g).drilling("l1-why");

        assertThat(decide(overfit, s)).isEqualTo(new Decision.Next(Move.ACKNOWLEDGE));
    }

    @Test
    void aDrillNeverLinksToAQuestionAlreadyAsked() {
        Grade g = grade(overfit, Set.of("gap", "regularize", "early-stop"), Set.of(), Set.of());

        Decision d = decider.decide(overfit, answered(overfit, g), g, id -> id.equals("l1"));

        assertThat(d).isEqualTo(new Decision.Next(Move.ACKNOWLEDGE));
    }

    @Test
    void aQuestionReachedByADrillIsNotDrilledFurther() {
        Question q = Fixtures.overfitting();
        Grade g = grade(q, Set.of("gap", "regularize", "early-stop"), Set.of(), Set.of());
        QuestionState s = QuestionState.asked(q.id(), 1, "parent").answered("a", g);

        assertThat(decide(q, s)).isEqualTo(new Decision.Next(Move.ACKNOWLEDGE));
    }

    @Test
    void aStuckCandidateGetsTheNextHintOnTheLadder() {
        Grade g = grade(overfit, Set.of(), Set.of(), Set.of(Flag.NON_ANSWER));
        QuestionState s = answered(overfit, g).hinted();

        assertThat(decide(overfit, s)).isEqualTo(new Decision.Hint(1));
    }

    @Test
    void gibberishCountsAsStuckEvenWithAScore() {
        Grade g = grade(overfit, Set.of("early-stop"), Set.of(), Set.of(Flag.GIBBERISH));

        assertThat(decide(overfit, answered(overfit, g))).isEqualTo(new Decision.Hint(0));
    }

    @Test
    void aStuckCandidateMovesOnOnceTheLadderIsUsedUp() {
        Grade g = grade(overfit, Set.of(), Set.of(), Set.of(Flag.EMPTY));
        QuestionState s = answered(overfit, g).hinted().hinted().hinted();

        assertThat(decide(overfit, s)).isEqualTo(new Decision.Next(Move.MOVE_ON));
    }

    @Test
    void theHeaviestMissedKeyPointWithAFollowUpIsProbed() {
        Grade g = grade(overfit, Set.of("early-stop"), Set.of(), Set.of());

        Decision d = decide(overfit, answered(overfit, g));

        assertThat(d).isInstanceOfSatisfying(Decision.Probe.class, p -> {
            assertThat(p.keyPointId()).isEqualTo("gap");
            assertThat(p.followUp().id()).isEqualTo("which-curves");
        });
    }

    @Test
    void aProbeAlreadyAskedIsNotAskedAgain() {
        Grade g = grade(overfit, Set.of("early-stop"), Set.of(), Set.of());
        QuestionState s = answered(overfit, g).followingUp("which-curves", null);

        Decision d = decide(overfit, s);

        assertThat(d).isInstanceOfSatisfying(Decision.Probe.class, p -> assertThat(p.keyPointId()).isEqualTo("regularize"));
    }

    @Test
    void probesStopAtTheCapAndTheInterviewerMovesOn() {
        Grade g = grade(overfit, Set.of("early-stop"), Set.of(), Set.of());
        QuestionState s = answered(overfit, g).followingUp("x", null).followingUp("y", null);

        assertThat(decide(overfit, s)).isEqualTo(new Decision.Next(Move.MOVE_ON));
    }

    @Test
    void challengesCountTowardsTheFollowUpCap() {
        Grade g = grade(overfit, Set.of("gap", "early-stop"), Set.of("low-train-loss"), Set.of());
        QuestionState s = answered(overfit, g).followingUp("x", null).followingUp("y", null);

        assertThat(decide(overfit, s)).isEqualTo(new Decision.Next(Move.MOVE_ON));
    }

    @Test
    void aWeakAnswerWithNoMissedPointFollowUpGetsTheWeakFollowUp() {
        Grade g = grade(l1, Set.of("constant-pull"), Set.of(), Set.of());

        Decision d = decide(l1, answered(l1, g));

        assertThat(d).isInstanceOfSatisfying(Decision.Probe.class, p -> assertThat(p.followUp().id()).isEqualTo("l1-weak"));
    }

    @Test
    void whenTheVoiceComposesFollowUpsAMissedPointWithoutABankFollowUpIsProbedByTheVoice() {
        Grade g = grade(overfit, Set.of("gap"), Set.of(), Set.of());
        QuestionState s = answered(overfit, g).followingUp("which-penalty", null);

        Decision d = decider.decide(overfit, s, g, id -> false, true);

        assertThat(d).isEqualTo(new Decision.Probe(null, "early-stop"));
    }

    @Test
    void aPointTheVoiceAlreadyProbedIsNotProbedAgain() {
        Decider roomy = new Decider(new Policy(3, 4.0, 2.5, 3.0, 1.0, 0.5, 20_000));
        Grade g = grade(overfit, Set.of("gap"), Set.of(), Set.of());
        QuestionState s = answered(overfit, g).followingUp("which-penalty", null)
                .followingUp(Decider.composedId("early-stop"), null);

        assertThat(roomy.decide(overfit, s, g, id -> false, true)).isEqualTo(new Decision.Next(Move.MOVE_ON));
    }

    @Test
    void theBanksFollowUpsComeBeforeTheVoicesOwn() {
        Grade g = grade(l1, Set.of("constant-pull"), Set.of(), Set.of());

        Decision d = decider.decide(l1, answered(l1, g), g, id -> false, true);

        assertThat(d).isInstanceOfSatisfying(Decision.Probe.class, p -> assertThat(p.followUp().id()).isEqualTo("l1-weak"));
    }

    @Test
    void theBuiltInVoiceNeverGetsAProbeWithoutAFollowUp() {
        Grade g = grade(overfit, Set.of("gap"), Set.of(), Set.of());
        QuestionState s = answered(overfit, g).followingUp("which-penalty", null);

        assertThat(decide(overfit, s)).isEqualTo(new Decision.Next(Move.MOVE_ON));
    }

    @Test
    void aFairAnswerWithNothingLeftToProbeIsAcknowledged() {
        Grade g = grade(overfit, Set.of("gap", "early-stop"), Set.of(), Set.of());
        QuestionState s = answered(overfit, g).followingUp("which-penalty", null);

        assertThat(g.score()).isEqualTo(3.5);
        assertThat(decide(overfit, s)).isEqualTo(new Decision.Next(Move.ACKNOWLEDGE));
    }

    @Test
    void aPoorAnswerWithNothingLeftToProbeMovesOnWithoutPraise() {
        Grade g = grade(l1, Set.of("constant-pull"), Set.of(), Set.of());
        QuestionState s = answered(l1, g).followingUp("l1-weak", null);

        assertThat(decide(l1, s)).isEqualTo(new Decision.Next(Move.MOVE_ON));
    }

    @Test
    void everyHintTakenLowersTheCapByTheHintPenalty() {
        assertThat(List.of(Policy.DEFAULT.cap(0), Policy.DEFAULT.cap(1), Policy.DEFAULT.cap(3)))
                .containsExactly(5.0, 4.5, 3.5);
    }
}
