package dev.interviewloop.llm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/** Starts an {@link OpenAiStub} and points the LLM configuration at it. */
public class OpenAiStubResource implements QuarkusTestResourceLifecycleManager {

    /** The key the stub is started with: tests assert the bearer token. */
    public static final String API_KEY = "sk-test-stub";
    public static final String MODEL = "stub-model";
    /** Generous for a loaded test machine; the fault replies wait {@link #BEYOND_TIMEOUT}. */
    public static final int TIMEOUT_SECONDS = 3;
    public static final java.time.Duration BEYOND_TIMEOUT = java.time.Duration.ofSeconds(TIMEOUT_SECONDS + 3);

    private OpenAiStub stub;

    @Override
    public Map<String, String> start() {
        stub = new OpenAiStub();
        Map<String, String> config = new LinkedHashMap<>();
        for (String prefix : new String[] {"", "%test."}) {
            // the %test form too: application.properties pins %test to no LLM
            config.put(prefix + "interview-loop.llm.base-url", stub.baseUrl());
        }
        config.put("interview-loop.llm.model", MODEL);
        config.put("interview-loop.llm.api-key", API_KEY);
        config.put("interview-loop.llm.timeout", TIMEOUT_SECONDS + "s");
        config.put("interview-loop.llm.grader-timeout", TIMEOUT_SECONDS + "s");
        config.put("interview-loop.llm.max-retries", "1");
        // every test programs its own faults; a cooling-down role would skip the next test's calls
        config.put("interview-loop.llm.cool-down", "0s");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stub, new TestInjector.AnnotatedAndMatchesType(InjectOpenAiStub.class, OpenAiStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
