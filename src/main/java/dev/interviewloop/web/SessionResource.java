package dev.interviewloop.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.interviewloop.interview.Action;
import dev.interviewloop.interview.Command;
import dev.interviewloop.interview.InterviewConfig;
import dev.interviewloop.interview.InterviewEngine;
import dev.interviewloop.interview.Report;
import dev.interviewloop.interview.SessionView;
import dev.interviewloop.interview.Started;
import dev.interviewloop.interview.Turn;
import dev.interviewloop.interview.TurnListener;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

/** Interview sessions over REST (docs/session-api.md): start a round, act in it, read it, read its report. */
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** {@code POST /api/sessions} body. */
    public record CreateSession(String loop, String round, String mode) {
    }

    /** {@code POST /api/sessions/{id}/messages} body: an answer ({@code text}) or a {@code command}. */
    public record SendMessage(String text, String command) {
    }

    /** A new session: its view with the token (shown once). */
    public record Created(@JsonUnwrapped SessionView session, String token) {
    }

    private final InterviewEngine engine;
    private final RequestLimits limits;
    private final int maxAnswerChars;

    public SessionResource(InterviewEngine engine, RequestLimits limits, InterviewConfig interview) {
        this.engine = engine;
        this.limits = limits;
        this.maxAnswerChars = interview.maxAnswerChars();
    }

    @POST
    @ClientLimited
    public Response create(CreateSession body) {
        if (body == null) {
            throw ApiException.badRequest(null, "send {\"loop\": ..., \"round\": ..., \"mode\": \"practice\" | \"mock\"}; "
                    + "GET /api/loops lists the loops and rounds");
        }
        Fields.limited("loop", body.loop(), Fields.MAX_ID);
        Fields.limited("round", body.round(), Fields.MAX_ID);
        Fields.limited("mode", body.mode(), Fields.MAX_ID);
        Started started = engine.start(body.loop(), body.round(), body.mode(), TurnListener.NONE);
        return Response.created(URI.create("/api/sessions/" + started.session().id()))
                .entity(new Created(started.session(), started.token())).build();
    }

    @POST
    @Path("{id}/messages")
    public Turn act(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                    SendMessage body) {
        String token = bearer(authorization);
        // authorized first, then the flood limit, then the body, then the session's lock: a stranger cannot spend a
        // session's allowance, and a flood never queues on the lock
        return engine.act(id, token, () -> {
            limits.sessionAction(id);
            return action(body, maxAnswerChars);
        }, TurnListener.NONE);
    }

    @GET
    @Path("{id}")
    public SessionView get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return engine.view(id, bearer(authorization));
    }

    @GET
    @Path("{id}/report")
    public Report report(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return engine.report(id, bearer(authorization));
    }

    /** Maps the wire body to an action: a {@code command} by name, or else an answer. */
    static Action action(SendMessage body, int maxAnswerChars) {
        if (body == null) {
            throw ApiException.badRequest(null, "send {\"text\": \"your answer\"} or {\"command\": \"hint\"}");
        }
        Fields.limited("command", body.command(), Fields.MAX_ID);
        Fields.answer(body.text(), maxAnswerChars);
        if (body.command() == null || body.command().isBlank()) {
            return Action.answer(body.text());
        }
        Command command = Command.parse(body.command().strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                ApiException.badRequest("command", "unknown command '" + body.command() + "'; use one of "
                        + Arrays.stream(Command.values()).filter(c -> c != Command.ANSWER).map(Command::wireName).toList()
                        + ", or send the answer as {\"text\": ...} without a command"));
        return new Action(command, body.text());
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null when there is none. */
    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : null;
    }
}
