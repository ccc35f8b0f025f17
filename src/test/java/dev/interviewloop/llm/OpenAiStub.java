package dev.interviewloop.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server speaking the OpenAI chat-completions protocol ({@code POST /v1/chat/completions},
 * plain JSON or SSE streaming), on a random loopback port. Tests program its replies, including
 * every fault the client must survive, and read back the exact requests it received.
 */
public final class OpenAiStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received: headers and the JSON body. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, JsonNode body) {

        public boolean streaming() {
            return body.path("stream").asBoolean(false);
        }

        public List<JsonNode> messages() {
            List<JsonNode> list = new ArrayList<>();
            body.path("messages").forEach(list::add);
            return list;
        }

        /** The text of the first message with this role ({@code system}, {@code user}). */
        public String message(String role) {
            return messages().stream().filter(m -> role.equals(m.path("role").asText())).findFirst()
                    .map(m -> m.path("content").isTextual() ? m.path("content").asText() : m.path("content").toString())
                    .orElse("");
        }

        public String system() {
            return message("system");
        }

        public String user() {
            return message("user");
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    /** A programmed answer to one request. */
    public sealed interface Reply {
    }

    /** The text as the model's answer: a JSON completion, or one SSE chunk per token when the request streams. */
    public record Text(List<String> tokens, String finishReason) implements Reply {
    }

    /** An HTTP error with an OpenAI-style error body. */
    public record Status(int code, String message) implements Reply {
    }

    /** Wait, then reply. */
    public record Delayed(Duration delay, Reply then) implements Reply {
    }

    /** 200 with a body that is not the JSON (or the SSE) the protocol wants. */
    public record Malformed(String body) implements Reply {
    }

    /** SSE chunks for these tokens, then the body ends mid-event, without a finish reason or {@code [DONE]}. */
    public record TruncatedStream(List<String> tokens) implements Reply {
    }

    /** SSE chunks for these tokens, then silence for this long before the rest. */
    public record StallingStream(List<String> before, Duration stall, List<String> after) implements Reply {
    }

    /** The connection is closed without an answer. */
    public record CloseConnection() implements Reply {
    }

    public static Reply text(String content) {
        return new Text(split(content), "stop");
    }

    public static Reply tokens(String... tokens) {
        return new Text(List.of(tokens), "stop");
    }

    /** The answer cut off by the token limit ({@code finish_reason: length}). */
    public static Reply cutOff(String content) {
        return new Text(split(content), "length");
    }

    /** No text at all: {@code content: ""}, or a stream of no tokens before {@code [DONE]}. */
    public static Reply empty() {
        return new Text(List.of(), "stop");
    }

    public static Reply status(int code) {
        return new Status(code, "stub error " + code);
    }

    public static Reply delayed(Duration delay, Reply then) {
        return new Delayed(delay, then);
    }

    public static Reply malformed() {
        return new Malformed("{\"id\": \"chatcmpl-1\", \"choices\": [{\"index\": 0, \"mess");
    }

    public static Reply truncatedStream(String... tokens) {
        return new TruncatedStream(List.of(tokens));
    }

    public static Reply stallingStream(List<String> before, Duration stall, List<String> after) {
        return new StallingStream(before, stall, after);
    }

    public static Reply closeConnection() {
        return new CloseConnection();
    }

    /** Splits text into word-sized tokens that concatenate back to it. */
    static List<String> split(String content) {
        List<String> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("\\s*\\S+|\\s+$").matcher(content);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private static final Reply NOTHING_PROGRAMMED = new Status(500, "the stub has no reply programmed for this request");

    private volatile java.util.function.Function<Recorded, Reply> fallback = r -> NOTHING_PROGRAMMED;

    public OpenAiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the OpenAI stub", e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1";
    }

    /** Queue replies, answered in order; after them, every request gets the fallback. */
    public OpenAiStub enqueue(Reply... next) {
        Collections.addAll(replies, next);
        return this;
    }

    /** The reply for requests when the queue is empty (by default a 500 saying nothing was programmed). */
    public OpenAiStub otherwise(Reply reply) {
        this.fallback = r -> reply;
        return this;
    }

    /** The reply for requests when the queue is empty, chosen per request (for example by its system message). */
    public OpenAiStub respond(java.util.function.Function<Recorded, Reply> responder) {
        this.fallback = responder;
        return this;
    }

    /** Forget queued replies and received requests; the fallback goes back to a 500. */
    public void reset() {
        replies.clear();
        requests.clear();
        fallback = r -> NOTHING_PROGRAMMED;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("the OpenAI stub received no request");
        }
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(recorded);
        Reply reply = replies.poll();
        // a fault thrown from here makes the JDK server drop the connection without ending the response
        answer(exchange, reply == null ? fallback.apply(recorded) : reply, body.path("stream").asBoolean(false),
                body.path("model").asText("stub-model"));
        exchange.close();
    }

    private void answer(HttpExchange exchange, Reply reply, boolean stream, String model) throws IOException {
        switch (reply) {
            case Delayed d -> {
                sleep(d.delay());
                answer(exchange, d.then(), stream, model);
            }
            case Status s -> {
                ObjectNode error = JSON.createObjectNode();
                error.putObject("error").put("message", s.message()).put("type", "stub_error").put("code", s.code());
                send(exchange, s.code(), "application/json", JSON.writeValueAsBytes(error));
            }
            case Malformed m -> send(exchange, 200, stream ? "text/event-stream" : "application/json",
                    (stream ? "data: " + m.body() + "\n\n" : m.body()).getBytes(StandardCharsets.UTF_8));
            case Text t when !stream -> send(exchange, 200, "application/json",
                    JSON.writeValueAsBytes(completion(model, String.join("", t.tokens()), t.finishReason())));
            case Text t -> {
                OutputStream out = startStream(exchange);
                event(out, chunk(model, null, null, true));
                for (String token : t.tokens()) {
                    event(out, chunk(model, token, null, false));
                }
                event(out, chunk(model, null, t.finishReason(), false));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            case TruncatedStream t -> {
                OutputStream out = startStream(exchange);
                for (String token : t.tokens()) {
                    event(out, chunk(model, token, null, false));
                }
                // the body ends cleanly, but in the middle of an event and without [DONE]
                out.write("data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"ind".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            case StallingStream s -> {
                OutputStream out = startStream(exchange);
                for (String token : s.before()) {
                    event(out, chunk(model, token, null, false));
                }
                sleep(s.stall());
                for (String token : s.after()) {
                    event(out, chunk(model, token, null, false));
                }
                event(out, chunk(model, null, "stop", false));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            case CloseConnection c -> throw new IOException("stub: connection closed on purpose");
        }
    }

    private static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void event(OutputStream out, JsonNode chunk) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
    }

    private static ObjectNode completion(String model, String content, String finishReason) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
        return root;
    }

    private static ObjectNode chunk(String model, String token, String finishReason, boolean first) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-stub").put("object", "chat.completion.chunk").put("created", 1_700_000_000L)
                .put("model", model);
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (first) {
            delta.put("role", "assistant").put("content", "");
        } else if (token != null) {
            delta.put("content", token);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return root;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
