package dev.interviewloop.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The optional OpenAI-compatible model. Without a base URL there is no LLM: the built-in
 * interviewer and the rubric grader do everything, and no client is ever built.
 * {@code application.properties} feeds these from {@code INTERVIEW_LLM_BASE_URL},
 * {@code INTERVIEW_LLM_MODEL} and {@code INTERVIEW_LLM_API_KEY}.
 */
@ConfigMapping(prefix = "interview-loop.llm")
public interface LlmConfig {

    /** The server's OpenAI-compatible root, for example {@code http://localhost:11434/v1}; absent = no LLM. */
    Optional<String> baseUrl();

    /** The model name the server knows, for example {@code gpt-4o-mini} or {@code llama3.1:8b}. */
    @WithDefault("gpt-4o-mini")
    String model();

    /** The API key, sent as a bearer token; local servers (Ollama, vLLM) need none. */
    Optional<String> apiKey();

    /** How long the interviewer waits for the model: for the reply, or between two streamed tokens (whole seconds). */
    @WithDefault("30s")
    Duration timeout();

    /** How long the grader waits for the model's structured grade (whole seconds). */
    @WithDefault("60s")
    Duration graderTimeout();

    /** The interviewer's sampling temperature (0-2): some variety in wording. */
    @WithDefault("0.7")
    double temperature();

    /** The grader's sampling temperature (0-2): 0 for repeatable grades. */
    @WithDefault("0")
    double graderTemperature();

    /** Extra attempts after a retryable failure (5xx, 429, connection refused, malformed or empty output). */
    @WithDefault("1")
    int maxRetries();

    /**
     * After a failure that says the server is unusable (timeout, refused connection, 5xx, 401, 403, 404, 429),
     * calls for the same role are not made for this long: the built-in interviewer or the rubric grader
     * carries on at once instead of waiting for the same failure again. 0 turns this off.
     */
    @WithDefault("30s")
    Duration coolDown();

    /**
     * How the grader asks for JSON: {@code json_schema} (OpenAI, recent Ollama, vLLM, LM Studio),
     * {@code json_object} (older servers) or {@code none} (the prompt alone asks for JSON).
     */
    @WithDefault("json_schema")
    String responseFormat();

    /** How many retrieved passages ground the interviewer and the grader. */
    @WithDefault("4")
    int passages();

    /** Log the requests and responses exchanged with the model (they contain the candidate's answers). */
    @WithDefault("false")
    boolean logRequests();
}
