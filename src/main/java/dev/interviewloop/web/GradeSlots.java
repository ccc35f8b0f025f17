package dev.interviewloop.web;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * A bound on the grade requests worked on at once ({@code interview-loop.limits.grades-in-flight}), a SmallRye Fault
 * Tolerance bulkhead: grading is CPU work, and a burst of requests must not take every core from the rounds in play.
 * A request over the bound is refused at once with a 503 and {@code Retry-After}.
 */
@ApplicationScoped
public class GradeSlots {

    /** The service is grading as many answers as it may; retry in a moment. */
    static final class Busy extends ApiException {
        Busy(int limit) {
            super(503, null, "the service is grading " + limit + " answers already; retry in a moment");
        }
    }

    private final int limit;
    private final Guard guard;

    public GradeSlots(LimitsConfig config) {
        this.limit = config.gradesInFlight();
        this.guard = Guard.create().withDescription("grade requests in flight")
                .withBulkhead().limit(limit).done().build();
    }

    /** Runs {@code work} in a slot, or throws {@link Busy} when all slots are taken. */
    public <T> T run(Supplier<T> work, Class<T> type) {
        try {
            return guard.get(work, type);
        } catch (BulkheadException e) {
            throw new Busy(limit);
        }
    }
}
