package dev.interviewloop.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Objects;
import java.util.stream.Collectors;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refused request gets an {@link ApiError} body saying what was wrong and what to do. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response r = respond(e.status(), e.getMessage(), e.field());
        if (e instanceof RateLimiter.Refused refused) {
            return Response.fromResponse(r).header("Retry-After", refused.retryAfterSeconds()).build();
        }
        return e instanceof GradeSlots.Busy ? Response.fromResponse(r).header("Retry-After", 1).build() : r;
    }

    /**
     * Valid JSON of the wrong shape ({@code {"text": ["a"]}}, {@code [1, 2]}): named here, because the JSON reader's
     * own mapper for it answers 400 with an empty body.
     */
    @ServerExceptionMapper
    public Response shape(MismatchedInputException e) {
        String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull).collect(Collectors.joining("."));
        String expected = e.getTargetType() == null ? "another type" : switch (e.getTargetType().getSimpleName()) {
            case "String" -> "a string";
            case "int", "Integer", "long", "Long" -> "a whole number";
            default -> "a JSON object";
        };
        return respond(400, field.isEmpty() ? "the request body must be " + expected + ", as the API documents"
                : "'" + field + "' must be " + expected, field.isEmpty() ? null : field);
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
