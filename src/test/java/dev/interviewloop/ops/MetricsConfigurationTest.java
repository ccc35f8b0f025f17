package dev.interviewloop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The application's own timers publish latency histograms; other meters are left as their owners made them. */
class MetricsConfigurationTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    MetricsConfigurationTest() {
        registry.config().meterFilter(new MetricsConfiguration.LatencyHistograms());
    }

    @Test
    void applicationTimerGetsBucketsFromOneMillisecondToTwoMinutes() {
        Timer timer = registry.timer("interview_loop.llm.latency");
        timer.record(Duration.ofMillis(250));

        HistogramSnapshot snapshot = timer.takeSnapshot();

        assertThat(snapshot.histogramCounts()).isNotEmpty();
        assertThat(snapshot.histogramCounts()[0].bucket(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(1.0);
        assertThat(snapshot.histogramCounts()[snapshot.histogramCounts().length - 1]
                .bucket(TimeUnit.SECONDS)).isLessThanOrEqualTo(120.0);
    }

    @Test
    void otherTimersAndSummariesGetNoBuckets() {
        Timer foreign = registry.timer("http.server.requests");
        foreign.record(Duration.ofMillis(5));
        DistributionSummary answerLength = registry.summary("interview_loop.answer.length");
        answerLength.record(120);

        assertThat(foreign.takeSnapshot().histogramCounts()).isEmpty();
        assertThat(answerLength.takeSnapshot().histogramCounts()).isEmpty();
    }
}
