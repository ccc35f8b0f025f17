package dev.interviewloop.llm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With a model configured, GET /api/status names it and its server, never the key. */
@QuarkusTest
@TestProfile(WithStubLlm.class)
class StatusWithLlmTest {

    @InjectOpenAiStub
    OpenAiStub stub;

    @Test
    void statusNamesTheModelAndServerButNotTheKey() {
        given().when().get("/api/status")
                .then().statusCode(200)
                .body("llm.enabled", equalTo(true))
                .body("llm.model", equalTo(OpenAiStubResource.MODEL))
                .body("llm.baseUrl", equalTo(stub.baseUrl()))
                .body("interviewer", equalTo("llm"))
                .body("grader", equalTo("llm+rubric"))
                .body(not(containsString(OpenAiStubResource.API_KEY)));
    }
}
