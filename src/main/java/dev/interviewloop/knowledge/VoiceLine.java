package dev.interviewloop.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;

/** The moves a persona has phrasings for. In YAML they are written in kebab-case (for example {@code move-on}). */
public enum VoiceLine {
    OPENING, ASK, PROBE, CHALLENGE, HINT, DRILL, CLARIFY, ACKNOWLEDGE, MOVE_ON, CLOSING,
    /** The candidate's code fails a test: {@code {prompt}} names the case. */
    FAILING_TESTS;

    @com.fasterxml.jackson.annotation.JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static VoiceLine fromYaml(String value) {
        return Arrays.stream(values()).filter(v -> v.yamlName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown voice line '" + value + "'; expected one of "
                        + Arrays.stream(values()).map(VoiceLine::yamlName).toList()));
    }
}
