package dev.interviewloop.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which quotes count as occurring in the answer, and where. */
class EvidenceTest {

    private static final String ANSWER = "Training loss falls,\n  but validation  loss rises — that's overfitting.";

    @Test
    void anExactQuoteIsFoundWhereItIs() {
        Evidence.Span span = Evidence.locate(ANSWER, "Training loss falls");

        assertThat(ANSWER.substring(span.start(), span.end())).isEqualTo("Training loss falls");
    }

    @Test
    void caseSpacingDashesAndQuoteMarksMayDiffer() {
        Evidence.Span span = Evidence.locate(ANSWER, "“but validation loss rises - that’s overfitting”");

        assertThat(ANSWER.substring(span.start(), span.end())).isEqualTo("but validation  loss rises — that's overfitting");
    }

    @Test
    void aParaphraseIsNotFound() {
        assertThat(Evidence.locate(ANSWER, "validation loss increases")).isNull();
    }

    @Test
    void aQuoteStitchedWithAnEllipsisIsNotFound() {
        assertThat(Evidence.locate(ANSWER, "Training loss ... overfitting")).isNull();
    }

    @Test
    void anEmptyQuoteIsNotFound() {
        assertThat(Evidence.locate(ANSWER, " \"\" ")).isNull();
        assertThat(Evidence.locate(ANSWER, null)).isNull();
    }
}
