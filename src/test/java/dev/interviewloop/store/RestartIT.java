package dev.interviewloop.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions survive restarts: the packaged app is killed mid-round and started again on the same data folder; the
 * candidate comes back with the token, sees the same transcript and grade, and goes on answering.
 */
class RestartIT {

    private static final String ANSWER = "Compare training and validation loss: when the validation loss rises while "
            + "the training loss keeps falling, the model overfits. Then regularise, add data or stop early.";

    @TempDir
    Path data;

    @Test
    void aRoundGoesOnWhereItWasAfterTheServiceIsKilledAndStartedAgain() throws Exception {
        String id;
        String token;
        List<Map<String, Object>> transcript;
        Object grade;
        try (PackagedApp first = PackagedApp.start(data, "first")) {
            // given a round with one answered, graded question
            JsonPath created = given().baseUri(first.baseUri()).contentType(ContentType.JSON)
                    .body(Map.of("loop", "nvidia-ml-engineer", "round", "ml-fundamentals", "mode", "practice"))
                    .when().post("/api/sessions").then().statusCode(201).extract().jsonPath();
            id = created.getString("id");
            token = created.getString("token");
            grade = given().baseUri(first.baseUri()).contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                    .body(Map.of("text", ANSWER)).when().post("/api/sessions/" + id + "/messages")
                    .then().statusCode(200).extract().jsonPath().get("grade");
            assertThat(grade).as("the answer's grade").isNotNull();
            transcript = view(first, id, token).getList("messages");

            // when the service is killed mid-round
            first.kill();
            System.out.printf("RestartIT: first start ready in %.1f s%n", first.startedIn().toMillis() / 1000.0);
        }
        if (!"postgresql".equals(dbKind())) {
            assertThat(data.resolve("interview-loop.mv.db")).as("the embedded database file").exists();
        }

        try (PackagedApp second = PackagedApp.start(data, "second")) {
            System.out.printf("RestartIT: restart ready in %.1f s (database: %s)%n", second.startedIn().toMillis() / 1000.0,
                    dbKind());
            // then the candidate reconnects with the token and finds the round as it was
            JsonPath after = view(second, id, token);
            assertThat(after.getList("messages")).as("the transcript after the restart").isEqualTo(transcript);
            assertThat(after.getString("state")).isEqualTo("AWAITING_ANSWER");
            List<Map<String, Object>> graded = after.getList("messages.findAll { it.grade != null }");
            assertThat(graded).singleElement().satisfies(m -> assertThat(m.get("grade")).isEqualTo(grade));

            // and goes on answering
            JsonPath turn = given().baseUri(second.baseUri()).contentType(ContentType.JSON)
                    .header("Authorization", "Bearer " + token).body(Map.of("command", "skip"))
                    .when().post("/api/sessions/" + id + "/messages").then().statusCode(200).extract().jsonPath();
            assertThat(turn.getList("messages")).isNotEmpty();
            List<Object> longer = view(second, id, token).getList("messages");
            assertThat(longer).hasSizeGreaterThan(transcript.size()).startsWith(transcript.toArray());

            // and the token is still checked: a wrong one is refused
            given().baseUri(second.baseUri()).header("Authorization", "Bearer not-the-token")
                    .when().get("/api/sessions/" + id).then().statusCode(403);

            // and the history has the round
            given().baseUri(second.baseUri()).when().get("/api/history").then().statusCode(200)
                    .body("id", org.hamcrest.Matchers.hasItem(id));

            // and (safe defaults of the packaged app) health, metrics and the API document are served on the
            // management port, on loopback, and not on the public one
            for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui/")) {
                given().baseUri(second.baseUri()).when().get(path).then().statusCode(404);
            }
            given().baseUri(second.managementUri()).when().get("/q/metrics").then().statusCode(200);
            given().baseUri(second.managementUri()).when().get("/q/openapi").then().statusCode(200);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n--- second run log ---\n" + Files.readString(
                    data.resolve("second.log")), e);
        }
    }

    /** The kind of database the app runs on: H2 unless the environment builds and points it at PostgreSQL. */
    private static String dbKind() {
        String kind = System.getenv("QUARKUS_DATASOURCE_DB_KIND");
        return kind == null || kind.isBlank() ? System.getProperty("quarkus.datasource.db-kind", "h2") : kind;
    }

    private static JsonPath view(PackagedApp app, String id, String token) {
        return given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                .when().get("/api/sessions/" + id).then().statusCode(200).extract().jsonPath();
    }
}
