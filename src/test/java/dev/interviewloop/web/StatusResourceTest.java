package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With no LLM configured (the default), the status says the built-in interviewer and the rubric grader are active. */
@QuarkusTest
class StatusResourceTest {

    @Test
    void noLlmIsTheDefault() {
        given().when().get("/api/status")
                .then().statusCode(200)
                .body("llm.enabled", equalTo(false))
                .body("llm.model", nullValue())
                .body("llm.baseUrl", nullValue())
                .body("interviewer", equalTo("built-in"))
                .body("grader", equalTo("rubric"));
    }
}
