package dev.interviewloop.coding;

import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.GradingRequest;
import dev.interviewloop.grading.GradingService;
import dev.interviewloop.knowledge.CodingTask;
import dev.interviewloop.knowledge.KnowledgeBase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the numbers of BENCHMARKS.md, "Coding rounds": time per run (p50/p95) of each question's reference solution
 * against every case, runs at once on the machine's cores, and the rubric-only grade beside the tested grade for
 * correct and broken edit-distance answers. Run with {@code ./mvnw -q test -Dtest=CodingBenchmark -Dcoding.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "coding.bench", matches = ".*")
class CodingBenchmark {

    static final int RUNS = 20;

    @Inject
    KnowledgeBase knowledge;

    @Inject
    GradingService grading;

    @Inject
    CodingService coding;

    @Test
    void timePerRunByQuestion() {
        CodeRunner runner = coding.runner();
        System.out.println("python: " + runner.python().describe());
        for (CodingTask task : knowledge.coding().values()) {
            runner.run(task, task.solution(), CodeRunner.Scope.ALL); // warm the file cache
            List<Long> wall = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                wall.add(runner.run(task, task.solution(), CodeRunner.Scope.ALL).runtimeMs());
            }
            System.out.printf(Locale.ROOT, "run %-20s cases %2d  p50 %5d ms  p95 %5d ms%n", task.questionId(),
                    task.cases().size(), pct(wall, 50), pct(wall, 95));
        }
    }

    @Test
    void concurrentRuns() throws Exception {
        CodingTask task = knowledge.coding("top-p-sampling").orElseThrow();
        for (int threads : new int[] {1, 2, 4}) {
            CodeRunner runner = new CodeRunner(new TestCodingConfig("python3", threads, 64), new SimpleMeterRegistry());
            runner.run(task, task.solution(), CodeRunner.Scope.ALL);
            ExecutorService callers = Executors.newFixedThreadPool(16);
            long start = System.nanoTime();
            List<Future<Execution>> all = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                all.add(callers.submit(() -> runner.run(task, task.solution(), CodeRunner.Scope.ALL)));
            }
            List<Long> wall = new ArrayList<>();
            for (Future<Execution> f : all) {
                wall.add(f.get().runtimeMs());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            callers.shutdown();
            System.out.printf(Locale.ROOT, "concurrent-runs %d: 24 runs in %.1f s = %.2f runs/s; run p50 %d ms p95 %d ms%n",
                    threads, seconds, 24 / seconds, pct(wall, 50), pct(wall, 95));
        }
    }

    @Test
    void rubricOnlyBesideTested() {
        var question = knowledge.question("edit-distance").orElseThrow();
        String loop = "Edit distance with dp[i][j] over prefixes, base cases dp[i][0] = i and dp[0][j] = j, one row.\n"
                + "```python\ndef min_distance(word1, word2):\n    while True:\n        pass\n```\n";
        String writesFile = "dp[i][j] over prefixes; base cases dp[i][0] = i, dp[0][j] = j; one row: O(n) space.\n"
                + "```python\ndef min_distance(word1, word2):\n    open('/tmp/pwned', 'w').write('x')\n    return 0\n```\n";
        for (String[] c : List.of(new String[] {"correct, one row", CodingAnswers.ONE_ROW},
                new String[] {"correct, full table", CodingAnswers.FULL_TABLE},
                new String[] {"broken (the issue's)", CodingAnswers.BROKEN},
                new String[] {"endless loop", loop}, new String[] {"writes a file", writesFile})) {
            Grade rubric = grading.grade(GradingRequest.of(question, c[1]));
            TestedGrade tested = coding.grade(GradingRequest.of(question, c[1]), grading::grade).grade();
            System.out.printf(Locale.ROOT, "grade %-22s rubric %.1f  tested %.1f  tests %d/%d%n", c[0], rubric.score(),
                    tested.grade().score(), tested.execution().passed(), tested.execution().total());
        }
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
