package dev.interviewloop.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewloop.bench.LoadBenchmark;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged application on one PostgreSQL (issue 18): concurrent turns on the same sessions through
 * both, over REST and a WebSocket, are all stored, once each and in one order; a WebSocket that reconnects to the
 * other instance resumes the round. Needs PostgreSQL (an embedded database belongs to one process): {@code .ci/run}
 * runs it in its PostgreSQL phase.
 */
class TwoInstancesIT {

    private static final int SESSIONS = 4;
    /** Actions per writer per session: three writers (REST on each instance, a socket on the second) stay under the
     * per-instance flood limit of 20 per 10 s. */
    private static final int ACTIONS = 6;

    @TempDir
    Path dataA;

    @TempDir
    Path dataB;

    @Test
    void concurrentTurnsThroughTwoInstancesAreEachStoredOnceAndASocketResumesOnTheOther() throws Exception {
        String kind = System.getenv("QUARKUS_DATASOURCE_DB_KIND");
        assumeTrue("postgresql".equals(kind), "two instances share a PostgreSQL database; .ci/run runs this there");
        try (PackagedApp a = PackagedApp.start(dataA, "a"); PackagedApp b = PackagedApp.start(dataB, "b")) {
            // given: sessions started on the first instance
            List<String[]> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                JsonPath created = given().baseUri(a.baseUri()).contentType(ContentType.JSON)
                        .body(Map.of("loop", "nvidia-ml-engineer", "round", "ml-fundamentals", "mode", "practice"))
                        .when().post("/api/sessions").then().statusCode(201).extract().jsonPath();
                sessions.add(new String[] {created.getString("id"), created.getString("token")});
            }

            // when: on every session at once, REST through each instance and a socket on the second
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<Integer>> writers = new ArrayList<>();
            for (String[] s : sessions) {
                writers.add(pool.submit(() -> restRepeats(a, s[0], s[1])));
                writers.add(pool.submit(() -> restRepeats(b, s[0], s[1])));
                writers.add(pool.submit(() -> socketRepeats(b, s[0], s[1])));
            }
            int sent = 0;
            for (Future<Integer> w : writers) {
                sent += w.get(10, TimeUnit.MINUTES);
            }
            pool.shutdown();

            // then: every action is in the transcript exactly once, each followed by its reply, numbered without gaps
            assertThat(sent).isEqualTo(SESSIONS * 3 * ACTIONS);
            for (String[] s : sessions) {
                List<Map<String, Object>> messages = view(a, s[0], s[1]).getList("messages");
                assertThat(messages).extracting(m -> ((Number) m.get("seq")).intValue())
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, messages.size()).boxed().toList());
                List<Object> moves = messages.stream().map(m -> m.get("move")).toList();
                assertThat(moves.stream().filter("repeat"::equals)).hasSize(3 * ACTIONS);
                for (int i = 0; i < moves.size(); i++) {
                    if ("repeat".equals(moves.get(i))) {
                        assertThat(moves.get(i + 1)).as("the reply after line %d", i + 1).isEqualTo("clarify");
                    }
                }
                assertThat(view(b, s[0], s[1]).getList("messages")).isEqualTo(messages);
            }

            // and a socket that reconnects to the other instance resumes where the round is
            String[] s = sessions.get(0);
            Socket first = Socket.open(a, s[0], s[1]);
            first.turn("{\"type\": \"answer\", \"text\": \"Validation loss rises while training loss falls.\"}");
            first.close();
            Socket second = Socket.open(b, s[0], s[1]);
            assertThat(second.opening.at("/session/messages")).hasSize(view(a, s[0], s[1]).getList("messages").size());
            second.turn("{\"type\": \"command\", \"command\": \"hint\"}");
            second.close();
            assertThat(view(a, s[0], s[1]).getList("messages.move", String.class)).contains("answer", "hint");
        }
    }

    private static int restRepeats(PackagedApp app, String id, String token) {
        for (int i = 0; i < ACTIONS; i++) {
            int status = 0;
            for (int attempt = 0; attempt < 5 && status != 200; attempt++) {
                status = given().baseUri(app.baseUri()).contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                        .body(Map.of("command", "repeat")).when().post("/api/sessions/" + id + "/messages")
                        .then().extract().statusCode();
                assertThat(status).as("a turn through %s", app.baseUri()).isIn(200, 503);
            }
            assertThat(status).isEqualTo(200);
        }
        return ACTIONS;
    }

    private static int socketRepeats(PackagedApp app, String id, String token) throws Exception {
        Socket socket = Socket.open(app, id, token);
        for (int i = 0; i < ACTIONS; i++) {
            socket.turn("{\"type\": \"command\", \"command\": \"repeat\"}");
        }
        socket.close();
        return ACTIONS;
    }

    private static JsonPath view(PackagedApp app, String id, String token) {
        return given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                .when().get("/api/sessions/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The JDK's WebSocket client on one session: the opening frame, then one turn at a time. */
    private static final class Socket {
        private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private WebSocket socket;
        private JsonNode opening;

        static Socket open(PackagedApp app, String id, String token) throws Exception {
            Socket s = new Socket();
            URI uri = URI.create(app.baseUri().replace("http://", "ws://") + "/ws/sessions/" + id + "?token=" + token);
            s.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new LoadBenchmark.Collector(s.frames))
                    .get(30, TimeUnit.SECONDS);
            s.opening = s.frames.poll(60, TimeUnit.SECONDS);
            assertThat(s.opening).isNotNull();
            assertThat(s.opening.get("type").asText()).isEqualTo("session");
            return s;
        }

        /** Sends a frame and reads up to the turn's {@code state} frame (a turn played again starts with a session frame). */
        void turn(String frame) throws Exception {
            socket.sendText(frame, true).get(30, TimeUnit.SECONDS);
            while (true) {
                JsonNode f = frames.poll(120, TimeUnit.SECONDS);
                assertThat(f).as("a frame of the turn").isNotNull();
                assertThat(f.get("type").asText()).as("frame %s", f).isNotEqualTo("error");
                if (f.get("type").asText().equals("state")) {
                    return;
                }
            }
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(30, TimeUnit.SECONDS);
        }
    }
}
