package dev.interviewloop.interview;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When the candidate sees grades: after every answer (practice) or only once the round is over (mock). */
public enum Mode {
    PRACTICE, MOCK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Mode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(value)).findFirst();
    }
}
