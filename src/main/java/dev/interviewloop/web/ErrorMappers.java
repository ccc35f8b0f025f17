package dev.interviewloop.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refused request gets an {@link ApiError} body saying what was wrong and what to do. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response r = respond(e.status(), e.getMessage(), e.field());
        return e instanceof RateLimiter.Refused refused
                ? Response.fromResponse(r).header("Retry-After", refused.retryAfterSeconds()).build() : r;
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return respond(400, "the request body is not valid JSON" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""),
                null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return json(json); // a body that does not parse, wrapped by the JSON reader
            }
        }
        String message = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 406 -> "this resource answers in JSON; accept application/json";
            case 415 -> "send the body as application/json";
            default -> e.getMessage();
        };
        return respond(status, message, null);
    }

    static Response respond(int status, String message, String field) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(status, reason, message, field)).build();
    }
}
