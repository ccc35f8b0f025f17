package dev.interviewloop.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How many candidate actions one session (REST) or one socket (WebSocket) may send in a window. A person
 * typing answers sends a few per minute; the limit only stops floods. Actions beyond it are refused (REST
 * {@code 429} with {@code Retry-After}, WebSocket an {@code error} frame with status 429) and not processed.
 */
@ConfigMapping(prefix = "interview-loop.limits")
public interface LimitsConfig {

    /** Actions allowed per window, per session over REST and per socket over the WebSocket. */
    @WithDefault("20")
    int messagesPerWindow();

    /** The sliding window the limit counts over. */
    @WithDefault("10s")
    Duration window();
}
