package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The endpoints open to anyone count the requests of each client address together (issue 18): a client that starts
 * round after round, or grades and searches in a loop, is refused with 429 and Retry-After before its body is read,
 * while the endpoints of a session it holds are counted per session.
 */
@QuarkusTest
@TestProfile(ClientLimitTest.FiveARequestsAMinute.class)
class ClientLimitTest {

    /** Five requests per minute per address. */
    public static class FiveARequestsAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("interview-loop.limits.client-requests-per-window", "5",
                    "interview-loop.limits.client-window", "60s");
        }
    }

    @Test
    void sessionsGradesAndSearchesShareOneAllowancePerAddress() {
        // given: 2 rounds started, 2 grades, 1 search: the 5 allowed
        List<Integer> statuses = new ArrayList<>();
        SessionResourceTest.Created s = SessionResourceTest.create("practice");
        SessionResourceTest.create("mock");
        for (int i = 0; i < 2; i++) {
            statuses.add(given().contentType(ContentType.JSON)
                    .body(Map.of("questionId", "overfitting-detection", "answer", "validation loss rises"))
                    .when().post("/api/grade").then().extract().statusCode());
        }
        statuses.add(given().queryParam("q", "dropout").when().get("/api/search").then().extract().statusCode());

        // when: one more of each, and a body that would not even parse
        var refused = given().contentType(ContentType.JSON)
                .body(Map.of("loop", SessionResourceTest.LOOP, "round", SessionResourceTest.ROUND, "mode", "practice"))
                .when().post("/api/sessions").then().extract();
        int search = given().queryParam("q", "dropout").when().get("/api/search").then().extract().statusCode();
        int broken = given().contentType(ContentType.JSON).body("{not json").when().post("/api/grade").then()
                .extract().statusCode();

        // then
        assertThat(statuses).containsOnly(200);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.jsonPath().getString("message"))
                .startsWith("too many requests from this address: at most 5 per 60 s; wait");
        assertThat(search).isEqualTo(429);
        assertThat(broken).isEqualTo(429);

        // and the session already started still answers: it has its own allowance
        SessionResourceTest.send(s, Map.of("text", "Validation loss rises while training loss falls.")).statusCode(200);
        given().when().get("/api/loops").then().statusCode(200);
    }
}
