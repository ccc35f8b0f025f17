package dev.interviewloop.llm;

import java.util.Locale;

/** What the model is asked to do; a tag on every latency and failure metric. */
public enum Role {
    INTERVIEWER, GRADER;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
