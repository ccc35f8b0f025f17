package dev.interviewloop.knowledge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Small text helpers every layer needs the same way: reading a file's bytes as strict UTF-8, clipping a passage or
 * a quote for display, and rounding and printing scores on the 0-5 scale.
 */
public final class Text {

    private Text() {
    }

    /** The bytes as UTF-8; throws on any malformed byte instead of quietly putting U+FFFD in the content. */
    public static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** The text on one line: runs of white space folded to one space, and stripped. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** {@link #cut} of the text {@linkplain #oneLine on one line}: a passage or a quote shown in a sentence. */
    public static String clip(String text, int max) {
        return cut(oneLine(text), max);
    }

    /**
     * At most {@code max} characters of the text and an ellipsis, cut at the last white space in the second half of
     * that length (one longer word is cut inside); a text that fits is returned as it is.
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int at = max;
        while (at > 0 && !Character.isWhitespace(text.charAt(at))) {
            at--;
        }
        return text.substring(0, at > max / 2 ? at : max) + "…";
    }

    /** The score rounded to the nearest half step (ties up), within [0, max]. */
    public static double halfStep(double score, double max) {
        return Math.max(0, Math.min(max, Math.round(score * 2) / 2.0));
    }

    /** The score rounded to the nearest half step with ties down (an average never inflates), within [0, max]. */
    public static double halfStepDown(double score, double max) {
        return Math.max(0, Math.min(max, Math.ceil(score * 2 - 0.5) / 2.0));
    }

    /** A score with one decimal: {@code 3.0}, {@code 2.5}. */
    public static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A number as short as it can be read: {@code 3}, {@code 2.5}. */
    public static String compact(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
