package dev.interviewloop.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The liveness check fails on a real deadlock and names the threads caught in it. */
class DeadlockHealthCheckTest {

    @Test
    void isUpWithoutDeadlock() {
        HealthCheckResponse response = new DeadlockHealthCheck().call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).get().satisfies(data -> assertThat(data).containsEntry("deadlockedThreads", 0L));
    }

    @Test
    void isDownWhileTwoThreadsWaitForEachOthersLock() throws Exception {
        // given two threads that each hold one lock and wait (interruptibly) for the other's
        var first = new ReentrantLock();
        var second = new ReentrantLock();
        var bothHoldOne = new CountDownLatch(2);
        Thread a = Thread.ofPlatform().daemon().name("deadlock-test-a").start(() -> crossLock(first, second, bothHoldOne));
        Thread b = Thread.ofPlatform().daemon().name("deadlock-test-b").start(() -> crossLock(second, first, bothHoldOne));
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ManagementFactory.getThreadMXBean().findDeadlockedThreads() != null);

            // when
            HealthCheckResponse response = new DeadlockHealthCheck().call();

            // then
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData()).get().satisfies(data -> {
                assertThat(data).containsEntry("deadlockedThreads", 2L);
                assertThat((String) data.get("threads")).contains("deadlock-test-a").contains("deadlock-test-b");
            });
        } finally {
            // interrupting breaks the cycle, so the rest of the test JVM stays healthy
            a.interrupt();
            b.interrupt();
            a.join(Duration.ofSeconds(10));
            b.join(Duration.ofSeconds(10));
        }
        assertThat(new DeadlockHealthCheck().call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    private static void crossLock(ReentrantLock mine, ReentrantLock theirs, CountDownLatch bothHoldOne) {
        mine.lock();
        try {
            bothHoldOne.countDown();
            bothHoldOne.await();
            theirs.lockInterruptibly();
            theirs.unlock();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            mine.unlock();
        }
    }
}
