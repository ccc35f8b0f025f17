package dev.interviewloop.web;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Closes the connection of a request whose body has not arrived whole within
 * {@code interview-loop.limits.body-timeout} of its start, so a client sending a byte now and then holds nothing for
 * long (the idle timeout, {@code quarkus.http.idle-timeout}, only closes connections that send nothing at all).
 */
@ApplicationScoped
public class SlowSenders {

    void register(@Observes Filters filters, Vertx vertx, LimitsConfig config) {
        long millis = config.bodyTimeout().toMillis();
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            // only requests that declare a body: one without a body may stay unread (paused) while it is served
            if (declaresBody(request) && !request.isEnded()) {
                long timer = vertx.setTimer(millis, t -> {
                    if (!bodyArrived(request)) {
                        Log.debugf("closing a connection from %s: its request body took over %d ms",
                                request.remoteAddress(), millis);
                        request.connection().close();
                    }
                });
                rc.addEndHandler(v -> vertx.cancelTimer(timer));
            }
            rc.next();
        }, 1000);
    }

    /**
     * Whether the whole body is in: by its declared length (the end of a body read whole may still wait in a paused
     * request's queue, so {@code isEnded()} alone would cut off a request that is being served), else by its end.
     */
    private static boolean bodyArrived(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (request.isEnded() || length == null) {
            return request.isEnded();
        }
        try {
            return request.bytesRead() >= Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean declaresBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.strip().equals("0")) || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }
}
