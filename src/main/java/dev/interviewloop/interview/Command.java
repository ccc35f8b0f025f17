package dev.interviewloop.interview;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a candidate turn does: answer, or one of the commands a candidate can give. */
public enum Command {
    ANSWER, HINT, CLARIFY, REPEAT, SKIP, RETRY, END,
    /** Run the code in {@code text} against the current coding question's visible examples; nothing is graded. */
    RUN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The commands a client may send by name ({@code answer} is sent as plain text). */
    public static Optional<Command> parse(String value) {
        return Arrays.stream(values()).filter(c -> c != ANSWER && c.wireName().equals(value)).findFirst();
    }

    /** Whether the command carries the candidate's words (and so a length limit applies). */
    public boolean carriesText() {
        return this == ANSWER || this == RETRY || this == CLARIFY || this == RUN;
    }
}
