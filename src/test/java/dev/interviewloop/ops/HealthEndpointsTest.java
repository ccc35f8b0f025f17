package dev.interviewloop.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** /q/health/live says whether to restart the JVM; /q/health/ready says whether it can take traffic. */
@QuarkusTest
class HealthEndpointsTest {

    @Test
    void liveIsUpAndReportsNoDeadlockedThreads() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("deadlocks"))
                .body("checks.find { it.name == 'deadlocks' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'deadlocks' }.data.deadlockedThreads", equalTo(0));
    }

    @Test
    void readyIsUpAndReportsTheSearchIndex() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'search-index' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'search-index' }.data.chunks", greaterThan(0))
                .body("checks.find { it.name == 'search-index' }.data.embeddingModel", equalTo("all-MiniLM-L6-v2-q"))
                // the test profile keeps the index in memory, so it is always built, never reused
                .body("checks.find { it.name == 'search-index' }.data.reused", equalTo(false));
    }

    @Test
    void healthCombinesLivenessAndReadiness() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("deadlocks"))
                .body("checks.name", hasItem("search-index"));
    }
}
