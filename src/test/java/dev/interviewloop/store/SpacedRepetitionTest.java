package dev.interviewloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewloop.store.SpacedRepetition.Attempt;
import dev.interviewloop.store.SpacedRepetition.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** When a question comes back: sooner after a bad answer, later and later after repeated good ones. */
class SpacedRepetitionTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aBadlyAnsweredQuestionComesBackBeforeAWellAnsweredOne() {
        Schedule bad = SpacedRepetition.schedule("bad", List.of(new Attempt(1.5, T)), T);
        Schedule good = SpacedRepetition.schedule("good", List.of(new Attempt(4.5, T)), T);

        assertThat(bad.due()).isBefore(good.due());
        assertThat(bad.dueNow()).isTrue();
        assertThat(good.dueNow()).isFalse();
    }

    @Test
    void theLatestScoreSetsTheBaseInterval() {
        assertThat(SpacedRepetition.baseInterval(0)).isEqualTo(Duration.ZERO);
        assertThat(SpacedRepetition.baseInterval(2.0)).isEqualTo(Duration.ZERO);
        assertThat(SpacedRepetition.baseInterval(2.5)).isEqualTo(Duration.ofDays(1));
        assertThat(SpacedRepetition.baseInterval(3.0)).isEqualTo(Duration.ofDays(1));
        assertThat(SpacedRepetition.baseInterval(3.5)).isEqualTo(Duration.ofDays(3));
        assertThat(SpacedRepetition.baseInterval(4.0)).isEqualTo(Duration.ofDays(3));
        assertThat(SpacedRepetition.baseInterval(4.5)).isEqualTo(Duration.ofDays(7));
        assertThat(SpacedRepetition.baseInterval(5.0)).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void eachRepeatedSuccessDoublesTheInterval() {
        Schedule once = SpacedRepetition.schedule("q", List.of(new Attempt(4.0, T)), T);
        Schedule twice = SpacedRepetition.schedule("q", List.of(new Attempt(3.0, T.minus(Duration.ofDays(2))),
                new Attempt(4.0, T)), T);
        Schedule thrice = SpacedRepetition.schedule("q", List.of(new Attempt(3.0, T.minus(Duration.ofDays(9))),
                new Attempt(3.0, T.minus(Duration.ofDays(2))), new Attempt(4.0, T)), T);

        assertThat(once.interval()).isEqualTo(Duration.ofDays(3));
        assertThat(twice.interval()).isEqualTo(Duration.ofDays(6));
        assertThat(thrice.interval()).isEqualTo(Duration.ofDays(12));
        assertThat(thrice.streak()).isEqualTo(3);
        assertThat(thrice.due()).isEqualTo(T.plus(Duration.ofDays(12)));
    }

    @Test
    void aFailureResetsTheStreakAndMakesTheQuestionDueAtOnce() {
        Schedule s = SpacedRepetition.schedule("q", List.of(new Attempt(4.5, T.minus(Duration.ofDays(20))),
                new Attempt(4.5, T.minus(Duration.ofDays(10))), new Attempt(1.0, T.minus(Duration.ofHours(1)))), T);

        assertThat(s.streak()).isZero();
        assertThat(s.interval()).isEqualTo(Duration.ZERO);
        assertThat(s.dueNow()).isTrue();
    }

    @Test
    void aSuccessAfterAFailureStartsANewStreak() {
        Schedule s = SpacedRepetition.schedule("q", List.of(new Attempt(4.5, T.minus(Duration.ofDays(20))),
                new Attempt(1.0, T.minus(Duration.ofDays(10))), new Attempt(3.0, T)), T);

        assertThat(s.streak()).isEqualTo(1);
        assertThat(s.interval()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void theIntervalStopsGrowingAtTheMaximum() {
        List<Attempt> many = Stream.iterate(0, i -> i + 1).limit(12)
                .map(i -> new Attempt(5.0, T.minus(Duration.ofDays(100L * (12 - i))))).toList();

        assertThat(SpacedRepetition.schedule("q", many, T).interval()).isEqualTo(SpacedRepetition.MAX_INTERVAL);
    }

    @Test
    void resultsAreOrderedByTimeWhateverOrderTheyComeIn() {
        Schedule s = SpacedRepetition.schedule("q", List.of(new Attempt(1.0, T), new Attempt(4.5, T.minusSeconds(60))), T);

        assertThat(s.lastScore()).isEqualTo(1.0);
        assertThat(s.lastAt()).isEqualTo(T);
    }

    @Test
    void aQuestionBecomesDueWhenItsIntervalHasPassed() {
        List<Attempt> once = List.of(new Attempt(3.0, T));

        assertThat(SpacedRepetition.schedule("q", once, T.plus(Duration.ofHours(23))).dueNow()).isFalse();
        assertThat(SpacedRepetition.schedule("q", once, T.plus(Duration.ofDays(1))).dueNow()).isTrue();
    }

    @Test
    void practiceOrderPutsDueQuestionsFirstWorstFirstThenTheRestBySoonestDue() {
        Instant now = T.plus(Duration.ofDays(30));
        Schedule dueMedium = SpacedRepetition.schedule("due-2.0", List.of(new Attempt(2.0, T)), now);
        Schedule dueWorst = SpacedRepetition.schedule("due-0.5", List.of(new Attempt(0.5, T.plus(Duration.ofDays(29)))), now);
        Schedule dueOldGood = SpacedRepetition.schedule("due-4.5-long-ago", List.of(new Attempt(4.5, T)), now);
        Schedule laterSoon = SpacedRepetition.schedule("not-due-3.0", List.of(new Attempt(3.0, now.minusSeconds(60))), now);
        Schedule laterFar = SpacedRepetition.schedule("not-due-5.0", List.of(new Attempt(5.0, now.minusSeconds(60))), now);

        List<String> order = Stream.of(laterFar, dueOldGood, laterSoon, dueMedium, dueWorst)
                .sorted(SpacedRepetition.PRACTICE_ORDER).map(Schedule::questionId).toList();

        assertThat(order).containsExactly("due-0.5", "due-2.0", "due-4.5-long-ago", "not-due-3.0", "not-due-5.0");
    }

    @Test
    void aQuestionWithoutResultsCannotBeScheduled() {
        assertThatThrownBy(() -> SpacedRepetition.schedule("q", List.of(), T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q");
    }
}
