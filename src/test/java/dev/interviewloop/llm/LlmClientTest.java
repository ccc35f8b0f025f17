package dev.interviewloop.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client wrapper against the local OpenAI stub, through the real LangChain4j OpenAI client: the
 * wire request, streaming, and every fault with its retry rule and its kind.
 */
@QuarkusTest
@TestProfile(WithStubLlm.class)
class LlmClientTest {

    private static final ChatRequest HELLO = ChatRequest.builder()
            .messages(SystemMessage.from("You are terse."), UserMessage.from("Say hello.")).build();

    @InjectOpenAiStub
    OpenAiStub stub;

    @Inject
    LlmClient client;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void resetStub() {
        stub.reset();
    }

    @Test
    void sendsTheMessagesModelKeyAndTemperatureOverTheOpenAiProtocol() {
        stub.enqueue(OpenAiStub.text("Hello."));

        String text = client.complete(Role.INTERVIEWER, HELLO, s -> s);

        assertThat(text).isEqualTo("Hello.");
        OpenAiStub.Recorded request = stub.lastRequest();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + OpenAiStubResource.API_KEY);
        assertThat(request.body().path("model").asText()).isEqualTo(OpenAiStubResource.MODEL);
        assertThat(request.body().path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(request.system()).isEqualTo("You are terse.");
        assertThat(request.user()).isEqualTo("Say hello.");
        assertThat(request.streaming()).isFalse();
    }

    @Test
    void graderCallsUseTheGraderTemperature() {
        stub.enqueue(OpenAiStub.text("{}"));

        client.complete(Role.GRADER, HELLO, s -> s);

        assertThat(stub.lastRequest().body().path("temperature").asDouble()).isZero();
    }

    @Test
    void streamsEveryTokenToTheListenerInOrder() {
        stub.enqueue(OpenAiStub.tokens("Let's", " get", " straight", " into", " it."));
        List<String> deltas = new ArrayList<>();

        String text = client.stream(Role.INTERVIEWER, HELLO, deltas::add);

        assertThat(deltas).containsExactly("Let's", " get", " straight", " into", " it.");
        assertThat(text).isEqualTo("Let's get straight into it.");
        assertThat(stub.lastRequest().streaming()).isTrue();
    }

