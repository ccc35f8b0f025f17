package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input on the session WebSocket (issue 10): floods are rate limited with a clear error
 * frame, bad frames get an error frame, the socket and the session stay healthy, and the stored transcript
 * keeps exactly what was processed.
 */
@QuarkusTest
class SocketAbuseTest {

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

    private List<JsonNode> ofType(String type) {
        return socket().ofType(type);
    }

    private void awaitCount(String type, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> ofType(type).size() >= count);
    }

    private static List<String> transcript(SessionResourceTest.Created s) {
        return given().header("Authorization", "Bearer " + s.token()).when().get("/api/sessions/" + s.id())
                .then().statusCode(200).extract().jsonPath().getList("messages.text", String.class);
    }

    @Test
    void aFloodOnOneSocketIsRateLimitedWithAClearErrorAndTheSocketStaysUsable() {
        // given: the %test limit is 20 frames per 60 s per socket
        SessionResourceTest.Created s = SessionResourceTest.create("practice");
        WebSocketClientConnection c = connect(s.id(), s.token());
        awaitCount("session", 1);
        int before = transcript(s).size();
        socket().frames.clear();

        // when: 50 frames sent without waiting for any answer
        for (int i = 0; i < 50; i++) {
            c.sendTextAndAwait("{\"type\": \"command\", \"command\": \"repeat\"}");
        }

        // then: 20 are served, 30 refused with a 429 error frame that says what to do
        awaitCount("state", 20);
        awaitCount("error", 30);
        List<JsonNode> errors = ofType("error");
        assertThat(errors).hasSize(30).allSatisfy(e -> {
            assertThat(e.get("status").asInt()).isEqualTo(429);
            assertThat(e.get("message").asText()).startsWith("too many messages: at most 20 per 60 s; wait")
                    .endsWith("and retry");
        });
        assertThat(ofType("state")).hasSize(20);
        assertThat(socket().closeCode()).isZero();
        assertThat(c.isOpen()).isTrue();
        assertThat(transcript(s)).hasSize(before + 2 * 20);

        // and REST on the same session shares the allowance
        SessionResourceTest.send(s, java.util.Map.of("text", "Validation loss rises while training loss falls."))
                .statusCode(429);
    }

    @Test
    void theFloodLimitIsPerSessionAcrossRestAndEverySocket() {
        // given: one session, five sockets on it (the %test limit is 20 actions per 60 s per session)
        SessionResourceTest.Created s = SessionResourceTest.create("practice");
        List<SocketClient> clients = new java.util.ArrayList<>();
        List<WebSocketClientConnection> sockets = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SocketClient client = new SocketClient(base);
            sockets.add(client.connect(s.id(), s.token()));
            clients.add(client);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> clients.stream().allMatch(c -> c.ofType("session").size() == 1));
        int before = transcript(s).size();

        // when: 20 frames on each socket, then one action over REST
        for (WebSocketClientConnection c : sockets) {
            for (int i = 0; i < 20; i++) {
                c.sendTextAndAwait("{\"type\": \"command\", \"command\": \"repeat\"}");
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> clients.stream()
                .mapToInt(c -> c.ofType("state").size() + c.ofType("error").size()).sum() == 100);

        // then: 20 served in all, 80 refused, and REST is refused too
        assertThat(clients.stream().mapToInt(c -> c.ofType("state").size()).sum()).isEqualTo(20);
        assertThat(clients.stream().flatMap(c -> c.ofType("error").stream()))
                .hasSize(80).allSatisfy(e -> assertThat(e.get("status").asInt()).isEqualTo(429));
        SessionResourceTest.send(s, java.util.Map.of("command", "repeat")).statusCode(429);
        assertThat(transcript(s)).hasSize(before + 2 * 20);
        sockets.forEach(WebSocketClientConnection::closeAndAwait);
    }

    @Test
    void aNullFrameIsA400ErrorFrameNotAServerError() {
        SessionResourceTest.Created s = SessionResourceTest.create("practice");
        WebSocketClientConnection c = connect(s.id(), s.token());
        awaitCount("session", 1);

        c.sendTextAndAwait("null");

        awaitCount("error", 1);
        assertThat(ofType("error").get(0).get("status").asInt()).isEqualTo(400);
        assertThat(ofType("error").get(0).get("message").asText()).contains("JSON object");
        assertThat(c.isOpen()).isTrue();
    }

    @Test
    void aMessageOverTheFrameLimitClosesTheSocketWith1009() throws Exception {
        SessionResourceTest.Created s = SessionResourceTest.create("practice");
        List<String> before = transcript(s);

        // 300 KiB: over interview-loop.limits.max-frame-bytes (256 KiB), under the transport's 1 MiB
        byte[] big = ("{\"type\": \"answer\", \"text\": \"" + "x".repeat(300 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(RawSocket.closeCodeAfterTextFrame(base, s.id(), s.token(), big)).isEqualTo(1009);

        assertThat(transcript(s)).isEqualTo(before);
    }

    @Test
    void binaryFramesOversizedAnswersAndBrokenJsonGetErrorFramesAndChangeNothing() {
        SessionResourceTest.Created s = SessionResourceTest.create("practice");
        WebSocketClientConnection c = connect(s.id(), s.token());
        awaitCount("session", 1);
        List<String> before = transcript(s);
        socket().frames.clear();

        c.sendBinaryAndAwait(Buffer.buffer(new byte[] {0, (byte) 0xff, (byte) 0xfe, 7, 42}));
        awaitCount("error", 1);
        c.sendTextAndAwait("{\"type\": \"answer\", \"text\": \"" + "x".repeat(100_000) + "\"}");
        awaitCount("error", 2);
        c.sendTextAndAwait("{\"type\": \"answer\", \"text\": ");
        awaitCount("error", 3);
        c.sendTextAndAwait("{\"type\": \"answer\", \"text\": \"\"}");
        awaitCount("error", 4);
        c.sendTextAndAwait("{\"type\": \"shout\"}");
        awaitCount("error", 5);

        List<JsonNode> errors = ofType("error");
        assertThat(errors.get(0).get("message").asText()).contains("binary frames are not accepted");
        assertThat(errors.get(1).get("message").asText()).contains("answers are limited to 20000");
        assertThat(errors.get(2).get("message").asText()).contains("not valid JSON");
        assertThat(errors.get(3).get("message").asText()).contains("empty");
        assertThat(errors.get(4).get("message").asText()).contains("'type'");
        assertThat(errors).allSatisfy(e -> assertThat(e.get("status").asInt()).isEqualTo(400));
        assertThat(socket().closeCode()).isZero();
        assertThat(transcript(s)).isEqualTo(before);

        // and a good answer still goes through on the same socket
        c.sendTextAndAwait("{\"type\": \"answer\", \"text\": \"Validation loss rising while training loss falls.\"}");
        awaitCount("state", 1);
    }

    @Test
    void anUnknownSessionOrAnotherSessionsTokenIsRefusedWithAPolicyClose() {
        SessionResourceTest.Created victim = SessionResourceTest.create("practice");
        SessionResourceTest.Created attacker = SessionResourceTest.create("practice");
        List<String> before = transcript(victim);

        connect(UUID.randomUUID().toString(), attacker.token());
        awaitCount("error", 1);
        assertThat(ofType("error").get(0).get("status").asInt()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).until(() -> socket().closeCode() == 1008);

        socket().reset();
        connect(victim.id(), attacker.token());
        awaitCount("error", 1);
        assertThat(ofType("error").get(0).get("status").asInt()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).until(() -> socket().closeCode() == 1008);
        assertThat(ofType("session")).isEmpty();
        assertThat(transcript(victim)).isEqualTo(before);
    }
}
