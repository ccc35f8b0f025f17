package dev.interviewloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The text helpers shared by every layer. */
class TextTest {

    @Test
    void strictUtf8DecodesValidTextAndRefusesMalformedBytes() throws Exception {
        assertThat(Text.strictUtf8("été √d".getBytes(StandardCharsets.UTF_8))).isEqualTo("été √d");
        assertThatThrownBy(() -> Text.strictUtf8(new byte[] {'a', (byte) 0xC3, '(', 'b'}))
                .isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void clipFoldsWhiteSpaceAndCutsAtAWordBoundary() {
        assertThat(Text.clip("  short\n text ", 20)).isEqualTo("short text");
        assertThat(Text.clip("the quick brown fox jumps", 12)).isEqualTo("the quick…");
        assertThat(Text.clip("abcdefghijklmnopqrstuvwxyz", 10)).as("one long word is cut inside").isEqualTo("abcdefghij…");
        assertThat(Text.clip(null, 10)).isEmpty();
        assertThat(Text.cut("line one\nline two", 12)).as("cut keeps the lines").isEqualTo("line one…");
    }

    @Test
    void halfStepsRoundTiesUpOrDownAndStayOnTheScale() {
        assertThat(Text.halfStep(2.25, 5)).isEqualTo(2.5);
        assertThat(Text.halfStep(2.2, 5)).isEqualTo(2.0);
        assertThat(Text.halfStep(7, 5)).isEqualTo(5.0);
        assertThat(Text.halfStep(-1, 5)).isEqualTo(0.0);
        assertThat(Text.halfStepDown(2.25, 5)).isEqualTo(2.0);
        assertThat(Text.halfStepDown(2.26, 5)).isEqualTo(2.5);
    }

    @Test
    void scoresPrintWithOneDecimalAndCompactNumbersWithoutATrailingZero() {
        assertThat(Text.score(3)).isEqualTo("3.0");
        assertThat(Text.score(2.25)).isEqualTo("2.3");
        assertThat(Text.compact(3)).isEqualTo("3");
        assertThat(Text.compact(2.5)).isEqualTo("2.5");
    }
}
