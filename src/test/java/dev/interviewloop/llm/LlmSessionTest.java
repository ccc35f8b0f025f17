package dev.interviewloop.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A whole session with an LLM configured (the OpenAI stub): the model words the interviewer's
 * moves and streams them over the WebSocket, answers are graded llm+rubric, and every fault of the
 * interviewer or the grader ends in the built-in interviewer or the rubric grader with a notice in
 * the chat, the candidate's words kept.
 */
@QuarkusTest
@TestProfile(WithStubLlm.class)
class LlmSessionTest {

    static final String LOOP = "nvidia-ml-engineer";
    static final String ROUND = "ml-fundamentals";
    static final String SPOKEN = "Right, next: tell me more.";

    @InjectOpenAiStub
    OpenAiStub stub;

    @Inject
    MeterRegistry registry;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URI base;

    /** Grader requests get {@code grader}; interviewer requests get {@code interviewer}. */
    private void replies(Supplier<OpenAiStub.Reply> interviewer, Supplier<OpenAiStub.Reply> grader) {
        stub.respond(r -> r.system().startsWith("You grade") ? grader.get() : interviewer.get());
    }

    @BeforeEach
    void setUp() {
        stub.reset();
        replies(() -> OpenAiStub.text(SPOKEN), () -> OpenAiStub.text(LlmGraderTest.grade(3.5, "P1").toString()));
    }

    record Created(String id, String token, JsonPath body) {
    }

    static Created create(String mode) {
        JsonPath body = given().contentType(ContentType.JSON).body(Map.of("loop", LOOP, "round", ROUND, "mode", mode))
                .when().post("/api/sessions").then().statusCode(201).extract().jsonPath();
        return new Created(body.getString("id"), body.getString("token"), body);
    }

