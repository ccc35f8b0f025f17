package dev.interviewloop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.WebSocketClientConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session WebSocket: token required, transcript on connect, the interviewer's words streamed. */
@QuarkusTest
class SessionSocketTest {

    @TestHTTPResource("/")
    URI base;

    private SocketClient socket;

    private SocketClient socket() {
        if (socket == null) {
            socket = new SocketClient(base);
        }
        return socket;
    }

    private WebSocketClientConnection connect(String id, String token) {
        return socket().connect(id, token);
    }

    private List<String> types() {
        return socket().types();
    }

    private JsonNode awaitFrame(String type) {
        await().atMost(Duration.ofSeconds(20)).until(() -> types().contains(type));
        return socket().ofType(type).get(0);
    }

    @Test
    void onConnectTheServerSendsTheSessionWithItsTranscript() {
        SessionResourceTest.Created s = SessionResourceTest.create("practice");

        connect(s.id(), s.token());

        JsonNode session = awaitFrame("session");
        assertThat(session.at("/session/id").asText()).isEqualTo(s.id());
        assertThat(session.at("/session/messages/0/move").asText()).isEqualTo("opening");
    }

    @Test
    void aWrongOrMissingTokenGetsAnErrorFrameThenAPolicyViolationClose() {
        SessionResourceTest.Created s = SessionResourceTest.create("practice");

        connect(s.id(), "wrong");

        JsonNode error = awaitFrame("error");
        assertThat(error.get("status").asInt()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).until(() -> socket().closeCode() == 1008);

        socket().reset();
        connect(s.id(), null);
        assertThat(awaitFrame("error").get("status").asInt()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(() -> socket().closeCode() == 1008);
    }

    @Test
    void anAnswerStreamsTheCandidateMessageTheGradeTheInterviewersWordsAndTheState() {
        SessionResourceTest.Created s = SessionResourceTest.create("practice");
        WebSocketClientConnection c = connect(s.id(), s.token());
        awaitFrame("session");
        socket().frames.clear();

        c.sendTextAndAwait("{\"type\": \"answer\", \"text\": \"Compare training and validation loss; validation loss "
                + "rising while training loss falls means overfitting.\"}");

        JsonNode state = awaitFrame("state");
        assertThat(state.get("done").asBoolean()).isFalse();
        List<String> types = types();
        assertThat(types.get(0)).isEqualTo("message");
        assertThat(socket().frames.get(0).at("/message/role").asText()).isEqualTo("candidate");
        assertThat(types.get(1)).isEqualTo("grade");
        assertThat(socket().frames.get(1).at("/grade/score").isNumber()).isTrue();
        assertThat(types).contains("start", "delta").endsWith("message", "state");

        int seq = socket().frames.stream().filter(f -> f.get("type").asText().equals("start")).findFirst().orElseThrow()
                .get("seq").asInt();
        StringBuilder streamed = new StringBuilder();
        List<JsonNode> complete = new ArrayList<>();
        for (JsonNode f : socket().frames) {
            if (f.get("type").asText().equals("delta") && f.get("seq").asInt() == seq) {
                streamed.append(f.get("text").asText());
            }
            if (f.get("type").asText().equals("message") && f.at("/message/seq").asInt() == seq) {
                complete.add(f.get("message"));
            }
        }
        assertThat(complete).hasSize(1);
        assertThat(streamed.toString()).isEqualTo(complete.get(0).get("text").asText());
        assertThat(complete.get(0).get("speaker").asText()).isEqualTo("built-in");
    }

    @Test
    void commandsWorkAndMistakesGetAnErrorFrameWithoutClosing() {
        SessionResourceTest.Created s = SessionResourceTest.create("mock");
        WebSocketClientConnection c = connect(s.id(), s.token());
        awaitFrame("session");
        socket().frames.clear();

        c.sendTextAndAwait("{\"type\": \"command\", \"command\": \"dance\"}");
        assertThat(awaitFrame("error").get("status").asInt()).isEqualTo(400);
        c.sendTextAndAwait("not json");
        await().atMost(Duration.ofSeconds(10)).until(() -> types().stream().filter("error"::equals).count() == 2);

        socket().frames.clear();
        c.sendTextAndAwait("{\"type\": \"command\", \"command\": \"end\"}");
        JsonNode state = awaitFrame("state");
        assertThat(state.get("state").asText()).isEqualTo("FINISHED");
        assertThat(state.get("done").asBoolean()).isTrue();
        assertThat(socket().closeCode()).isZero();
    }
}
