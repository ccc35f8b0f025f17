package dev.interviewloop.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How meters are published at {@code /q/metrics} (Prometheus text). Components record their own
 * {@code interview_loop.*} meters; these filters add what every one of them needs, so no component has
 * to remember it:
 * <ul>
 *   <li>an {@code application} tag, so one Prometheus can scrape several deployments;</li>
 *   <li>a latency histogram ({@code _bucket} series) on every {@code interview_loop.*} timer, from 1 ms
 *   to 2 minutes (a CPU-only local LLM can take that long), so {@code histogram_quantile} gives p50/p95
 *   for retrieval and LLM calls.</li>
 * </ul>
 */
@Singleton
public class MetricsConfiguration {

    static final String PREFIX = "interview_loop.";
    static final Duration MIN_LATENCY = Duration.ofMillis(1);
    static final Duration MAX_LATENCY = Duration.ofMinutes(2);

    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(List.of(Tag.of("application", application)));
    }

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new LatencyHistograms();
    }

    /** Turns on the percentile histogram for the application's own timers; leaves other meters alone. */
    static final class LatencyHistograms implements MeterFilter {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith(PREFIX)) {
                return config;
            }
            return DistributionStatisticConfig.builder()
                    .percentilesHistogram(true)
                    .minimumExpectedValue((double) MIN_LATENCY.toNanos())
                    .maximumExpectedValue((double) MAX_LATENCY.toNanos())
                    .build()
                    .merge(config);
        }
    }
}
