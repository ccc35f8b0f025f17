package dev.interviewloop.llm;

import java.time.Duration;
import java.util.Optional;

/** An {@link LlmConfig} built in a test, for clients pointed somewhere other than the profile's stub. */
record TestLlmConfig(Optional<String> baseUrl, String model, Optional<String> apiKey, Duration timeout,
                     Duration graderTimeout, double temperature, double graderTemperature, int maxRetries,
                     Duration coolDown, String responseFormat, int passages, boolean logRequests) implements LlmConfig {

    static TestLlmConfig at(String baseUrl) {
        return new TestLlmConfig(Optional.ofNullable(baseUrl), "stub-model", Optional.empty(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0.7, 0.0, 1, Duration.ZERO, "json_schema", 4, false);
    }

    TestLlmConfig withResponseFormat(String format) {
        return new TestLlmConfig(baseUrl, model, apiKey, timeout, graderTimeout, temperature, graderTemperature,
                maxRetries, coolDown, format, passages, logRequests);
    }

    TestLlmConfig withCoolDown(Duration value) {
        return new TestLlmConfig(baseUrl, model, apiKey, timeout, graderTimeout, temperature, graderTemperature,
                maxRetries, value, responseFormat, passages, logRequests);
    }

    TestLlmConfig withTimeout(Duration value) {
        return new TestLlmConfig(baseUrl, model, apiKey, value, graderTimeout, temperature, graderTemperature,
                maxRetries, coolDown, responseFormat, passages, logRequests);
    }
}
