package dev.interviewloop.web;

import dev.interviewloop.interview.SessionException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused session request becomes an {@link ApiError} with the engine's status; 401 also names the scheme. */
public class SessionErrors {

    @ServerExceptionMapper
    public Response session(SessionException e) {
        Response r = ErrorMappers.respond(e.status(), e.getMessage(), e.field());
        return e.status() == 401 ? Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build() : r;
    }
}
