package dev.interviewloop.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no LLM configured (the default), a whole turn runs on the built-in interviewer and the rubric grader and no model is ever called. */
@QuarkusTest
class WithoutLlmTest {

    @Inject
    MeterRegistry registry;

    @Inject
    LlmClient client;

    @Test
    void aTurnUsesTheBuiltInInterviewerAndTheRubricGraderAndCallsNoModel() {
        double rubricBefore = registry.counter("interview_loop.grades", "grader", "rubric").count();
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("loop", LlmSessionTest.LOOP, "round", LlmSessionTest.ROUND, "mode", "practice"))
                .when().post("/api/sessions").then().statusCode(201).extract().jsonPath();

        JsonPath turn = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + created.getString("token"))
                .body(Map.of("text", LlmGraderTest.ANSWER))
                .when().post("/api/sessions/" + created.getString("id") + "/messages")
                .then().statusCode(200).extract().jsonPath();

        assertThat(client.enabled()).isFalse();
        assertThat(created.getString("interviewer")).isEqualTo("built-in");
        assertThat(turn.getString("grade.grader")).isEqualTo("rubric");
        assertThat(turn.getList("messages.findAll { it.role == 'interviewer' }.speaker")).containsOnly("built-in");
        assertThat(turn.getList("messages.role")).doesNotContain("system");
        assertThat(registry.counter("interview_loop.grades", "grader", "rubric").count() - rubricBefore).isEqualTo(1.0);
        assertThat(registry.find("interview_loop.llm.latency").timers()).as("no model call was made").isEmpty();
        assertThat(registry.find("interview_loop.llm.failures").counters()).isEmpty();
    }
}
