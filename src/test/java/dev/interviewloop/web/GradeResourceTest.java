package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/grade grades an answer with the rubric grader and refuses bad input with a 4xx naming the field. */
@QuarkusTest
class GradeResourceTest {

    private static final String ANSWER = "Compare training and validation loss: if validation loss rises while training loss "
            + "keeps falling, it overfits. Then use dropout or L2, more data, and early stopping.";

    @Test
    void gradesAnAnswerToABankQuestion() {
        given().contentType(ContentType.JSON).body(Map.of("questionId", "overfitting-detection", "answer", ANSWER))
                .when().post("/api/grade")
                .then().statusCode(200)
                .body("grader", equalTo("rubric"))
                .body("basis", equalTo("bank"))
                .body("questionId", equalTo("overfitting-detection"))
                .body("score", notNullValue())
                .body("keyPoints.id", hasItem("train-val-gap"))
                .body("keyPoints.find { it.id == 'train-val-gap' }.verdict", not(equalTo("MISSED")))
                .body("misconceptions", notNullValue())
                .body("feedback", containsString("Covered"))
                .body("modelAnswer", notNullValue())
                .body("references.section", hasItem("Diagnosing overfitting"));
    }

    @Test
    void gradesFreeQuestionTextWithAReference() {
        given().contentType(ContentType.JSON).body(Map.of("question", "How did you separate the salt from the water?",
                        "reference", "The water was evaporated, leaving the salt.", "answer", "We let the water evaporate and the salt was left."))
                .when().post("/api/grade")
                .then().statusCode(200)
                .body("grader", equalTo("rubric"))
                .body("basis", equalTo("reference"))
                .body("flags", hasItem("NO_RUBRIC"));
    }

    @Test
    void anEmptyAnswerIsGradedZeroNotRefused() {
        given().contentType(ContentType.JSON).body(Map.of("questionId", "overfitting-detection", "answer", ""))
                .when().post("/api/grade")
                .then().statusCode(200)
                .body("score", equalTo(0f))
                .body("flags", hasItem("EMPTY"));
    }

    @Test
    void anUnknownQuestionIdIsNotFoundNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("questionId", "no-such-question", "answer", "x"))
                .when().post("/api/grade")
                .then().statusCode(404)
                .body("field", equalTo("questionId"))
                .body("message", containsString("no-such-question"));
    }

    @Test
    void neitherQuestionNorQuestionIdIsABadRequest() {
        given().contentType(ContentType.JSON).body(Map.of("answer", "x"))
                .when().post("/api/grade")
                .then().statusCode(400)
                .body("field", equalTo("question"));
    }

    @Test
    void aMissingAnswerIsABadRequest() {
        given().contentType(ContentType.JSON).body(Map.of("questionId", "overfitting-detection"))
                .when().post("/api/grade")
                .then().statusCode(400)
                .body("field", equalTo("answer"));
    }

    @Test
    void anAnswerOver20000CharactersIsABadRequest() {
        given().contentType(ContentType.JSON).body(Map.of("questionId", "overfitting-detection", "answer", "a".repeat(20_001)))
                .when().post("/api/grade")
                .then().statusCode(400)
                .body("field", equalTo("answer"))
                .body("message", containsString("20000"));
    }

    @Test
    void invalidJsonIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"questionId\": \"overfitting-detection\", \"answer\": ")
                .when().post("/api/grade")
                .then().statusCode(400)
                .body("message", containsString("not valid JSON"));
    }

    @Test
    void aLongRamblingAnswerIsGradedWithinTheLimit() {
        String rambling = ("Well, in my experience there are many things to consider with models in general. ").repeat(60) + ANSWER;
        given().contentType(ContentType.JSON).body(Map.of("questionId", "overfitting-detection", "answer", rambling))
                .when().post("/api/grade")
                .then().statusCode(200)
                .body("score", lessThanOrEqualTo(5f));
    }
}
