package dev.interviewloop.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sorts what the HTTP client threw into the kinds of {@link LlmException}, with a message for the chat notice. */
public final class LlmFailures {

    private static final Pattern STATUS = Pattern.compile("(?:status code|HTTP|status)[ :=]*([1-5]\\d\\d)");

    private LlmFailures() {
    }

    public static LlmException classify(Throwable error, Duration timeout) {
        if (error instanceof LlmException e) {
            return e;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LlmException e) {
                return e;
            }
            Integer status = status(t);
            if (status != null) {
                return http(status, t, error);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return new LlmException(LlmException.Kind.CONNECTION, 0, "the LLM server could not be reached ("
                        + firstLine(t) + ")", error);
            }
            if (isTimeout(t)) {
                return new LlmException(LlmException.Kind.TIMEOUT, 0, "the LLM did not answer within "
                        + timeout.toSeconds() + " s", error);
            }
            if (t instanceof JsonProcessingException || t instanceof EOFException) {
                return new LlmException(LlmException.Kind.MALFORMED, 0, "the LLM server's answer was not valid JSON ("
                        + firstLine(t) + ")", error);
            }
            if (isClosed(t)) {
                return new LlmException(LlmException.Kind.CONNECTION, 0, "the LLM server closed the connection ("
                        + firstLine(t) + ")", error);
            }
        }
        return new LlmException(LlmException.Kind.CONNECTION, 0, "the LLM call failed: " + firstLine(error), error);
    }

    private static LlmException http(int status, Throwable t, Throwable error) {
        LlmException.Kind kind = status >= 500 ? LlmException.Kind.HTTP_5XX : LlmException.Kind.HTTP_4XX;
        String advice = switch (status) {
            case 401, 403 -> "; check INTERVIEW_LLM_API_KEY";
            case 404 -> "; check INTERVIEW_LLM_BASE_URL (it usually ends in /v1) and INTERVIEW_LLM_MODEL";
            case 429 -> "; the server is rate-limiting";
            default -> "";
        };
        return new LlmException(kind, status, "the LLM server answered HTTP " + status + advice, error);
    }

    private static Integer status(Throwable t) {
        if (t instanceof HttpException h) {
            return h.statusCode();
        }
        if (t instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse() != null) {
            return w.getResponse().getStatus();
        }
        return null;
    }

    private static boolean isTimeout(Throwable t) {
        if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                || t instanceof dev.langchain4j.exception.TimeoutException) {
            return true;
        }
        String name = t.getClass().getName().toLowerCase(Locale.ROOT);
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return name.contains("timeout") || message.contains("timeout") || message.contains("timed out");
    }

    private static boolean isClosed(Throwable t) {
        String name = t.getClass().getName();
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return t instanceof ClosedChannelException || name.endsWith("HttpClosedException")
                || name.endsWith("VertxException") && message.contains("closed")
                || message.contains("connection reset") || message.contains("connection was closed");
    }

    static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** The status code in an exception message like "status code: 503", if any; for clients that only say it in words. */
    static Integer statusInMessage(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = STATUS.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }
}
