package dev.interviewloop.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes the REST API, and Swagger UI is served in every profile. */
@QuarkusTest
class OpenApiTest {

    @Test
    void openApiDocumentListsTheRestEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", containsString("Interview Loop"))
                .body("paths", hasKey("/api/search"))
                .body("paths", hasKey("/api/loops"));
    }

    @Test
    void swaggerUiAnswers() {
        given().when().get("/q/swagger-ui")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("swagger-ui"));
    }
}
