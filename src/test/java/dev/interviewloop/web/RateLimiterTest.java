package dev.interviewloop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The flood limit (a Bucket4j bucket per key in a bounded Caffeine table): counts per key, refuses over the limit, lets
 * a client in again once it waits, and keeps at most a fixed number of keys.
 */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter("messages", 3, Duration.ofSeconds(10), 100, now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void theActionOverTheLimitIsRefusedWith429AndWhenToRetry() {
        limiter.acquire("a");
        advance(Duration.ofSeconds(2));
        limiter.acquire("a");
        limiter.acquire("a");

        assertThatThrownBy(() -> limiter.acquire("a"))
                .isInstanceOfSatisfying(RateLimiter.Refused.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfterSeconds()).isEqualTo(8);
                    assertThat(e.getMessage()).isEqualTo("too many messages: at most 3 per 10 s; wait 8 s and retry");
                });
    }

    @Test
    void keysAreCountedSeparately() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }

        limiter.acquire("b");

        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimiter.Refused.class);
    }

    @Test
    void refusedActionsDoNotCountSoWaitingTheWindowOutLetsTheClientBackIn() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimiter.Refused.class);
        }

        advance(Duration.ofSeconds(10));

        limiter.acquire("a");
        limiter.acquire("a");
        limiter.acquire("a");
    }

    @Test
    void aFloodOfNewKeysKeepsTheTableBounded() {
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("client-" + i);
        }

        assertThat(limiter.keys()).isLessThanOrEqualTo(100);
    }

    @Test
    void aKeyUnusedForAWindowIsForgottenWithNothingLost() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }

        advance(Duration.ofSeconds(11));

        assertThat(limiter.keys()).isZero();
        limiter.acquire("a");
    }

    @Test
    void aLimitBelowOneOrAnEmptyWindowIsAConfigurationError() {
        assertThatThrownBy(() -> new RateLimiter("messages", 0, Duration.ofSeconds(1), 100, now::get))
                .hasMessageContaining("interview-loop.limits");
        assertThatThrownBy(() -> new RateLimiter("messages", 5, Duration.ZERO, 100, now::get))
                .hasMessageContaining("interview-loop.limits");
    }
}
