package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every request field has a bound, every refusal a body that names the field, and text with nothing a model can embed
 * is an ordinary request (issue 18).
 */
@QuarkusTest
class LimitsTest {

    private static io.restassured.response.ValidatableResponse grade(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/grade").then();
    }

    @Test
    void aGradeRequestBoundsEveryField() {
        grade(Map.of("question", "What is overfitting?", "reference", "a. ".repeat(7_000), "answer", "x"))
                .statusCode(400).body("field", equalTo("reference")).body("message", containsString("the limit is 20000"));
        grade(Map.of("question", "q".repeat(2_001), "answer", "x"))
                .statusCode(400).body("field", equalTo("question")).body("message", containsString("the limit is 2000"));
        grade(Map.of("questionId", "q".repeat(201), "answer", "x"))
                .statusCode(400).body("field", equalTo("questionId"));
        grade(Map.of("questionId", "overfitting-detection", "answer", "y".repeat(20_001)))
                .statusCode(400).body("field", equalTo("answer")).body("message", containsString("the limit is 20000"));
    }

    @Test
    void searchAndSessionFieldsAreBounded() {
        given().queryParam("q", "w".repeat(4_001)).when().get("/api/search").then()
                .statusCode(400).body("field", equalTo("q"));
        given().contentType(ContentType.JSON).body(Map.of("loop", "l".repeat(10_000), "round", "r", "mode", "practice"))
                .when().post("/api/sessions").then().statusCode(400).body("field", equalTo("loop"))
                .body("message", containsString("the limit is 200"));
        given().contentType(ContentType.JSON).body(Map.of("mode", "m".repeat(300)))
                .when().post("/api/practice").then().statusCode(400).body("field", equalTo("mode"));
        var topics = given();
        for (int i = 0; i < 51; i++) {
            topics = topics.queryParam("topic", "t" + i);
        }
        topics.when().get("/api/progress/plot.svg").then().statusCode(400).body("field", equalTo("topic"));
    }

    @Test
    void jsonOfTheWrongShapeIsA400WithABodyNamingTheField() {
        SessionResourceTest.Created s = SessionResourceTest.create("practice");

        given().header("Authorization", "Bearer " + s.token()).contentType(ContentType.JSON).body("{\"text\": [\"a\"]}")
                .when().post("/api/sessions/" + s.id() + "/messages").then()
                .statusCode(400).body("field", equalTo("text")).body("message", equalTo("'text' must be a string"));
        given().contentType(ContentType.JSON).body("[1, 2]").when().post("/api/sessions").then()
                .statusCode(400).body("status", equalTo(400)).body("message", containsString("JSON object"));
        grade("{\"answer\": {\"a\": 1}}").statusCode(400).body("field", equalTo("answer"));
    }

    @Test
    void textWithNothingToEmbedIsSearchedAndGradedLikeAnyOther() {
        for (String nothing : new String[] {"\u200b", "\u0000", "\ufffd", "\u200b\u200d \ufeff"}) {
            given().queryParam("q", nothing).when().get("/api/search").then().statusCode(200);
            grade(Map.of("question", nothing, "answer", nothing)).statusCode(200).body("score", notNullValue());
            grade(Map.of("questionId", "overfitting-detection", "answer", nothing)).statusCode(200)
                    .body("score", equalTo(0.0f));
        }
    }
}
