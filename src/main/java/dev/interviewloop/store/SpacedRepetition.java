package dev.interviewloop.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * When a question should come back, from its past results (an SM-2-like schedule on the 0-5 scale):
 * <ul>
 *   <li>the latest score sets the base interval: below {@value #PASS} due at once; below 3.5 one day; below 4.5
 *       three days; from 4.5 seven days;</li>
 *   <li>each earlier consecutive passing result (>= {@value #PASS}) doubles it (at most {@link #MAX_INTERVAL});
 *       a failing result resets the streak;</li>
 *   <li>the question is due at its latest result plus the interval.</li>
 * </ul>
 * So a badly answered question comes back before a well answered one, and one answered well again and again
 * comes back less and less often.
 */
public final class SpacedRepetition {

    /** The score from which an answer counts as a success. */
    public static final double PASS = 2.5;
    public static final Duration MAX_INTERVAL = Duration.ofDays(90);

    /** Due questions first, the worst latest score first; then the rest by when they are due. */
    public static final Comparator<Schedule> PRACTICE_ORDER = Comparator
            .comparing((Schedule s) -> !s.dueNow())
            .thenComparing(s -> s.dueNow() ? s.lastScore() : 0.0)
            .thenComparing(Schedule::due)
            .thenComparing(Schedule::questionId);

    private SpacedRepetition() {
    }

    /** One past result of a question. */
    public record Attempt(double score, Instant at) {
    }

    /**
     * Where a question stands.
     *
     * @param streak consecutive passing results up to the latest (0 when the latest failed)
     * @param interval how long after the latest result the question is due
     * @param dueNow whether it is due at {@code now}
     */
    public record Schedule(String questionId, double lastScore, Instant lastAt, int attempts, int streak,
                           Duration interval, Instant due, boolean dueNow) {
    }

    /** The base interval for a latest score. */
    public static Duration baseInterval(double score) {
        if (score < PASS) {
            return Duration.ZERO;
        }
        if (score < 3.5) {
            return Duration.ofDays(1);
        }
        return score < 4.5 ? Duration.ofDays(3) : Duration.ofDays(7);
    }

    /** The schedule of a question from its results (any order; at least one). */
    public static Schedule schedule(String questionId, List<Attempt> attempts, Instant now) {
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("question " + questionId + " has no results to schedule");
        }
        List<Attempt> ordered = attempts.stream().sorted(Comparator.comparing(Attempt::at)).toList();
        Attempt last = ordered.get(ordered.size() - 1);
        int streak = 0;
        for (int i = ordered.size() - 1; i >= 0 && ordered.get(i).score() >= PASS; i--) {
            streak++;
        }
        Duration interval = baseInterval(last.score());
        for (int i = 1; i < streak && interval.compareTo(MAX_INTERVAL) < 0; i++) {
            interval = interval.multipliedBy(2);
        }
        if (interval.compareTo(MAX_INTERVAL) > 0) {
            interval = MAX_INTERVAL;
        }
        Instant due = last.at().plus(interval);
        return new Schedule(questionId, last.score(), last.at(), ordered.size(), streak, interval, due, !due.isAfter(now));
    }
}
