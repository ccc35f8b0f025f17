package dev.interviewloop.coding;

import java.time.Duration;
import java.util.Optional;

/** The defaults of {@link CodingConfig}, for tests that build a {@link CodeRunner} without Quarkus. */
record TestCodingConfig(String python, int concurrentRuns, int queuedRuns) implements CodingConfig {

    static TestCodingConfig defaults() {
        return new TestCodingConfig("python3", 2, 8);
    }

    @Override
    public double setupSeconds() {
        return 1;
    }

    @Override
    public Duration wallSlack() {
        return Duration.ofSeconds(10);
    }

    @Override
    public long outputBytes() {
        return 1_000_000;
    }

    @Override
    public int printChars() {
        return 4000;
    }

    @Override
    public long fileBytes() {
        return 1_000_000;
    }

    @Override
    public int openFiles() {
        return 64;
    }

    @Override
    public int processes() {
        return 256;
    }

    @Override
    public Optional<String> scratchDir() {
        return Optional.empty();
    }
}
