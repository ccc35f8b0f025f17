package dev.interviewloop.llm;

import java.time.Duration;
import java.util.Optional;

/** An {@link LlmConfig} built in a test, for clients pointed somewhere other than the profile's stub. */
record TestLlmConfig(Optional<String> baseUrl, String model, Optional<String> apiKey, Duration timeout,
                     Duration graderTimeout, double temperature, double graderTemperature, int maxRetries,
                     String responseFormat, int passages, boolean logRequests) implements LlmConfig {

    static TestLlmConfig at(String baseUrl) {
        return new TestLlmConfig(Optional.ofNullable(baseUrl), "stub-model", Optional.empty(), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0.7, 0.0, 1, "json_schema", 4, false);
    }

    TestLlmConfig withRetries(int retries) {
        return new TestLlmConfig(baseUrl, model, apiKey, timeout, graderTimeout, temperature, graderTemperature, retries,
                responseFormat, passages, logRequests);
    }

    TestLlmConfig withResponseFormat(String format) {
        return new TestLlmConfig(baseUrl, model, apiKey, timeout, graderTimeout, temperature, graderTemperature,
                maxRetries, format, passages, logRequests);
    }
}
