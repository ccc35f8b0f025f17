package dev.interviewloop.web;

import jakarta.enterprise.context.ApplicationScoped;

/** The flood limits of {@link LimitsConfig}: one window per session over REST, one per WebSocket connection. */
@ApplicationScoped
public class MessageLimits {

    private final RateLimiter sessions;
    private final RateLimiter sockets;

    public MessageLimits(LimitsConfig config) {
        this.sessions = new RateLimiter(config);
        this.sockets = new RateLimiter(config);
    }

    /** Counts a REST action on a session; throws a 429 {@link ApiException} when over the limit. */
    void restAction(String sessionId) {
        sessions.acquire(sessionId);
    }

    /** Counts a frame on a socket; throws a 429 {@link ApiException} when over the limit. */
    void socketFrame(String connectionId) {
        sockets.acquire(connectionId);
    }

    void socketClosed(String connectionId) {
        sockets.forget(connectionId);
    }
}
