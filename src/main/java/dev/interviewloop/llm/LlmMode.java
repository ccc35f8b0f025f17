package dev.interviewloop.llm;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether an LLM is active, decided once at start-up from {@link LlmConfig}. A configuration
 * mistake stops start-up naming the key at fault and what to do.
 */
@Startup
@Singleton
public class LlmMode {

    public static final String INTERVIEWER_BUILT_IN = "built-in";
    public static final String INTERVIEWER_LLM = "llm";
    public static final String GRADER_RUBRIC = "rubric";
    public static final String GRADER_LLM = "llm";
    public static final String GRADER_COMBINED = "llm+rubric";

    static final Set<String> RESPONSE_FORMATS = Set.of("json_schema", "json_object", "none");

    private final LlmStatus status;

    public LlmMode(LlmConfig config) {
        List<String> problems = validate(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The LLM configuration is invalid:\n  " + String.join("\n  ", problems));
        }
        this.status = config.baseUrl().filter(u -> !u.isBlank())
                .map(u -> new LlmStatus(true, config.model(), withoutCredentials(u.strip())))
                .orElse(LlmStatus.NONE);
        if (status.enabled()) {
            Log.infof("LLM: model %s at %s (interviewer: llm, grader: llm+rubric)", status.model(), status.baseUrl());
        } else {
            Log.info("LLM: none configured (set INTERVIEW_LLM_BASE_URL to use one); interviewer: built-in, grader: rubric");
        }
    }

    static List<String> validate(LlmConfig config) {
        List<String> problems = new ArrayList<>();
        config.baseUrl().filter(u -> !u.isBlank()).ifPresent(u -> {
            try {
                URI uri = new URI(u.strip());
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("interview-loop.llm.base-url (INTERVIEW_LLM_BASE_URL) must be an http(s) URL such as "
                            + "http://localhost:11434/v1, not '" + u + "'");
                }
            } catch (URISyntaxException e) {
                problems.add("interview-loop.llm.base-url (INTERVIEW_LLM_BASE_URL) is not a URL: " + e.getMessage());
            }
        });
        if (config.model().isBlank()) {
            problems.add("interview-loop.llm.model (INTERVIEW_LLM_MODEL) is empty; name the model the server serves");
        }
        checkTimeout(problems, "interview-loop.llm.timeout", config.timeout());
        checkTimeout(problems, "interview-loop.llm.grader-timeout", config.graderTimeout());
        checkTemperature(problems, "interview-loop.llm.temperature", config.temperature());
        checkTemperature(problems, "interview-loop.llm.grader-temperature", config.graderTemperature());
        if (config.maxRetries() < 0 || config.maxRetries() > 5) {
            problems.add("interview-loop.llm.max-retries must be from 0 to 5, was " + config.maxRetries());
        }
        if (config.coolDown().isNegative() || config.coolDown().toSeconds() > 3600) {
            problems.add("interview-loop.llm.cool-down must be from 0s to 3600s, was " + config.coolDown());
        }
        if (!RESPONSE_FORMATS.contains(config.responseFormat())) {
            problems.add("interview-loop.llm.response-format must be one of json_schema, json_object, none; was '"
                    + config.responseFormat() + "'");
        }
        if (config.passages() < 0 || config.passages() > 20) {
            problems.add("interview-loop.llm.passages must be from 0 to 20, was " + config.passages());
        }
        return problems;
    }

    private static void checkTimeout(List<String> problems, String key, Duration timeout) {
        // the HTTP client counts in whole seconds
        if (timeout.toSeconds() < 1 || timeout.toSeconds() > 600) {
            problems.add(key + " must be from 1s to 600s (whole seconds), was " + timeout);
        }
    }

    private static void checkTemperature(List<String> problems, String key, double temperature) {
        if (temperature < 0 || temperature > 2) {
            problems.add(key + " must be from 0 to 2, was " + temperature);
        }
    }

    /** The URL as safe to show: user info (a key someone put in the URL) removed. */
    static String withoutCredentials(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getUserInfo() == null) {
                return url;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url;
        }
    }

    public boolean enabled() {
        return status.enabled();
    }

    public LlmStatus status() {
        return status;
    }

    /** Who words the interviewer's turns while the model answers: {@code llm} or {@code built-in}. */
    public String interviewer() {
        return enabled() ? INTERVIEWER_LLM : INTERVIEWER_BUILT_IN;
    }

    /** Who grades while the model answers: {@code llm+rubric} or {@code rubric}. */
    public String grader() {
        return enabled() ? GRADER_COMBINED : GRADER_RUBRIC;
    }
}
