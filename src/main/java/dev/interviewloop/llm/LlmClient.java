package dev.interviewloop.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every call to the model goes through here: it builds the LangChain4j OpenAI chat models from
 * {@link LlmConfig} on first use (never when no LLM is configured), times each attempt, retries
 * what may succeed on a second try, classifies what failed ({@link LlmFailures}) and counts it.
 * Calls block the calling thread; never call from an event-loop thread.
 */
@Singleton
public class LlmClient {

    private static final Duration BACKOFF = Duration.ofMillis(300);

    private final LlmConfig config;
    private final LlmMode mode;
    private final MeterRegistry registry;
    private final Map<Role, ChatModel> chatModels = new EnumMap<>(Role.class);
    private final Map<Role, StreamingChatModel> streamingModels = new EnumMap<>(Role.class);
    private final Map<Role, Tripped> tripped = new ConcurrentHashMap<>();

    /** A role's calls are skipped until {@code untilNanos} after this failure. */
    private record Tripped(LlmException failure, long untilNanos) {
    }

    public LlmClient(LlmConfig config, LlmMode mode, MeterRegistry registry) {
        this.config = config;
        this.mode = mode;
        this.registry = registry;
    }

    public boolean enabled() {
        return mode.enabled();
    }

    /** The wait for a role's answer (or, streaming, for its next token). */
    public Duration timeout(Role role) {
        return role == Role.GRADER ? config.graderTimeout() : config.timeout();
    }

