package dev.interviewloop.web;

import dev.interviewloop.llm.LlmMode;
import dev.interviewloop.llm.LlmStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Which interviewer and grader are active, and which model (if any) backs them. Never shows the API key. */
@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    public record Status(LlmStatus llm, String interviewer, String grader) {
    }

    private final LlmMode mode;

    public StatusResource(LlmMode mode) {
        this.mode = mode;
    }

    @GET
    public Status status() {
        return new Status(mode.status(), mode.interviewer(), mode.grader());
    }
}
