package dev.interviewloop.interview;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.interviewloop.knowledge.VoiceLine;

/** What an interviewer turn does. Each move is worded from the persona's voice line of the same name. */
public enum Move {
    OPENING(VoiceLine.OPENING),
    ASK(VoiceLine.ASK),
    PROBE(VoiceLine.PROBE),
    CHALLENGE(VoiceLine.CHALLENGE),
    HINT(VoiceLine.HINT),
    DRILL(VoiceLine.DRILL),
    CLARIFY(VoiceLine.CLARIFY),
    ACKNOWLEDGE(VoiceLine.ACKNOWLEDGE),
    MOVE_ON(VoiceLine.MOVE_ON),
    CLOSING(VoiceLine.CLOSING),
    /** The candidate's code fails a test of a coding question; the prompt names the first failing case. */
    FAILING_TESTS(VoiceLine.FAILING_TESTS);

    private final VoiceLine line;

    Move(VoiceLine line) {
        this.line = line;
    }

    public VoiceLine line() {
        return line;
    }

    @JsonValue
    public String wireName() {
        return line.yamlName();
    }
}