    /**
     * One answer, parsed. The parser throws {@link LlmException} ({@link LlmException.Kind#MALFORMED})
     * when the text is not what was asked for; that, like a server error, earns another attempt.
     */
    public <T> T complete(Role role, ChatRequest request, Function<String, T> parse) {
        ChatModel model = chatModel(role);
        checkCoolDown(role);
        LlmException last = null;
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            long start = System.nanoTime();
            try {
                ChatResponse response = model.chat(request);
                String text = response.aiMessage() == null ? null : response.aiMessage().text();
                if (text == null || text.isBlank()) {
                    throw new LlmException(LlmException.Kind.EMPTY, "the LLM answered with no text");
                }
                if (response.finishReason() == FinishReason.LENGTH) {
                    Log.debugf("the %s's answer reached the token limit; parsing what arrived", role.tag());
                }
                T value = parse.apply(text);
                record(role, start, "ok");
                tripped.remove(role);
                return value;
            } catch (RuntimeException e) {
                last = LlmFailures.classify(e, timeout(role));
                fail(role, start, last, attempt);
                if (!last.retryable()) {
                    break;
                }
            }
            if (attempt < config.maxRetries()) {
                backoff(attempt);
            }
        }
        throw trip(role, last);
    }

    /**
     * One streamed answer: each token goes to {@code onDelta} on the calling thread as it arrives;
     * returns the whole text. A failed attempt is retried only while no token has been passed on, so
     * the listener never sees a token twice.
     */
    public String stream(Role role, ChatRequest request, Consumer<String> onDelta) {
        StreamingChatModel model = streamingModel(role);
        checkCoolDown(role);
        LlmException last = null;
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            long start = System.nanoTime();
            Attempt run = new Attempt();
            try {
                String text = run.stream(model, request, onDelta, timeout(role));
                record(role, start, "ok");
                tripped.remove(role);
                return text;
            } catch (RuntimeException e) {
                last = LlmFailures.classify(e, timeout(role));
                fail(role, start, last, attempt);
                if (!last.retryable() || run.delivered) {
                    break;
                }
            }
            if (attempt < config.maxRetries()) {
                backoff(attempt);
            }
        }
        throw trip(role, last);
    }

    /** Whether a call for this role would be made now (an LLM is configured and the role is not cooling down). */
    public boolean available(Role role) {
        Tripped t = tripped.get(role);
        return enabled() && (t == null || System.nanoTime() - t.untilNanos() >= 0);
    }

    /** Forgets earlier failures, so the next call is made whatever happened before. */
    public void reset() {
        tripped.clear();
    }

    private void checkCoolDown(Role role) {
        Tripped t = tripped.get(role);
        if (t != null) {
            long left = t.untilNanos() - System.nanoTime();
            if (left > 0) {
                throw LlmException.skipped(t.failure(), TimeUnit.NANOSECONDS.toSeconds(left));
            }
        }
    }

    private LlmException trip(Role role, LlmException failure) {
        if (failure.serverDown() && !config.coolDown().isZero()) {
            tripped.put(role, new Tripped(failure, System.nanoTime() + config.coolDown().toNanos()));
        }
        return failure;
    }

    /** One streaming attempt: the model's callbacks feed a queue the calling thread drains. */
    private static final class Attempt {

        private record Delta(String text) {
        }

        private record Done(ChatResponse response) {
        }

        private record Failed(Throwable error) {
        }

        boolean delivered;

        String stream(StreamingChatModel model, ChatRequest request, Consumer<String> onDelta, Duration timeout) {
            BlockingQueue<Object> events = new LinkedBlockingQueue<>();
            AtomicReference<StreamingHandle> handle = new AtomicReference<>();
            model.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    handle.compareAndSet(null, context.streamingHandle());
                    onPartialResponse(partial.text());
                }

                @Override
                public void onPartialResponse(String text) {
                    events.add(new Delta(text));
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    events.add(new Done(response));
                }

                @Override
                public void onError(Throwable error) {
                    events.add(new Failed(error));
                }
            });
            StringBuilder text = new StringBuilder();
            while (true) {
                Object event;
                try {
                    event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel(handle.get());
                    throw new LlmException(LlmException.Kind.TIMEOUT, 0, "interrupted while waiting for the LLM", e);
                }
                switch (event) {
                    case null -> {
                        cancel(handle.get());
                        throw new LlmException(LlmException.Kind.TIMEOUT, "the LLM sent nothing for "
                                + timeout.toSeconds() + " s" + (text.isEmpty() ? "" : " in the middle of its reply"));
                    }
                    case Delta d -> {
                        if (d.text() != null && !d.text().isEmpty()) {
                            text.append(d.text());
                            delivered = true;
                            onDelta.accept(d.text());
                        }
                    }
                    case Done done -> {
                        // every OpenAI-compatible server ends a stream with a finish reason; without one it was cut
                        // off, or an event could not be read (the client drops an unreadable event)
                        if (done.response().finishReason() == null) {
                            throw new LlmException(LlmException.Kind.MALFORMED, text.isEmpty()
                                    ? "the LLM's stream carried nothing readable"
                                    : "the LLM's stream broke off in the middle of its reply");
                        }
                        if (text.toString().isBlank()) {
                            throw new LlmException(LlmException.Kind.EMPTY, "the LLM streamed no text");
                        }
                        return text.toString();
                    }
                    case Failed f -> throw f.error() instanceof RuntimeException r ? r
                            : new IllegalStateException(f.error().getMessage(), f.error());
                    default -> throw new IllegalStateException("unexpected stream event " + event);
                }
            }
        }

        private static void cancel(StreamingHandle handle) {
            if (handle != null) {
                try {
                    handle.cancel();
                } catch (RuntimeException e) {
                    Log.debug("cancelling the LLM stream failed", e);
                }
            }
        }
    }

    private void record(Role role, long startNanos, String outcome) {
        Timer.builder("interview_loop.llm.latency").description("Time of one LLM call attempt")
                .tag("role", role.tag()).tag("outcome", outcome)
                .register(registry).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private void fail(Role role, long startNanos, LlmException e, int attempt) {
        record(role, startNanos, "failure");
        Counter.builder("interview_loop.llm.failures").description("Failed LLM call attempts, by kind")
                .tag("role", role.tag()).tag("kind", e.kind().tag())
                .register(registry).increment();
        Log.warnf("LLM %s call failed (attempt %d of %d, %s): %s", role.tag(), attempt + 1, config.maxRetries() + 1,
                e.kind().tag(), e.getMessage());
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(BACKOFF.multipliedBy(attempt + 1L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, 0, "interrupted while waiting to retry the LLM", e);
        }
    }

    private synchronized ChatModel chatModel(Role role) {
        requireEnabled();
        return chatModels.computeIfAbsent(role, r -> OpenAiChatModel.builder()
                .baseUrl(config.baseUrl().orElseThrow().strip())
                .apiKey(config.apiKey().filter(k -> !k.isBlank()).orElse("none"))
                .modelName(config.model())
                .temperature(temperature(r))
                .timeout(timeout(r))
                .maxRetries(0)
                .logRequests(config.logRequests())
                .logResponses(config.logRequests())
                .build());
    }

    private synchronized StreamingChatModel streamingModel(Role role) {
        requireEnabled();
        return streamingModels.computeIfAbsent(role, r -> OpenAiStreamingChatModel.builder()
                .baseUrl(config.baseUrl().orElseThrow().strip())
                .apiKey(config.apiKey().filter(k -> !k.isBlank()).orElse("none"))
                .modelName(config.model())
                .temperature(temperature(r))
                .timeout(timeout(r))
                .logRequests(config.logRequests())
                .logResponses(config.logRequests())
                .build());
    }

    private double temperature(Role role) {
        return role == Role.GRADER ? config.graderTemperature() : config.temperature();
    }

    private void requireEnabled() {
        if (!mode.enabled()) {
            throw new IllegalStateException("no LLM is configured (interview-loop.llm.base-url is unset); "
                    + "callers must check LlmClient.enabled() first");
        }
    }
}
