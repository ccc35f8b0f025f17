package dev.interviewloop.web;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The flood limits of {@link LimitsConfig}: one allowance per session, shared by REST and every socket of the
 * session; one per client address for the endpoints open to anyone.
 */
@ApplicationScoped
public class RequestLimits {

    private final RateLimiter sessions;
    private final RateLimiter clients;

    public RequestLimits(LimitsConfig config) {
        this.sessions = new RateLimiter("messages", config.messagesPerWindow(), config.window(), config.trackedKeys(),
                System::nanoTime);
        this.clients = new RateLimiter("requests from this address", config.clientRequestsPerWindow(),
                config.clientWindow(), config.trackedKeys(), System::nanoTime);
    }

    /** Counts an action on a session (REST or socket); throws a 429 {@link ApiException} when over the limit. */
    void sessionAction(String sessionId) {
        sessions.acquire(sessionId);
    }

    /** Counts a request from a client address to an open endpoint; throws a 429 {@link ApiException} when over. */
    void clientRequest(String address) {
        clients.acquire(address);
    }
}
