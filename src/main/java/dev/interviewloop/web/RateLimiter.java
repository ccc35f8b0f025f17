package dev.interviewloop.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A sliding-window limit per key (a session id or a socket): at most {@code permits} actions in any
 * {@code window}. Refused actions do not count, so a flooding client gets through again once it waits.
 */
final class RateLimiter {

    /** An action refused; {@code retryAfter} is when the oldest counted action leaves the window. */
    static final class Refused extends ApiException {
        private final Duration retryAfter;

        Refused(int permits, Duration window, Duration retryAfter) {
            super(429, null, "too many messages: at most " + permits + " per " + window.toSeconds() + " s; wait "
                    + Math.max(1, seconds(retryAfter)) + " s and retry");
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return Math.max(1, seconds(retryAfter));
        }

        private static long seconds(Duration d) {
            return (d.toMillis() + 999) / 1000;
        }
    }

    private final int permits;
    private final Duration window;
    private final LongSupplier nanos;
    private final Map<String, ArrayDeque<Long>> recent = new ConcurrentHashMap<>();

    RateLimiter(int permits, Duration window, LongSupplier nanos) {
        if (permits < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("interview-loop.limits: messages-per-window must be >= 1 and window > 0");
        }
        this.permits = permits;
        this.window = window;
        this.nanos = nanos;
    }

    RateLimiter(LimitsConfig config) {
        this(config.messagesPerWindow(), config.window(), System::nanoTime);
    }

    /** Counts one action for {@code key}, or throws {@link Refused} when the window is full. */
    void acquire(String key) {
        long now = nanos.getAsLong();
        long span = window.toNanos();
        ArrayDeque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= span) {
                times.pollFirst();
            }
            if (times.size() >= permits) {
                throw new Refused(permits, window, Duration.ofNanos(span - (now - times.peekFirst())));
            }
            times.addLast(now);
        }
    }

    /** Forgets a key (a closed socket). */
    void forget(String key) {
        recent.remove(key);
    }
}
