package dev.interviewloop.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.interviewloop.search.SearchService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** /q/metrics serves Prometheus text, and every search is timed once as interview_loop.retrieval.latency. */
@QuarkusTest
class MetricsEndpointTest {

    @Inject
    MeterRegistry registry;

    @Test
    void prometheusTextIncludesRetrievalLatencyAfterASearch() {
        // given
        given().queryParam("q", "dropout").when().get("/api/search").then().statusCode(200);

        // when
        String metrics = given().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .extract().asString();

        // then: count, sum and histogram buckets, tagged with the application
        assertThat(metrics)
                .contains("# TYPE interview_loop_retrieval_latency_seconds histogram")
                .containsPattern("interview_loop_retrieval_latency_seconds_count\\{[^}]*application=\"interview-loop\"")
                .contains("interview_loop_retrieval_latency_seconds_sum{")
                .containsPattern("interview_loop_retrieval_latency_seconds_bucket\\{[^}]*le=\"");
    }

    @Test
    void oneSearchRecordsExactlyOneSample() {
        // given
        long before = retrievalCount();

        // when: /api/search goes through search(q, k), which delegates to the filtered search
        given().queryParam("q", "bias variance trade-off").when().get("/api/search").then().statusCode(200);

        // then
        assertThat(retrievalCount()).isEqualTo(before + 1);
    }

    private long retrievalCount() {
        return registry.find(SearchService.RETRIEVAL_LATENCY).timers().stream().mapToLong(Timer::count).sum();
    }
}
