package dev.interviewloop.llm;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application with the real model named by {@code INTERVIEW_LLM_BASE_URL}, {@code INTERVIEW_LLM_MODEL}
 * and {@code INTERVIEW_LLM_API_KEY}, for opt-in evaluations only (they are skipped when it is unset).
 */
public class WithLiveLlm implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new LinkedHashMap<>();
        String url = System.getenv().getOrDefault("INTERVIEW_LLM_BASE_URL", "");
        config.put("interview-loop.llm.base-url", url);
        // application.properties pins %test to no LLM
        config.put("%test.interview-loop.llm.base-url", url);
        // a failure on one answer must not skip the next ones
        config.put("interview-loop.llm.cool-down", "0s");
        return config;
    }
}
