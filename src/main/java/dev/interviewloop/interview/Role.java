package dev.interviewloop.interview;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who a transcript message is from. */
public enum Role {
    INTERVIEWER, CANDIDATE, SYSTEM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
