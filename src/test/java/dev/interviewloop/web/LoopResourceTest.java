package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** GET /api/loops lists every loop with its rounds and the persona who plays each. */
@QuarkusTest
class LoopResourceTest {

    @Test
    void listsLoopsWithRoundsAndPersonas() {
        given().when().get("/api/loops")
                .then().statusCode(200)
                .body("id", hasItem("nvidia-ml-engineer"))
                .body("title", everyItem(not(emptyOrNullString())))
                .body("source", everyItem(not(emptyOrNullString())))
                .body("rounds.flatten().id", hasItem("ml-fundamentals"))
                .body("rounds.flatten().persona.name", everyItem(not(emptyOrNullString())))
                .body("rounds.flatten().persona.role", everyItem(not(emptyOrNullString())))
                .body("rounds.flatten().persona.style", everyItem(not(emptyOrNullString())))
                .body("rounds.flatten().durationMinutes", everyItem(greaterThan(0)))
                .body("rounds.flatten().questionCount", everyItem(greaterThan(0)));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().when().get("/q/health").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
