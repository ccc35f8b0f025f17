package dev.interviewloop.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.interviewloop.interview.SessionView;
import dev.interviewloop.store.HistoryEntry;
import dev.interviewloop.store.PracticePlan;
import dev.interviewloop.store.PracticeService;
import dev.interviewloop.store.PracticeService.PracticeStarted;
import dev.interviewloop.store.Progress;
import dev.interviewloop.store.ProgressPlot;
import dev.interviewloop.store.ProgressService;
import dev.interviewloop.store.ScheduledQuestion;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** The history of this installation's rounds, progress per topic, and practice rounds of the weak topics. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    /** {@code POST /api/practice} body: {@code {"mode": "practice" | "mock"}}. */
    public record PracticeBody(String mode) {
    }

    /** A practice session just started: the session view, its token (shown once) and why each question was chosen. */
    public record PracticeResponse(@JsonUnwrapped SessionView session, String token, PracticePlan practice) {
    }

    private final ProgressService progress;
    private final PracticeService practice;

    public HistoryResource(ProgressService progress, PracticeService practice) {
        this.progress = progress;
        this.practice = practice;
    }

    @GET
    @Path("history")
    public List<HistoryEntry> history() {
        return progress.history();
    }

    @GET
    @Path("progress")
    public Progress progress() {
        return progress.progress();
    }

    /** Progress per topic over time as an SVG line chart; {@code ?topic=} (repeatable) limits it to some topics. */
    @GET
    @Path("progress/plot.svg")
    @Produces("image/svg+xml")
    public String plot(@QueryParam("topic") List<String> topics) {
        return ProgressPlot.svg(progress.progress(), Set.copyOf(Fields.limited("topic", topics, Fields.MAX_ID)));
    }

    @GET
    @Path("practice")
    public PracticePlan nextPractice() {
        return practice.plan();
    }

    @GET
    @Path("practice/schedule")
    public List<ScheduledQuestion> schedule() {
        return progress.schedule();
    }

    @POST
    @Path("practice")
    @ClientLimited
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startPractice(PracticeBody body) {
        Fields.limited("mode", body == null ? null : body.mode(), Fields.MAX_ID);
        PracticeStarted started = practice.start(body == null || body.mode() == null ? "practice" : body.mode());
        return Response.created(URI.create("/api/sessions/" + started.session().id()))
                .entity(new PracticeResponse(started.session(), started.token(), started.plan())).build();
    }
}
