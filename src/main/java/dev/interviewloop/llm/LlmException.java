package dev.interviewloop.llm;

import java.util.Locale;

/**
 * A model call that failed after its retries, with the kind of failure and a message fit for the
 * chat notice ("the LLM did not answer within 30 s").
 */
public class LlmException extends RuntimeException {

    /** The kinds of failure, as metric tags and in notices. */
    public enum Kind {
        /** No answer (or no next token) within the configured timeout. */
        TIMEOUT,
        /** The server could not be reached, or closed the connection. */
        CONNECTION,
        /** The server refused the request (bad key, unknown model, rate limit). */
        HTTP_4XX,
        /** The server failed. */
        HTTP_5XX,
        /** The answer was not the JSON asked for, or was cut off. */
        MALFORMED,
        /** The answer had no text. */
        EMPTY;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final int status;
    private final boolean skipped;

    public LlmException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public LlmException(Kind kind, int status, String message, Throwable cause) {
        this(kind, status, message, cause, false);
    }

    private LlmException(Kind kind, int status, String message, Throwable cause, boolean skipped) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.skipped = skipped;
    }

    /** The call was not made: the same role failed this way moments ago (see {@code interview-loop.llm.cool-down}). */
    static LlmException skipped(LlmException earlier, long secondsLeft) {
        return new LlmException(earlier.kind, earlier.status, earlier.getMessage() + "; the LLM is tried again in "
                + Math.max(1, secondsLeft) + " s", null, true);
    }

    /** Whether the call was skipped because the model failed moments ago, rather than tried and failed now. */
    public boolean skipped() {
        return skipped;
    }

    /** Whether this failure says the server is unusable for now (so further calls should wait a while). */
    boolean serverDown() {
        return switch (kind) {
            case TIMEOUT, CONNECTION, HTTP_5XX -> true;
            case HTTP_4XX -> status == 401 || status == 403 || status == 404 || status == 429;
            case MALFORMED, EMPTY -> false;
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status for {@link Kind#HTTP_4XX} and {@link Kind#HTTP_5XX}, else 0. */
    public int status() {
        return status;
    }

    /** Whether another attempt may succeed: server errors, rate limits, refused connections, bad or empty output. */
    public boolean retryable() {
        return switch (kind) {
            case HTTP_5XX, CONNECTION, MALFORMED, EMPTY -> true;
            case HTTP_4XX -> status == 429 || status == 408;
            // the model is too slow for the timeout; waiting as long again keeps the candidate waiting twice
            case TIMEOUT -> false;
        };
    }
}
