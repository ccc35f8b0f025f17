package dev.interviewloop.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What one client may ask of the service. A person typing answers sends a few actions per minute and starts a round
 * every few minutes; these limits only stop floods and slow senders. Actions beyond a limit are refused (REST
 * {@code 429} with {@code Retry-After}, WebSocket an {@code error} frame with status 429) and not processed. The
 * counts are kept by each instance of the service: with several instances behind a proxy, a client that is spread
 * over them gets the allowance of each.
 */
@ConfigMapping(prefix = "interview-loop.limits")
public interface LimitsConfig {

    /** Candidate actions allowed per window on one session, over REST and every socket of the session together. */
    @WithDefault("20")
    int messagesPerWindow();

    /** The window of {@link #messagesPerWindow()}. */
    @WithDefault("10s")
    Duration window();

    /**
     * Requests allowed per window from one client address to the endpoints open to anyone (start a round or a
     * practice round, grade, search).
     */
    @WithDefault("60")
    int clientRequestsPerWindow();

    /** The window of {@link #clientRequestsPerWindow()}. */
    @WithDefault("60s")
    Duration clientWindow();

    /** The most sessions and client addresses whose counts are kept at once (least recently used forgotten). */
    @WithDefault("20000")
    int trackedKeys();

    /** A request body must arrive whole within this time from the request's start, or the connection is closed. */
    @WithDefault("10s")
    Duration bodyTimeout();

    /** Grade requests ({@code POST /api/grade}) worked on at once; more get {@code 503} with {@code Retry-After}. */
    @WithDefault("4")
    int gradesInFlight();

    /** The largest WebSocket message read, in bytes: a larger one closes the socket with 1009 (message too big). */
    @WithDefault("262144")
    int maxFrameBytes();
}
