package dev.interviewloop.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewloop.grading.Citation;
import dev.interviewloop.grading.Flag;
import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.KeyPointResult;
import dev.interviewloop.grading.MisconceptionHit;
import dev.interviewloop.grading.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a rubric grade and an LLM grade of the same answer become one {@code llm+rubric} grade. */
class CombinedGraderTest {

    private static final String ANSWER = "Validation loss rises while training loss falls. Add dropout.";

    @Test
    void theScoreIsTheMeanRoundedDownToAHalfStepAndTheGraderSaysBoth() {
        Grade combined = CombinedGrader.combine(rubric(3.0, Set.of()), llm(3.5, Set.of()));

        assertThat(combined.grader()).isEqualTo("llm+rubric");
        assertThat(combined.score()).isEqualTo(3.0);
        assertThat(combined.feedback()).isEqualTo("LLM feedback.");
    }

    @Test
    void aLargeDisagreementIsFlaggedInTheFeedback() {
        Grade combined = CombinedGrader.combine(rubric(1.0, Set.of()), llm(4.0, Set.of()));

        assertThat(combined.score()).isEqualTo(2.5);
        assertThat(combined.feedback()).startsWith("LLM feedback.")
                .contains("The two graders disagree: the LLM grader gave 4/5 and the rubric grader 1/5");
    }

    @Test
    void aSmallDifferenceIsNotFlagged() {
        assertThat(CombinedGrader.combine(rubric(3.0, Set.of()), llm(4.0, Set.of())).feedback())
                .doesNotContain("disagree");
    }

    @Test
    void theLlmCannotLiftANonAnswerTheRubricGraderCaught() {
        Grade combined = CombinedGrader.combine(rubric(0.0, Set.of(Flag.NON_ANSWER)), llm(3.0, Set.of()));

        assertThat(combined.score()).isZero();
        assertThat(combined.flags()).contains(Flag.NON_ANSWER);
        assertThat(combined.feedback()).contains("the rubric grader found no usable answer, so its score stands");
    }

    @Test
    void flagsAreUnited() {
        Grade combined = CombinedGrader.combine(rubric(2.0, Set.of(Flag.KEYWORD_LIST)), llm(2.0, Set.of(Flag.INJECTION)));

        assertThat(combined.flags()).containsExactlyInAnyOrder(Flag.KEYWORD_LIST, Flag.INJECTION);
    }

    @Test
    void perPointTheStrongerVerdictWithEvidenceWinsAndTheReasonNamesBoth() {
        Grade combined = CombinedGrader.combine(rubric(2.0, Set.of()), llm(3.0, Set.of()));

        KeyPointResult gap = combined.keyPoints().get(0);
        assertThat(gap.verdict()).isEqualTo(Verdict.COVERED);
        assertThat(gap.evidence()).isEqualTo("Validation loss rises while training loss falls");
        assertThat(gap.reason()).contains("rubric grader: partly, LLM grader: covered");
        KeyPointResult remedy = combined.keyPoints().get(1);
        assertThat(remedy.verdict()).isEqualTo(Verdict.COVERED);
        assertThat(remedy.reason()).isEqualTo("rubric found dropout");
    }

    @Test
    void misconceptionsAndReferencesAreMergedWithoutDuplicates() {
        Grade combined = CombinedGrader.combine(rubric(2.0, Set.of()), llm(3.0, Set.of()));

        assertThat(combined.misconceptions()).extracting(MisconceptionHit::id).containsExactly("more-epochs");
        assertThat(combined.references()).extracting(Citation::section)
                .containsExactly("Diagnosing overfitting", "Remedies for overfitting");
    }

    @Test
    void theNoticePrefixKeepsTheRubricGradeIntact() {
        Grade base = rubric(2.0, Set.of());

        Grade noticed = CombinedGrader.withFeedbackPrefix(base, "The LLM grader is unavailable (x).");

        assertThat(noticed.feedback()).isEqualTo("The LLM grader is unavailable (x).\n\nRubric feedback.");
        assertThat(noticed.score()).isEqualTo(2.0);
        assertThat(noticed.grader()).isEqualTo("rubric");
    }

    private static Grade rubric(double score, Set<Flag> flags) {
        return new Grade(score, "rubric", "bank", "overfitting-detection",
                List.of(new KeyPointResult("train-val-gap", "gap", 3, Verdict.PARTLY, "Validation loss rises", 0, 21, "partial cue"),
                        new KeyPointResult("regularization", "reg", 2, Verdict.COVERED, "dropout", 53, 60, "rubric found dropout")),
                List.of(new MisconceptionHit("more-epochs", "s", "c", "rises", 16, 21)), flags, "Rubric feedback.",
                "- outline", List.of(new Citation("regularization", "Overfitting", "Diagnosing overfitting", "f", 3, "s")));
    }

    private static Grade llm(double score, Set<Flag> flags) {
        return new Grade(score, "llm", "bank", "overfitting-detection",
                List.of(new KeyPointResult("train-val-gap", "gap", 3, Verdict.COVERED,
                                "Validation loss rises while training loss falls", 0, 47, "names both curves"),
                        new KeyPointResult("regularization", "reg", 2, Verdict.COVERED, "dropout", 53, 60, "llm found dropout")),
                List.of(new MisconceptionHit("more-epochs", "s", "c", "rises", 16, 21)), flags, "LLM feedback.", "- outline",
                List.of(new Citation("regularization", "Overfitting", "Diagnosing overfitting", "f", 3, "s"),
                        new Citation("regularization", "Overfitting", "Remedies for overfitting", "f", 16, "s")));
    }
}