    static JsonPath answer(Created s, String text) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + s.token())
                .body(Map.of("text", text)).when().post("/api/sessions/" + s.id() + "/messages")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath transcript(Created s) {
        return given().header("Authorization", "Bearer " + s.token()).when().get("/api/sessions/" + s.id())
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theModelWordsTheOpeningAndTheFirstQuestionAsThePersona() {
        Created s = create("practice");

        assertThat(s.body().getString("interviewer")).isEqualTo("llm");
        assertThat(s.body().getList("messages.speaker")).containsOnly("llm");
        assertThat(s.body().getList("messages.text")).containsOnly(SPOKEN);
        OpenAiStub.Recorded ask = stub.requests().get(1);
        assertThat(ask.system()).startsWith("You are Kai, Tech lead, recommendation team");
        assertThat(ask.user()).contains("Move: ask").contains("How do you tell whether a model in production is overfitting");
    }

    @Test
    void anAnswerIsGradedByTheLlmAndTheRubricGraderTogether() {
        Created s = create("practice");
        double before = registry.counter("interview_loop.grades", "grader", "llm+rubric").count();

        JsonPath turn = answer(s, LlmGraderTest.ANSWER);

        assertThat(turn.getString("grade.grader")).isEqualTo("llm+rubric");
        assertThat(turn.getList("messages.findAll { it.role == 'interviewer' }.speaker")).containsOnly("llm");
        assertThat(turn.getList("messages.role")).doesNotContain("system");
        assertThat(registry.counter("interview_loop.grades", "grader", "llm+rubric").count() - before).isEqualTo(1.0);
        OpenAiStub.Recorded graded = stub.requests().stream().filter(r -> r.system().startsWith("You grade")).findFirst()
                .orElseThrow();
        assertThat(graded.user()).endsWith("<candidate_answer>\n" + LlmGraderTest.ANSWER + "\n</candidate_answer>");
    }

    @Test
    void theGradeEndpointGradesWithBothGradersToo() {
        given().contentType(ContentType.JSON)
                .body(Map.of("questionId", "overfitting-detection", "answer", LlmGraderTest.ANSWER))
                .when().post("/api/grade")
                .then().statusCode(200)
                .body("grader", org.hamcrest.Matchers.equalTo("llm+rubric"));
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("timeout", (Supplier<OpenAiStub.Reply>) () ->
                        OpenAiStub.delayed(OpenAiStubResource.BEYOND_TIMEOUT, OpenAiStub.text("late")), "within 3 s|nothing for 3 s"),
                Arguments.of("http 500", (Supplier<OpenAiStub.Reply>) () -> OpenAiStub.status(500), "HTTP 500"),
                Arguments.of("http 401", (Supplier<OpenAiStub.Reply>) () -> OpenAiStub.status(401), "HTTP 401"),
                Arguments.of("malformed", (Supplier<OpenAiStub.Reply>) OpenAiStub::malformed, "JSON|readable"),
                Arguments.of("truncated", (Supplier<OpenAiStub.Reply>) () -> OpenAiStub.truncatedStream("{\"keyPoints\""),
                        "JSON|broke off"),
                Arguments.of("empty", (Supplier<OpenAiStub.Reply>) OpenAiStub::empty, "no text"),
                Arguments.of("closed connection", (Supplier<OpenAiStub.Reply>) OpenAiStub::closeConnection,
                        "closed the connection"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void whenTheInterviewerFailsTheBuiltInVoiceWordsTheMoveWithANotice(String fault, Supplier<OpenAiStub.Reply> reply,
                                                                      String reason) {
        Created s = create("practice");
        replies(reply, () -> OpenAiStub.text(LlmGraderTest.grade(3.5, "P1").toString()));

        JsonPath turn = answer(s, LlmGraderTest.ANSWER);

        List<Map<String, Object>> messages = turn.getList("messages");
        assertThat(messages.get(0)).containsEntry("role", "candidate").containsEntry("text", LlmGraderTest.ANSWER);
        Map<String, Object> said = messages.stream().filter(m -> "interviewer".equals(m.get("role"))).findFirst().orElseThrow();
        assertThat(said.get("speaker")).isEqualTo("built-in");
        assertThat((String) said.get("text")).isNotBlank();
        Map<String, Object> notice = messages.stream().filter(m -> "system".equals(m.get("role"))).findFirst().orElseThrow();
        assertThat((String) notice.get("text")).startsWith("The LLM interviewer is unavailable (")
                .containsPattern(reason).endsWith("the built-in interviewer continues.");
        assertThat(turn.getString("grade.grader")).isEqualTo("llm+rubric");
        assertThat(transcript(s).getList("messages.text")).contains(LlmGraderTest.ANSWER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void whenTheGraderFailsTheRubricGraderGradesAloneWithANotice(String fault, Supplier<OpenAiStub.Reply> reply,
                                                                 String reason) {
        Created s = create("mock");
        replies(() -> OpenAiStub.text(SPOKEN), reply);
        double before = registry.counter("interview_loop.grades", "grader", "rubric").count();

        JsonPath turn = answer(s, LlmGraderTest.ANSWER);

        List<Map<String, Object>> messages = turn.getList("messages");
        assertThat(messages.get(0)).containsEntry("role", "candidate").containsEntry("text", LlmGraderTest.ANSWER);
        Map<String, Object> notice = messages.stream().filter(m -> "system".equals(m.get("role"))).findFirst().orElseThrow();
        assertThat((String) notice.get("text")).startsWith("The LLM grader is unavailable (").containsPattern(reason)
                .endsWith("this answer was graded by the rubric grader alone.");
        assertThat(messages.stream().filter(m -> "interviewer".equals(m.get("role"))).map(m -> m.get("speaker")))
                .containsOnly("llm");
        assertThat(registry.counter("interview_loop.grades", "grader", "rubric").count() - before).isEqualTo(1.0);
        assertThat(transcript(s).getList("messages.text")).contains(LlmGraderTest.ANSWER);
    }

    @Test
    void theGraderNoticeAlsoOpensTheGradesFeedback() {
        Created s = create("practice");
        replies(() -> OpenAiStub.text(SPOKEN), () -> OpenAiStub.status(503));

        JsonPath turn = answer(s, LlmGraderTest.ANSWER);

        assertThat(turn.getString("grade.grader")).isEqualTo("rubric");
        assertThat(turn.getString("grade.feedback")).startsWith("The LLM grader is unavailable (the LLM server answered HTTP 503)");
    }

    @Test
    void theInterviewersWordsStreamOverTheWebSocketTokenByToken() {
        Created s = create("practice");
        List<JsonNode> frames = new CopyOnWriteArrayList<>();
        WebSocketClientConnection c = BasicWebSocketConnector.create().baseUri(base)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .path("/ws/sessions/" + s.id() + "?token=" + s.token())
                .onTextMessage((conn, text) -> {
                    try {
                        frames.add(json.readTree(text));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .connectAndAwait();
        await().atMost(Duration.ofSeconds(20)).until(() -> frames.stream().anyMatch(f -> f.get("type").asText().equals("session")));
        frames.clear();
        replies(() -> OpenAiStub.tokens("Which", " curves", " exactly", "?"),
                () -> OpenAiStub.text(LlmGraderTest.grade(3.5, "P1").toString()));

        c.sendTextAndAwait("{\"type\": \"answer\", \"text\": " + json.valueToTree(LlmGraderTest.ANSWER) + "}");

        await().atMost(Duration.ofSeconds(30)).until(() -> frames.stream().anyMatch(f -> f.get("type").asText().equals("state")));
        JsonNode start = frames.stream().filter(f -> f.get("type").asText().equals("start")).findFirst().orElseThrow();
        assertThat(start.get("speaker").asText()).isEqualTo("llm");
        int seq = start.get("seq").asInt();
        List<String> deltas = frames.stream().filter(f -> f.get("type").asText().equals("delta") && f.get("seq").asInt() == seq)
                .map(f -> f.get("text").asText()).toList();
        assertThat(deltas).containsExactly("Which", " curves", " exactly", "?");
        JsonNode message = frames.stream().filter(f -> f.get("type").asText().equals("message")
                && f.at("/message/seq").asInt() == seq).findFirst().orElseThrow().get("message");
        assertThat(message.get("text").asText()).isEqualTo("Which curves exactly?");
        assertThat(message.get("speaker").asText()).isEqualTo("llm");
        c.closeAndAwait();
    }
}
