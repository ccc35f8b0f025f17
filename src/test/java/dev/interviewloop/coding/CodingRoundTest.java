package dev.interviewloop.coding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A coding round over REST with the silent senior engineer (Wei) on edit distance: the candidate runs the examples,
 * the interviewer names the failing test, asks for the better complexity only once the code is correct, and a retry
 * runs the tests again.
 */
@QuarkusTest
class CodingRoundTest {

    record Session(String id, String token) {
    }

    static Session start() {
        JsonPath body = given().contentType(ContentType.JSON)
                .body(Map.of("loop", "nvidia-ml-engineer", "round", "coding-project", "mode", "practice"))
                .when().post("/api/sessions").then().statusCode(201).extract().jsonPath();
        assertThat(body.getString("messages[-1].questionId")).isEqualTo("edit-distance");
        return new Session(body.getString("id"), body.getString("token"));
    }

    static JsonPath send(Session s, Map<String, Object> body, int status) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + s.token()).body(body)
                .when().post("/api/sessions/" + s.id() + "/messages").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void runExecutesTheVisibleExamplesWithoutGradingOrAReply() {
        Session s = start();

        JsonPath turn = send(s, Map.of("command", "run", "text", CodingAnswers.BROKEN), 200);

        List<Map<String, Object>> messages = turn.getList("messages");
        assertThat(messages).hasSize(1);
        assertThat(turn.getString("messages[0].move")).isEqualTo("run");
        assertThat(turn.getString("messages[0].execution.scope")).isEqualTo("visible");
        assertThat(turn.getInt("messages[0].execution.total")).isEqualTo(2);
        assertThat(turn.getString("messages[0].execution.cases[0].input")).isEqualTo("min_distance(\"horse\", \"ros\")");
        assertThat(turn.getString("messages[0].execution.cases[0].expected")).isEqualTo("3");
        assertThat(turn.getString("grade")).isNull();
    }

    @Test
    void theInterviewerNamesTheFailingTestThenAsksForBetterComplexityOnceTheCodeIsCorrect() {
        Session s = start();

        JsonPath broken = send(s, Map.of("text", CodingAnswers.BROKEN), 200);
        assertThat(broken.getString("grade.execution.scope")).isEqualTo("all");
        assertThat(broken.getString("messages[-1].move")).isEqualTo("failing-tests");
        assertThat(broken.getString("messages[-1].text")).contains("Case 'horse-ros': min_distance(\"horse\", \"ros\") returned");

        JsonPath fullTable = send(s, Map.of("text", CodingAnswers.FULL_TABLE), 200);
        assertThat(fullTable.getInt("grade.execution.passed")).isEqualTo(9);
        assertThat(fullTable.getString("messages[-1].move")).isEqualTo("drill");
        assertThat(fullTable.getString("messages[-1].text")).contains("Can you optimise the space complexity?");

        JsonPath oneRow = send(s, Map.of("text", CodingAnswers.ONE_ROW), 200);
        assertThat(oneRow.getBoolean("grade.execution.complexity.passed")).isTrue();
        assertThat(oneRow.getString("messages[-1].text")).doesNotContain("optimise the space");
    }

    @Test
    void aCorrectOneRowAnswerIsNeverAskedForBetterComplexity() {
        Session s = start();

        JsonPath turn = send(s, Map.of("text", CodingAnswers.ONE_ROW), 200);

        assertThat(turn.getFloat("grade.score")).isGreaterThanOrEqualTo(4.5f);
        assertThat(turn.getList("messages.text", String.class)).noneMatch(t -> t.contains("optimise the space"));
    }

    @Test
    void retryRunsTheTestsAgain() {
        Session s = start();
        send(s, Map.of("text", CodingAnswers.BROKEN), 200);

        JsonPath retried = send(s, Map.of("command", "retry", "text", CodingAnswers.ONE_ROW), 200);

        assertThat(retried.getInt("grade.execution.passed")).isEqualTo(9);
        assertThat(retried.getFloat("grade.previousScore")).isLessThan(retried.getFloat("grade.score"));
    }

    @Test
    void runOnAQuestionWithoutTestsIsRefused() {
        JsonPath body = given().contentType(ContentType.JSON)
                .body(Map.of("loop", "nvidia-ml-engineer", "round", "ml-fundamentals", "mode", "practice"))
                .when().post("/api/sessions").then().statusCode(201).extract().jsonPath();
        Session s = new Session(body.getString("id"), body.getString("token"));

        JsonPath error = send(s, Map.of("command", "run", "text", "def f(): pass"), 409);

        assertThat(error.getString("message")).contains("has none, so answer it instead");
    }
}
