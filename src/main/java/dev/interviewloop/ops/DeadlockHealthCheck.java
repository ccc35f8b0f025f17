package dev.interviewloop.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless threads of this JVM are deadlocked (on monitors or on {@code java.util.concurrent}
 * locks): a deadlock never resolves by itself, so the only cure is a restart, which is what a failing
 * liveness probe asks the orchestrator for. A slow or unready service is not dead: that is readiness.
 */
@Liveness
@ApplicationScoped
public class DeadlockHealthCheck implements HealthCheck {

    static final String NAME = "deadlocks";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] ids = threads.findDeadlockedThreads();
        var response = HealthCheckResponse.named(NAME)
                .withData("deadlockedThreads", ids == null ? 0 : ids.length)
                .withData("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        if (ids == null) {
            return response.up().build();
        }
        String names = Arrays.stream(threads.getThreadInfo(ids))
                .filter(Objects::nonNull)
                .map(DeadlockHealthCheck::describe)
                .collect(Collectors.joining("; "));
        return response.down().withData("threads", names).build();
    }

    private static String describe(ThreadInfo t) {
        return "'" + t.getThreadName() + "' waits for " + t.getLockName() + " held by '" + t.getLockOwnerName() + "'";
    }
}
