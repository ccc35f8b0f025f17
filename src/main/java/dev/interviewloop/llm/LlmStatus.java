package dev.interviewloop.llm;

/**
 * Which model, if any, the service talks to; safe to show (never the API key).
 *
 * @param baseUrl the server's root without credentials, or null when no LLM is configured
 */
public record LlmStatus(boolean enabled, String model, String baseUrl) {

    public static final LlmStatus NONE = new LlmStatus(false, null, null);
}
