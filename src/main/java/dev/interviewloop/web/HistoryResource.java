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

    /** The most rounds one page of the history lists. */
    static final int MAX_PAGE = 200;

    /**
     * Rounds, newest first, a page at a time: {@code limit} (default and most {@value #MAX_PAGE}) after skipping
     * {@code offset}; a {@code Link: <...>; rel="next"} header points to the next page while there is one.
     */
    @GET
    @Path("history")
    public Response history(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        int from = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = number("limit", limit, MAX_PAGE, 1, MAX_PAGE);
        List<HistoryEntry> page = progress.history(from, size + 1);
        Response.ResponseBuilder answer = Response.ok(page.subList(0, Math.min(size, page.size())));
        if (page.size() > size) {
            answer.link(URI.create("/api/history?offset=" + (from + size) + "&limit=" + size), "next");
        }
        return answer.build();
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest(field, "'" + field + "' is a whole number from " + min + " to " + max);
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
