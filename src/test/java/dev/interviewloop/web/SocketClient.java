package dev.interviewloop.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A test's client of the session WebSocket: every frame received, in order, and the close code (0 while open). */
final class SocketClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final AtomicInteger closeCode = new AtomicInteger();
    private final URI base;

    SocketClient(URI base) {
        this.base = base;
    }

    /** Opens {@code /ws/sessions/{id}}, with {@code ?token=} unless the token is null. */
    WebSocketClientConnection connect(String id, String token) {
        return BasicWebSocketConnector.create()
                .baseUri(base)
                // callbacks on the event loop, in arrival order (the default runs them on worker threads, unordered)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .path("/ws/sessions/" + id + (token == null ? "" : "?token=" + token))
                .onTextMessage((c, text) -> {
                    try {
                        frames.add(JSON.readTree(text));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .onClose((c, reason) -> closeCode.set(reason.getCode()))
                .connectAndAwait();
    }

    int closeCode() {
        return closeCode.get();
    }

    List<String> types() {
        return frames.stream().map(f -> f.get("type").asText()).toList();
    }

    List<JsonNode> ofType(String type) {
        return frames.stream().filter(f -> f.get("type").asText().equals(type)).toList();
    }

    /** Forgets the frames and the close code, before the next connection or step. */
    void reset() {
        frames.clear();
        closeCode.set(0);
    }
}
