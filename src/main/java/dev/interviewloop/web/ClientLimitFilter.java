package dev.interviewloop.web;

import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts each request to a {@link ClientLimited} endpoint against its client's address before the body is read. The
 * address is the connection's, or the one a trusted proxy forwarded ({@code quarkus.http.proxy.*}).
 */
public class ClientLimitFilter {

    private final RequestLimits limits;

    public ClientLimitFilter(RequestLimits limits) {
        this.limits = limits;
    }

    @ClientLimited
    @ServerRequestFilter
    public void admit(HttpServerRequest request) {
        var address = request.remoteAddress();
        limits.clientRequest(address == null ? "unknown" : address.hostAddress());
    }
}
