package dev.interviewloop.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewloop.interview.Action;
import dev.interviewloop.interview.Command;
import dev.interviewloop.interview.InterviewConfig;
import dev.interviewloop.interview.InterviewEngine;
import dev.interviewloop.interview.Message;
import dev.interviewloop.interview.Move;
import dev.interviewloop.interview.Role;
import dev.interviewloop.interview.SessionException;
import dev.interviewloop.interview.SessionView;
import dev.interviewloop.interview.ShownGrade;
import dev.interviewloop.interview.Turn;
import dev.interviewloop.interview.TurnListener;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The chat WebSocket of one session (docs/session-api.md, "WebSocket"): the same actions as REST, with the
 * interviewer's words streamed as {@code start}, {@code delta} and {@code message} frames.
 */
@WebSocket(path = "/ws/sessions/{id}")
public class SessionSocket {

    static final int POLICY_VIOLATION = 1008;
    static final int MESSAGE_TOO_BIG = 1009;
    private static final UserData.TypedKey<String> TOKEN = UserData.TypedKey.forString("token");

    /** What a client sends: {@code {"type": "answer", "text": ...}} or {@code {"type": "command", "command": ..., "text": ...}}. */
    public record ClientFrame(String type, String text, String command) {
    }

    private final InterviewEngine engine;
    private final ObjectMapper json;
    private final RequestLimits limits;
    private final int maxFrameBytes;
    private final int maxAnswerChars;

    public SessionSocket(InterviewEngine engine, ObjectMapper json, RequestLimits limits, LimitsConfig config,
                         InterviewConfig interview) {
        this.engine = engine;
        this.json = json;
        this.limits = limits;
        this.maxFrameBytes = config.maxFrameBytes();
        this.maxAnswerChars = interview.maxAnswerChars();
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        String id = connection.pathParam("id");
        String token = queryParam(connection.handshakeRequest().query(), "token");
        try {
            var view = engine.view(id, token);
            connection.userData().put(TOKEN, token);
            send(connection, Map.of("type", "session", "session", view));
        } catch (SessionException e) {
            send(connection, error(e.getMessage(), e.status()));
            String reason = e.status() == 404 ? "unknown session" : "token required";
            connection.closeAndAwait(new CloseReason(POLICY_VIOLATION, reason));
        }
    }

    /**
     * A text frame, measured in bytes: over {@code interview-loop.limits.max-frame-bytes} it closes the socket with 1009
     * (message too big) and nothing is processed. (Bytes that are not UTF-8 arrive as U+FFFD: the transport decodes
     * text frames leniently.)
     */
    @OnTextMessage
    public void message(WebSocketConnection connection, Buffer bytes) {
        String id = connection.pathParam("id");
        String token = connection.userData().get(TOKEN);
        if (bytes.length() > maxFrameBytes) {
            send(connection, error("a message is at most " + maxFrameBytes + " bytes; this one has " + bytes.length(), 400));
            connection.closeAndAwait(new CloseReason(MESSAGE_TOO_BIG, "message too big"));
            return;
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        try {
            limits.sessionAction(id);
            Action action = action(text);
            Turn turn = engine.act(id, token, action, new Frames(connection));
            send(connection, Map.of("type", "state", "state", turn.state(), "done", turn.done()));
        } catch (SessionException e) {
            send(connection, error(e.getMessage(), e.status()));
        } catch (ApiException e) {
            send(connection, error(e.getMessage(), e.status()));
        } catch (RuntimeException e) {
            Log.errorf(e, "session %s: turn failed", id);
            send(connection, error("the turn failed on the server: " + e.getMessage(), 500));
        }
    }

    /** Frames are JSON text; a binary frame is refused (and counts against the session's flood limit). */
    @OnBinaryMessage
    public void binary(WebSocketConnection connection, Buffer data) {
        try {
            limits.sessionAction(connection.pathParam("id"));
            send(connection, error("binary frames are not accepted; send text frames with JSON: "
                    + "{\"type\": \"answer\", \"text\": ...}", 400));
        } catch (ApiException e) {
            send(connection, error(e.getMessage(), e.status()));
        }
    }

    private Action action(String text) {
        ClientFrame frame;
        try {
            frame = json.readValue(text, ClientFrame.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "a frame is JSON: {\"type\": \"answer\", \"text\": ...} or "
                    + "{\"type\": \"command\", \"command\": \"hint\"}; this one is not valid JSON");
        }
        if (frame == null) {
            throw ApiException.badRequest(null, "a frame is a JSON object: {\"type\": \"answer\", \"text\": ...} or "
                    + "{\"type\": \"command\", \"command\": \"hint\"}, not null");
        }
        Fields.limited("type", frame.type(), Fields.MAX_ID);
        Fields.limited("command", frame.command(), Fields.MAX_ID);
        Fields.answer(frame.text(), maxAnswerChars);
        if ("answer".equals(frame.type())) {
            return Action.answer(frame.text());
        }
        if ("command".equals(frame.type())) {
            String name = frame.command() == null ? "" : frame.command().strip().toLowerCase(Locale.ROOT);
            Command command = Command.parse(name).orElseThrow(() -> ApiException.badRequest("command",
                    "unknown command '" + frame.command() + "'; use one of " + Arrays.stream(Command.values())
                            .filter(c -> c != Command.ANSWER).map(Command::wireName).toList()));
            return new Action(command, frame.text());
        }
        throw ApiException.badRequest("type", "a frame's 'type' is 'answer' or 'command', not '" + frame.type() + "'");
    }

    private static Map<String, Object> error(String message, int status) {
        return Map.of("type", "error", "message", message, "status", status);
    }

    private void send(WebSocketConnection connection, Object frame) {
        try {
            connection.sendTextAndAwait(json.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a frame as JSON", e);
        }
    }

    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Streams a turn to the socket as it happens. */
    private final class Frames implements TurnListener {

        private final WebSocketConnection connection;

        Frames(WebSocketConnection connection) {
            this.connection = connection;
        }

        @Override
        public void message(Message m) {
            if (m.role() == Role.SYSTEM) {
                send(connection, Map.of("type", "notice", "text", m.text(), "message", m));
            } else {
                send(connection, Map.of("type", "message", "message", m));
            }
        }

        @Override
        public void start(int seq, Move move, String speaker) {
            send(connection, Map.of("type", "start", "seq", seq, "move", move, "speaker", speaker));
        }

        @Override
        public void delta(int seq, String text) {
            send(connection, Map.of("type", "delta", "seq", seq, "text", text));
        }

        @Override
        public void grade(int seq, ShownGrade grade) {
            send(connection, Map.of("type", "grade", "seq", seq, "grade", grade));
        }

        /** The frames sent so far belong to a turn that was not kept: the client rebuilds from the session as it is. */
        @Override
        public void replayed(SessionView session) {
            send(connection, Map.of("type", "session", "session", session));
        }
    }
}
