package dev.interviewloop.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The evaluation's agreement figures on small hand-computed cases. */
class AgreementTest {

    @Test
    void perfectAgreementHasCorrelationOneAndNoError() {
        Agreement a = new Agreement();
        a.add(0, 0);
        a.add(2.5, 2.5);
        a.add(5, 5);

        assertThat(a.pearson()).isCloseTo(1.0, within(1e-9));
        assertThat(a.meanAbsoluteError()).isZero();
        assertThat(a.binary(2.5)).containsExactly(1.0, 1.0, 1.0);
    }

    @Test
    void binaryFiguresCountCorrectAtOrAboveTheThreshold() {
        Agreement a = new Agreement();
        a.add(5, 5);   // true positive
        a.add(3, 0);   // false positive
        a.add(0, 0);   // true negative
        a.add(0, 0);   // true negative

        double[] b = a.binary(2.5);

        assertThat(b[0]).isCloseTo(0.75, within(1e-9));
        // positive F1 = 2/3 (support 1), negative F1 = 0.8 (support 3): weighted (2/3 + 2.4) / 4, macro (2/3 + 0.8) / 2
        assertThat(b[1]).isCloseTo((2.0 / 3 + 2.4) / 4, within(1e-9));
        assertThat(b[2]).isCloseTo((2.0 / 3 + 0.8) / 2, within(1e-9));
        assertThat(a.within(1.0)).isCloseTo(0.75, within(1e-9));
    }
}
