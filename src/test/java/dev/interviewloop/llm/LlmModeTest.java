package dev.interviewloop.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which mode the configuration implies, and the configuration mistakes that stop start-up. */
class LlmModeTest {

    @Test
    void noBaseUrlMeansNoLlm() {
        LlmMode mode = new LlmMode(TestLlmConfig.at(null));

        assertThat(mode.enabled()).isFalse();
        assertThat(mode.status()).isEqualTo(LlmStatus.NONE);
        assertThat(mode.interviewer()).isEqualTo("built-in");
        assertThat(mode.grader()).isEqualTo("rubric");
    }

    @Test
    void blankBaseUrlMeansNoLlm() {
        assertThat(new LlmMode(TestLlmConfig.at("  ")).enabled()).isFalse();
    }

    @Test
    void baseUrlTurnsTheLlmOnForInterviewerAndGrader() {
        LlmMode mode = new LlmMode(TestLlmConfig.at("http://localhost:11434/v1"));

        assertThat(mode.status()).isEqualTo(new LlmStatus(true, "stub-model", "http://localhost:11434/v1"));
        assertThat(mode.interviewer()).isEqualTo("llm");
        assertThat(mode.grader()).isEqualTo("llm+rubric");
    }

    @Test
    void credentialsInTheUrlAreNeverShown() {
        LlmMode mode = new LlmMode(TestLlmConfig.at("https://user:sk-secret@llm.example.com/v1"));

        assertThat(mode.status().baseUrl()).isEqualTo("https://llm.example.com/v1").doesNotContain("sk-secret");
    }

    @Test
    void aBaseUrlThatIsNotHttpStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> new LlmMode(TestLlmConfig.at("localhost:11434")))
                .hasMessageContaining("INTERVIEW_LLM_BASE_URL").hasMessageContaining("http://localhost:11434/v1");
    }

    @Test
    void subSecondTimeoutsAndUnknownResponseFormatsAreRefused() {
        TestLlmConfig base = TestLlmConfig.at("http://localhost:8000/v1");
        TestLlmConfig bad = new TestLlmConfig(base.baseUrl(), "m", Optional.empty(), Duration.ofMillis(500),
                Duration.ofSeconds(30), 3.0, 0, 9, Duration.ofSeconds(-1), "xml", 4, false);

        assertThatThrownBy(() -> new LlmMode(bad))
                .hasMessageContaining("interview-loop.llm.timeout")
                .hasMessageContaining("interview-loop.llm.temperature")
                .hasMessageContaining("interview-loop.llm.max-retries")
                .hasMessageContaining("interview-loop.llm.cool-down")
                .hasMessageContaining("interview-loop.llm.response-format");
    }
}
