package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session API over REST, as docs/session-api.md specifies it. */
@QuarkusTest
class SessionResourceTest {

    static final String LOOP = "nvidia-ml-engineer";
    static final String ROUND = "ml-fundamentals";

    @Inject
    KnowledgeBase knowledge;

    record Created(String id, String token, JsonPath body) {
    }

    static Created create(String mode) {
        JsonPath body = given().contentType(ContentType.JSON)
                .body(Map.of("loop", LOOP, "round", ROUND, "mode", mode))
                .when().post("/api/sessions")
                .then().statusCode(201).extract().jsonPath();
        return new Created(body.getString("id"), body.getString("token"), body);
    }

    static ValidatableResponse send(Created s, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + s.token()).body(body)
                .when().post("/api/sessions/" + s.id() + "/messages").then();
    }

    private Question firstQuestion() {
        String id = knowledge.loop(LOOP).orElseThrow().round(ROUND).orElseThrow().questions().get(0);
        return knowledge.question(id).orElseThrow();
    }

    @Test
    void creatingASessionReturnsItsLocationTokenOpeningAndFirstQuestion() {
        given().contentType(ContentType.JSON).body(Map.of("loop", LOOP, "round", ROUND, "mode", "practice"))
                .when().post("/api/sessions")
                .then().statusCode(201)
                .header("Location", containsString("/api/sessions/"))
                .body("id", notNullValue())
                .body("token", notNullValue())
                .body("loop.id", equalTo(LOOP))
                .body("round.id", equalTo(ROUND))
                .body("persona.name", notNullValue())
                .body("mode", equalTo("practice"))
                .body("interviewer", equalTo("built-in"))
                .body("state", equalTo("AWAITING_ANSWER"))
                .body("done", is(false))
                .body("currentQuestion.id", equalTo(firstQuestion().id()))
                .body("currentQuestion.number", equalTo(1))
                .body("messages.move", contains("opening", "ask"))
                .body("messages[1].text", containsString(firstQuestion().prompt()));
    }

    @Test
    void anUnknownLoopRoundOrModeIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("loop", "nope", "round", ROUND, "mode", "practice"))
                .when().post("/api/sessions").then().statusCode(400).body("field", equalTo("loop"));
        given().contentType(ContentType.JSON).body(Map.of("loop", LOOP, "round", "nope", "mode", "practice"))
                .when().post("/api/sessions").then().statusCode(400).body("field", equalTo("round"));
        given().contentType(ContentType.JSON).body(Map.of("loop", LOOP, "round", ROUND, "mode", "exam"))
                .when().post("/api/sessions").then().statusCode(400).body("field", equalTo("mode"));
    }

    @Test
    void aMissingTokenIs401AWrongOneIs403AndAnUnknownSessionIs404() {
        Created s = create("practice");

        given().contentType(ContentType.JSON).body(Map.of("text", "x"))
                .when().post("/api/sessions/" + s.id() + "/messages")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer").body("field", equalTo("token"));
        given().header("Authorization", "Bearer wrong").when().get("/api/sessions/" + s.id()).then().statusCode(403);
        given().when().get("/api/sessions/" + s.id() + "/report").then().statusCode(401);
        given().header("Authorization", "Bearer " + s.token()).when().get("/api/sessions/no-such-session")
                .then().statusCode(404);
    }

    @Test
    void anAnswerInPracticeModeGetsTheInterviewersReplyAndTheGrade() {
        Created s = create("practice");

        send(s, Map.of("text", "I compare training and validation loss; if validation loss rises while training loss "
                + "falls the model overfits, so I add dropout, L2 regularisation and early stopping."))
                .statusCode(200)
                .body("messages[0].role", equalTo("candidate"))
                .body("messages[0].move", equalTo("answer"))
                .body("messages[0].grade.score", notNullValue())
                .body("messages[1].role", equalTo("interviewer"))
                .body("grade.score", notNullValue())
                .body("grade.keyPoints", notNullValue())
                .body("state", equalTo("AWAITING_ANSWER"));
    }

    @Test
    void mockModeShowsNoGradeUntilTheEnd() {
        Created s = create("mock");

        send(s, Map.of("text", "Compare training and validation loss curves.")).statusCode(200)
                .body("grade", nullValue())
                .body("messages.grade", everyItem(nullValue()));
        send(s, Map.of("command", "end")).statusCode(200).body("done", is(true));

        given().header("Authorization", "Bearer " + s.token()).when().get("/api/sessions/" + s.id())
                .then().statusCode(200).body("messages.find { it.move == 'answer' }.grade.score", notNullValue());
    }

    @Test
    void badInputIsA400NamingTheField() {
        Created s = create("practice");

        send(s, Map.of("text", "   ")).statusCode(400).body("field", equalTo("text"));
        send(s, Map.of("text", "x".repeat(20_001))).statusCode(400).body("field", equalTo("text"))
                .body("message", containsString("20000"));
        send(s, Map.of("command", "dance")).statusCode(400).body("field", equalTo("command"))
                .body("message", containsString("hint"));
    }

    @Test
    void aHintCommandGivesTheFirstHintOfTheQuestion() {
        Created s = create("practice");

        send(s, Map.of("command", "hint")).statusCode(200)
                .body("messages.move", contains("hint", "hint"))
                .body("messages[1].text", containsString(firstQuestion().hints().get(0)));
    }

    @Test
    void theTranscriptAndReportAreServedWithTheToken() {
        Created s = create("practice");
        given().header("Authorization", "Bearer " + s.token()).when().get("/api/sessions/" + s.id() + "/report")
                .then().statusCode(409);
        send(s, Map.of("text", "Watch the gap between training and validation loss; use early stopping.")).statusCode(200);

        send(s, Map.of("command", "end")).statusCode(200).body("done", is(true)).body("state", equalTo("FINISHED"));
        send(s, Map.of("text", "one more")).statusCode(409);

        JsonPath view = given().header("Authorization", "Bearer " + s.token()).when().get("/api/sessions/" + s.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("messages.move", String.class)).startsWith("opening", "ask", "answer").endsWith("end", "closing");
        assertThat(view.getString("currentQuestion")).isNull();

        given().header("Authorization", "Bearer " + s.token()).when().get("/api/sessions/" + s.id() + "/report")
                .then().statusCode(200)
                .body("sessionId", equalTo(s.id()))
                .body("questions[0].questionId", equalTo(firstQuestion().id()))
                .body("questions[0].status", equalTo("answered"))
                .body("verdict", notNullValue())
                .body("bar", notNullValue())
                .body("study[0].url", startsWith("/notes/"))
                .body("endReason", equalTo("CANDIDATE"));
    }

    @Test
    void aNoteIsServedAsItsSections() {
        given().when().get("/api/notes/regularization").then().statusCode(200)
                .body("id", equalTo("regularization"))
                .body("sections.id", org.hamcrest.Matchers.hasItem("why-l1-gives-sparse-solutions"))
                .body("sections[0].text", notNullValue())
                .body("sections[0].html", startsWith("<p>"));
        given().when().get("/api/notes/no-such-note").then().statusCode(404);
    }

    @Test
    void aRetryShowsTheScoreItReplaced() {
        Created s = create("practice");
        send(s, Map.of("text", "I would look at the metrics.")).statusCode(200);

        send(s, Map.of("command", "retry", "text", "Compare training and validation loss: validation loss rising while "
                + "training loss falls means overfitting. Fix it with more data, L2 or dropout, and early stopping."))
                .statusCode(200)
                .body("messages[0].move", equalTo("retry"))
                .body("grade.previousScore", notNullValue())
                .body("messages", hasSize(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
    }
}