    @Test
    void serverErrorIsRetriedOnceAndRecovers() {
        stub.enqueue(OpenAiStub.status(503), OpenAiStub.text("Recovered."));

        String text = client.complete(Role.INTERVIEWER, HELLO, s -> s);

        assertThat(text).isEqualTo("Recovered.");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void serverErrorTwiceIsAnHttp5xxFailure() {
        stub.otherwise(OpenAiStub.status(500));

        assertFailure(() -> client.complete(Role.INTERVIEWER, HELLO, s -> s), LlmException.Kind.HTTP_5XX);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void unauthorizedIsNotRetriedAndSaysToCheckTheKey() {
        stub.otherwise(OpenAiStub.status(401));

        LlmException e = assertFailure(() -> client.stream(Role.INTERVIEWER, HELLO, d -> { }), LlmException.Kind.HTTP_4XX);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("INTERVIEW_LLM_API_KEY");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void rateLimitIsRetried() {
        stub.enqueue(OpenAiStub.status(429), OpenAiStub.tokens("Fine."));

        String text = client.stream(Role.INTERVIEWER, HELLO, d -> { });

        assertThat(text).isEqualTo("Fine.");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void malformedJsonFromTheServerIsRetriedThenReportedAsMalformed() {
        stub.otherwise(OpenAiStub.malformed());

        assertFailure(() -> client.complete(Role.GRADER, HELLO, s -> s), LlmException.Kind.MALFORMED);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void malformedStreamEventIsReportedAsMalformed() {
        stub.otherwise(OpenAiStub.malformed());

        assertFailure(() -> client.stream(Role.INTERVIEWER, HELLO, d -> { }), LlmException.Kind.MALFORMED);
    }

    @Test
    void answerTheParserRejectsIsRetriedWithAFreshCall() {
        stub.enqueue(OpenAiStub.text("not json"), OpenAiStub.text("{\"ok\": true}"));
        AtomicInteger parses = new AtomicInteger();

        String parsed = client.complete(Role.GRADER, HELLO, s -> {
            parses.incrementAndGet();
            if (!s.startsWith("{")) {
                throw new LlmException(LlmException.Kind.MALFORMED, "not JSON");
            }
            return s;
        });

        assertThat(parsed).isEqualTo("{\"ok\": true}");
        assertThat(parses).hasValue(2);
    }

    @Test
    void emptyAnswerIsReportedAsEmpty() {
        stub.otherwise(OpenAiStub.empty());

        assertFailure(() -> client.complete(Role.INTERVIEWER, HELLO, s -> s), LlmException.Kind.EMPTY);
        assertFailure(() -> client.stream(Role.INTERVIEWER, HELLO, d -> { }), LlmException.Kind.EMPTY);
    }

    @Test
    void slowAnswerTimesOutAndIsNotRetried() {
        stub.otherwise(OpenAiStub.delayed(OpenAiStubResource.BEYOND_TIMEOUT, OpenAiStub.text("too late")));

        LlmException e = assertFailure(() -> client.complete(Role.INTERVIEWER, HELLO, s -> s), LlmException.Kind.TIMEOUT);

        assertThat(e.getMessage()).contains(OpenAiStubResource.TIMEOUT_SECONDS + " s");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void streamThatNeverStartsTimesOut() {
        stub.otherwise(OpenAiStub.delayed(OpenAiStubResource.BEYOND_TIMEOUT, OpenAiStub.text("too late")));

        assertFailure(() -> client.stream(Role.INTERVIEWER, HELLO, d -> { }), LlmException.Kind.TIMEOUT);
    }

    @Test
    void streamThatStallsMidReplyTimesOutAfterTheTokensAlreadyPassedOn() {
        stub.otherwise(OpenAiStub.stallingStream(List.of("Half", " a"), OpenAiStubResource.BEYOND_TIMEOUT, List.of(" reply.")));
        List<String> deltas = new ArrayList<>();

        assertFailure(() -> client.stream(Role.INTERVIEWER, HELLO, deltas::add), LlmException.Kind.TIMEOUT);

        assertThat(deltas).containsExactly("Half", " a");
        assertThat(stub.requests()).as("a retry would repeat tokens already shown").hasSize(1);
    }

    @Test
    void truncatedStreamIsMalformedAndNotRetriedOnceTokensWerePassedOn() {
        stub.otherwise(OpenAiStub.truncatedStream("Half", " a"));

        assertFailure(() -> client.stream(Role.INTERVIEWER, HELLO, d -> { }), LlmException.Kind.MALFORMED);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void closedConnectionIsAConnectionFailure() {
        stub.otherwise(OpenAiStub.closeConnection());

        assertFailure(() -> client.complete(Role.INTERVIEWER, HELLO, s -> s), LlmException.Kind.CONNECTION);
        assertFailure(() -> client.stream(Role.INTERVIEWER, HELLO, d -> { }), LlmException.Kind.CONNECTION);
    }

    @Test
    void refusedConnectionIsAConnectionFailureRetriedOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TestLlmConfig config = TestLlmConfig.at("http://127.0.0.1:" + closedPort + "/v1");
        LlmClient refused = new LlmClient(config, new LlmMode(config), registry);
        double before = failures("connection");

        LlmException e = assertFailure(() -> refused.complete(Role.INTERVIEWER, HELLO, s -> s), LlmException.Kind.CONNECTION);

        assertThat(e.getMessage()).contains("could not be reached");
        assertThat(failures("connection") - before).isEqualTo(2.0);
        assertFailure(() -> refused.stream(Role.INTERVIEWER, HELLO, d -> { }), LlmException.Kind.CONNECTION);
    }

    @Test
    void afterTheServerIsFoundDownTheRoleIsSkippedForTheCoolDownWithoutAnotherCall() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TestLlmConfig config = TestLlmConfig.at("http://127.0.0.1:" + closedPort + "/v1").withCoolDown(Duration.ofMinutes(5));
        LlmClient down = new LlmClient(config, new LlmMode(config), registry);
        assertFailure(() -> down.complete(Role.INTERVIEWER, HELLO, s -> s), LlmException.Kind.CONNECTION);
        double before = failures("connection");

        LlmException skipped = assertFailure(() -> down.stream(Role.INTERVIEWER, HELLO, d -> { }),
                LlmException.Kind.CONNECTION);

        assertThat(skipped.skipped()).isTrue();
        assertThat(skipped.getMessage()).contains("could not be reached").contains("tried again in");
        assertThat(failures("connection")).as("no call was made").isEqualTo(before);
        assertThat(down.available(Role.INTERVIEWER)).isFalse();
        assertThat(down.available(Role.GRADER)).as("the other role is not affected").isTrue();
        down.reset();
        assertThat(down.available(Role.INTERVIEWER)).isTrue();
    }

    @Test
    void aMalformedAnswerDoesNotStopTheNextCall() {
        TestLlmConfig config = TestLlmConfig.at(stub.baseUrl()).withCoolDown(Duration.ofMinutes(5));
        LlmClient client = new LlmClient(config, new LlmMode(config), registry);
        stub.enqueue(OpenAiStub.malformed(), OpenAiStub.malformed(), OpenAiStub.text("Fine."));
        assertFailure(() -> client.complete(Role.GRADER, HELLO, s -> s), LlmException.Kind.MALFORMED);

        String text = client.complete(Role.GRADER, HELLO, s -> s);

        assertThat(text).isEqualTo("Fine.");
    }

    @Test
    void failuresAreCountedByKindAndCallsTimedByRole() {
        double before = failures("http_5xx");
        stub.otherwise(OpenAiStub.status(502));

        assertFailure(() -> client.complete(Role.GRADER, HELLO, s -> s), LlmException.Kind.HTTP_5XX);

        assertThat(failures("http_5xx") - before).isEqualTo(2.0);
        assertThat(registry.find("interview_loop.llm.latency").tag("role", "grader").timers())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.count()).isPositive());
    }

    @Test
    void aClientWithoutLlmRefusesToCall() {
        TestLlmConfig none = TestLlmConfig.at(null);
        LlmClient disabled = new LlmClient(none, new LlmMode(none), registry);

        assertThat(disabled.enabled()).isFalse();
        assertThatThrownBy(() -> disabled.complete(Role.GRADER, HELLO, s -> s))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no LLM is configured");
    }

    private double failures(String kind) {
        return registry.find("interview_loop.llm.failures").tag("kind", kind).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static LlmException assertFailure(Runnable call, LlmException.Kind kind) {
        try {
            call.run();
        } catch (LlmException e) {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            return e;
        }
        throw new AssertionError("expected an LLM failure of kind " + kind);
    }
}
