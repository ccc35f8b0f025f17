package dev.interviewloop.llm;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The application with an LLM: the local {@link OpenAiStub}, with short timeouts and one retry. */
public class WithStubLlm implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiStubResource.class));
    }
}
