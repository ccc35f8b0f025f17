package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/search returns ranked passages and refuses bad parameters with a 400 naming the field. */
@QuarkusTest
class SearchResourceTest {

    @Test
    void returnsRankedPassagesWithTheirSource() {
        given().queryParam("q", "validation loss rises while training loss falls").queryParam("k", 3)
                .when().get("/api/search")
                .then().statusCode(200)
                .body("$", hasSize(lessThanOrEqualTo(3)))
                .body("[0].doc", equalTo("regularization"))
                .body("[0].section", equalTo("Diagnosing overfitting"))
                .body("[0].file", equalTo("knowledge/notes/regularization.md"))
                .body("[0].snippet", notNullValue())
                .body("score", everyItem(greaterThan(0f)));
    }

    @Test
    void missingQueryIsABadRequestNamingTheParameter() {
        given().when().get("/api/search")
                .then().statusCode(400)
                .body("field", equalTo("q"))
                .body("status", equalTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "51", "ten", "-1"})
    void outOfRangeKIsABadRequest(String k) {
        given().queryParam("q", "dropout").queryParam("k", k)
                .when().get("/api/search")
                .then().statusCode(400)
                .body("field", equalTo("k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced", "(a OR b", "AND", "-- ; DROP TABLE notes;", "🙂🔥", "<script>alert(1)</script>",
            "title:[a TO z]", "\\\\"})
    void hostileQueriesAreAnswered(String q) {
        given().queryParam("q", q).when().get("/api/search").then().statusCode(200);
    }

    @Test
    void threeThousandCharacterQueryIsAnswered() {
        given().queryParam("q", "overfitting ".repeat(250)).when().get("/api/search").then().statusCode(200);
    }
}
