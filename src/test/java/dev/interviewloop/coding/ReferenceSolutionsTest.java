package dev.interviewloop.coding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewloop.knowledge.CodingTask;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.KnowledgeLoader;
import dev.interviewloop.knowledge.QuestionKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every coding question's reference solution passes its own cases, complexity included, in the real sandbox. */
class ReferenceSolutionsTest {

    static final KnowledgeBase KNOWLEDGE = KnowledgeLoader.load(Path.of("knowledge"));
    static final CodeRunner RUNNER = new CodeRunner(TestCodingConfig.defaults(), new SimpleMeterRegistry());

    static Stream<CodingTask> tasks() {
        return KNOWLEDGE.coding().values().stream();
    }

    @Test
    void everyCodingQuestionHasTests() {
        assertThat(KNOWLEDGE.questions().values().stream().filter(q -> q.kind() == QuestionKind.CODING))
                .allSatisfy(q -> assertThat(KNOWLEDGE.coding(q.id())).as(q.id()).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void theReferenceSolutionPassesEveryCase(CodingTask task) {
        assertThat(RUNNER.python().available()).as(RUNNER.python().describe()).isTrue();

        Execution execution = RUNNER.run(task, task.solution(), CodeRunner.Scope.ALL);

        assertThat(execution.status()).as(String.valueOf(execution)).isEqualTo(Execution.Status.RAN);
        assertThat(execution.cases()).as(String.valueOf(execution)).allSatisfy(c -> assertThat(c.passed()).as(c.name()).isTrue());
        assertThat(execution.passed()).isEqualTo(execution.total()).isPositive();
        if (task.complexity() != null) {
            assertThat(execution.complexity().passed()).as(String.valueOf(execution.complexity())).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void theStarterCodeDoesNotPass(CodingTask task) {
        Execution execution = RUNNER.run(task, task.starter(), CodeRunner.Scope.ALL);

        assertThat(execution.correct()).as(String.valueOf(execution)).isFalse();
    }
}
