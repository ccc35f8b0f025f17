package dev.interviewloop.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewloop.interview.BuiltInVoice;
import dev.interviewloop.interview.Mode;
import dev.interviewloop.interview.Move;
import dev.interviewloop.interview.MoveContext;
import dev.interviewloop.interview.Role;
import dev.interviewloop.interview.Utterance;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Round;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's voice with an LLM: who words a move, what streams, and what the chat is told when the model fails. */
@QuarkusTest
@TestProfile(WithStubLlm.class)
class LlmVoiceTest {

    @InjectOpenAiStub
    OpenAiStub stub;

    @Inject
    LlmVoice voice;

    @Inject
    KnowledgeBase knowledge;

    @Inject
    Grounding grounding;

    @Inject
    MeterRegistry registry;

    Question question;
    Round round;

    @BeforeEach
    void setUp() {
        stub.reset();
        question = knowledge.question("overfitting-detection").orElseThrow();
        round = knowledge.loop("nvidia-ml-engineer").orElseThrow().round("ml-fundamentals").orElseThrow();
    }

    @Test
    void withAnLlmTheVoiceIsTheLlmAndPosesItsOwnFollowUps() {
        assertThat(voice.name()).isEqualTo("llm");
        assertThat(voice.composesFollowUps()).isTrue();
    }

    @Test
    void theModelsTokensAreStreamedAndItsWordsSpoken() {
        stub.enqueue(OpenAiStub.tokens("Which", " curves?"));
        List<String> deltas = new ArrayList<>();

        Utterance said = voice.speak(context(Move.PROBE, "Which curves would you look at?", List.of()), deltas::add);

        assertThat(said).isEqualTo(new Utterance("Which curves?", "llm", null));
        assertThat(deltas).containsExactly("Which", " curves?");
    }

    @Test
    void aProbeTheModelWasToComposeFallsBackToAGenericBuiltInProbe() {
        stub.otherwise(OpenAiStub.status(500));
        List<String> deltas = new ArrayList<>();

        Utterance said = voice.speak(context(Move.PROBE, null, List.of()), deltas::add);

        assertThat(said.speaker()).isEqualTo("built-in");
        assertThat(said.text()).contains(LlmVoice.GENERIC_PROBE);
        assertThat(String.join("", deltas)).isEqualTo(said.text());
        assertThat(said.notice()).isEqualTo("The LLM interviewer is unavailable (the LLM server answered HTTP 500); "
                + "the built-in interviewer continues.");
    }

    @Test
    void tokensAlreadyShownAreNotFollowedByASecondStream() {
        stub.otherwise(OpenAiStub.truncatedStream("Which", " cur"));
        List<String> deltas = new ArrayList<>();

        Utterance said = voice.speak(context(Move.PROBE, "Which curves would you look at?", List.of()), deltas::add);

        assertThat(deltas).containsExactly("Which", " cur");
        assertThat(said.speaker()).isEqualTo("built-in");
        assertThat(said.text()).contains("Which curves would you look at?");
        assertThat(said.notice()).contains("broke off");
    }

    @Test
    void whileTheModelCoolsDownASessionIsToldOnceNotOnEveryMessage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TestLlmConfig config = TestLlmConfig.at("http://127.0.0.1:" + closedPort + "/v1").withCoolDown(Duration.ofMinutes(5));
        LlmClient client = new LlmClient(config, new LlmMode(config), registry);
        LlmVoice down = new LlmVoice(new LlmInterviewer(client, grounding, knowledge, config), new BuiltInVoice());

        Utterance first = down.speak(context(Move.ACKNOWLEDGE, null, List.of()), d -> { });
        List<MoveContext.Line> told = List.of(new MoveContext.Line(Role.SYSTEM, "notice", first.notice()));
        Utterance second = down.speak(context(Move.MOVE_ON, null, told), d -> { });
        Utterance elsewhere = down.speak(context(Move.MOVE_ON, null, List.of()), d -> { });

        assertThat(first.notice()).startsWith("The LLM interviewer is unavailable (the LLM server could not be reached");
        assertThat(down.composesFollowUps()).as("no composed probes while cooling down").isFalse();
        assertThat(second.notice()).as("this session was already told").isNull();
        assertThat(second.speaker()).isEqualTo("built-in");
        assertThat(elsewhere.notice()).as("a session that was not told yet").contains("tried again in");
    }

    private MoveContext context(Move move, String prompt, List<MoveContext.Line> history) {
        return new MoveContext(move, knowledge.persona(round.persona()).orElseThrow(), "ML Engineer loop", round,
                Mode.PRACTICE, question.id(), question.title(), question.topic(), question.kind(), prompt, null, 0,
                question.hints().size(), null, LlmGraderTest.ANSWER, List.of("production-signal"), true, null, history,
                42L, 5, null);
    }
}
