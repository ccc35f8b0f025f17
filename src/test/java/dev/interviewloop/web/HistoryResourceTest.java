package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import dev.interviewloop.store.PracticeRoundRow;
import dev.interviewloop.store.QuestionResultRow;
import dev.interviewloop.store.SessionRow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/history, GET /api/progress and the practice round of weak topics over REST. */
@QuarkusTest
class HistoryResourceTest {

    @BeforeEach
    @Transactional
    void emptyTables() {
        QuestionResultRow.deleteAll();
        SessionRow.deleteAll();
        PracticeRoundRow.deleteAll();
    }

    /** Plays the ML fundamentals round over REST: a weak answer to the first question, then ends the round. */
    private static String playARound() {
        SessionResourceTest.Created s = SessionResourceTest.create("practice");
        SessionResourceTest.send(s, Map.of("text", "I would train it for more epochs.")).statusCode(200);
        SessionResourceTest.send(s, Map.of("command", "end")).statusCode(200).body("done", is(true));
        return s.id();
    }

    @Test
    void theHistoryListsPlayedRoundsWithScoreAndVerdict() {
        String id = playARound();

        given().when().get("/api/history")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].loop.id", equalTo(SessionResourceTest.LOOP))
                .body("[0].round.title", equalTo("Machine learning fundamentals"))
                .body("[0].persona.title", notNullValue())
                .body("[0].mode", equalTo("practice"))
                .body("[0].done", is(true))
                .body("[0].date", notNullValue())
                .body("[0].score", notNullValue())
                .body("[0].verdict", notNullValue())
                .body("[0].results", greaterThan(0));
    }

    @Test
    void progressGivesEachTopicItsPointsOverTimeAndTheWeakTopics() {
        playARound();

        given().when().get("/api/progress")
                .then().statusCode(200)
                .body("topics.topic", hasItem("generalization"))
                .body("topics[0].points[0].at", notNullValue())
                .body("topics[0].points[0].score", notNullValue())
                .body("topics[0].count", greaterThan(0))
                .body("weakTopics", notNullValue())
                .body("settings.minEvidence", equalTo(2));
    }

    @Test
    void progressIsAlsoAPlotPerTopic() {
        playARound();

        given().when().get("/api/progress/plot.svg")
                .then().statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .body(containsString("<svg"))
                .body(containsString("data-topic=\"generalization\""))
                .body(containsString("<polyline"));
    }

    @Test
    void practiceStartsARoundOfTheWorstQuestionsThatIsReadLikeAnyOther() {
        playARound();

        JsonPath started = given().contentType(ContentType.JSON).body(Map.of("mode", "practice"))
                .when().post("/api/practice")
                .then().statusCode(201)
                .header("Location", containsString("/api/sessions/"))
                .body("token", notNullValue())
                .body("loop.id", equalTo("practice"))
                .body("round.title", containsString("Weak topics"))
                .body("practice.questions[0].reason", equalTo("DUE"))
                .body("practice.questions.why", everyItem(notNullValue()))
                .extract().jsonPath();

        given().header("Authorization", "Bearer " + started.getString("token"))
                .when().get("/api/sessions/" + started.getString("id"))
                .then().statusCode(200)
                .body("round.id", equalTo(started.getString("round.id")))
                .body("currentQuestion.id", equalTo(started.getString("practice.questions[0].questionId")));
        given().when().get("/api/practice/schedule")
                .then().statusCode(200)
                .body("[0].dueNow", is(true))
                .body("[0].due", notNullValue());
    }

    @Test
    void practiceBeforeAnyGradedAnswerIsA409SayingWhatToDo() {
        given().contentType(ContentType.JSON).body(Map.of("mode", "practice"))
                .when().post("/api/practice")
                .then().statusCode(409)
                .body("message", containsString("Play a round first"));
    }

    @Test
    void practiceWithAnUnknownModeIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("mode", "loud"))
                .when().post("/api/practice")
                .then().statusCode(400)
                .body("field", equalTo("mode"));
    }

    @Test
    void theHistoryIsPagedNewestFirstWithALinkToTheNextPage() {
        String first = SessionResourceTest.create("practice").id();
        String second = SessionResourceTest.create("mock").id();
        String third = SessionResourceTest.create("practice").id();

        var page = given().queryParam("limit", 2).when().get("/api/history").then().statusCode(200)
                .body("id", contains(third, second)).extract();
        String next = page.header("Link");

        org.assertj.core.api.Assertions.assertThat(next).isEqualTo("</api/history?offset=2&limit=2>; rel=\"next\"");
        given().when().get("/api/history?offset=2&limit=2").then().statusCode(200).body("id", contains(first))
                .header("Link", org.hamcrest.Matchers.nullValue());
        given().queryParam("limit", 0).when().get("/api/history").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void anEmptyHistoryIsAnEmptyList() {
        given().when().get("/api/history").then().statusCode(200).body("$", hasSize(0));
        given().when().get("/api/progress").then().statusCode(200).body("topics", hasSize(0))
                .body("weakTopics", hasSize(0)).body("results", equalTo(0));
        given().when().get("/api/practice").then().statusCode(200).body("questions", hasSize(0))
                .body("weakTopics", hasSize(0));
    }
}
