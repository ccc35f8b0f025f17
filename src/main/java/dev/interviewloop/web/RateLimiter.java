package dev.interviewloop.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * At most {@code permits} actions per {@code window} for each key (a session id, a client address): one Bucket4j token
 * bucket per key, refilled whole at the end of each window, in a Caffeine table bounded in size and forgetting a key
 * one window after its last use (by then its bucket would be full again anyway). Refused actions cost nothing, so a
 * flooding client gets through again once it waits.
 */
final class RateLimiter {

    /** An action refused; {@code retryAfter} is when the bucket is refilled. */
    static final class Refused extends ApiException {
        private final Duration retryAfter;

        Refused(String what, int permits, Duration window, Duration retryAfter) {
            super(429, null, "too many " + what + ": at most " + permits + " per " + window.toSeconds() + " s; wait "
                    + seconds(retryAfter) + " s and retry");
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return seconds(retryAfter);
        }

        private static long seconds(Duration d) {
            return Math.max(1, (d.toMillis() + 999) / 1000);
        }
    }

    private final String what;
    private final int permits;
    private final Duration window;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    /**
     * @param what what is counted, as the refusal names it ("messages", "requests from this address")
     * @param maxKeys the most keys kept at once; beyond it the least recently used are forgotten
     * @param nanos the clock (System::nanoTime, or a test's)
     */
    RateLimiter(String what, int permits, Duration window, int maxKeys, LongSupplier nanos) {
        if (permits < 1 || window.isZero() || window.isNegative() || maxKeys < 1) {
            throw new IllegalArgumentException("interview-loop.limits: a limit must allow at least 1 action in a window "
                    + "longer than 0 (got " + permits + " per " + window + ")");
        }
        this.what = what;
        this.permits = permits;
        this.window = window;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        Ticker ticker = nanos::getAsLong;
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(window).ticker(ticker).build();
    }

    /** Counts one action for {@code key}, or throws {@link Refused} when its window is used up. */
    void acquire(String key) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(permits).refillIntervally(permits, window))
                .withCustomTimePrecision(time).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new Refused(what, permits, window, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** How many keys are tracked now. */
    long keys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
