package dev.interviewloop.interview;

/**
 * A session request refused, with the HTTP-style status the REST and WebSocket endpoints report:
 * 400 bad input (naming {@code field}), 401 no token, 403 wrong token, 404 unknown session,
 * 409 not possible in the session's state.
 */
public class SessionException extends RuntimeException {

    private final int status;
    private final String field;

    public SessionException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static SessionException badInput(String field, String message) {
        return new SessionException(400, field, message);
    }

    public static SessionException conflict(String message) {
        return new SessionException(409, null, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
