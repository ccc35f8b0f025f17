package dev.interviewloop.coding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewloop.coding.Execution.Status;
import dev.interviewloop.knowledge.CodingLimits;
import dev.interviewloop.knowledge.CodingTask;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Bad code gets a clear message and harms nothing: each kind of harmful or broken code is run in the real sandbox,
 * against the edit-distance question's visible examples.
 */
class SandboxTest {

    /** The edit-distance tests with half a second per case, so that the endless loops end soon. */
    static final CodingTask TASK = withSeconds(ReferenceSolutionsTest.KNOWLEDGE.coding("edit-distance").orElseThrow(), 0.5);
    static final CodeRunner RUNNER = ReferenceSolutionsTest.RUNNER;

    private static Execution run(String code) {
        return RUNNER.run(TASK, code, CodeRunner.Scope.VISIBLE);
    }

    private static String firstError(Execution e) {
        return e.cases().isEmpty() ? e.message() : e.cases().get(0).error();
    }

    @Test
    void anEndlessLoopIsStoppedAtTheCaseTimeLimitAndTheNextCaseStillRuns() {
        Execution e = run("def min_distance(a, b):\n    while True:\n        pass\n");

        assertThat(e.timedOut()).isTrue();
        assertThat(e.passed()).isZero();
        assertThat(e.cases()).hasSize(2).allSatisfy(c -> assertThat(c.error()).contains("did not finish within 0.5"));
    }

    @Test
    void anEndlessLoopThatSwallowsTheTimeoutIsKilledAtTheHardLimit() {
        Execution e = run("def min_distance(a, b):\n    while True:\n        try:\n            while True:\n"
                + "                pass\n        except BaseException:\n            pass\n");

        assertThat(e.status()).isEqualTo(Status.CRASHED);
        assertThat(e.timedOut() || e.limitHit()).isTrue();
        assertThat(e.message()).containsAnyOf("CPU time", "over its time", "killed at a limit");
    }

    @Test
    void aMemoryBombGetsAMemoryError() {
        Execution e = run("def min_distance(a, b):\n    x = [0] * (10 ** 10)\n    return 0\n");

        assertThat(e.limitHit()).isTrue();
        assertThat(firstError(e)).contains("MemoryError");
    }

    @Test
    void aForkBombCannotStartAProcess() {
        Execution e = run("import os\ndef min_distance(a, b):\n    while True:\n        os.fork()\n");

        assertThat(firstError(e)).contains("starting processes is not allowed").contains("line 4");
    }

    @Test
    void aForkThroughThePosixModuleIsRefusedToo() {
        Execution e = run("import posix\ndef min_distance(a, b):\n    return posix.fork()\n");

        assertThat(firstError(e)).contains("not allowed");
    }

    @Test
    void subprocessCannotBeImported() {
        Execution e = run("import subprocess\ndef min_distance(a, b):\n    return 0\n");

        assertThat(e.status()).isEqualTo(Status.NOT_LOADED);
        assertThat(e.message()).contains("importing 'subprocess' is not allowed");
    }

    @Test
    void writingAFileOutsideTheScratchFolderIsRefusedAndNothingIsWritten() throws Exception {
        Path target = Files.createTempDirectory("sandbox-test").resolve("escaped.txt");

        Execution e = run("def min_distance(a, b):\n    open(" + pythonString(target) + ", 'w').write('x')\n    return 0\n");

        assertThat(firstError(e)).contains("cannot be written");
        assertThat(target).doesNotExist();
    }

    @Test
    void readingAFileOutsideTheScratchFolderIsRefused() {
        Execution e = run("def min_distance(a, b):\n    return len(open('/etc/hostname').read())\n");

        assertThat(firstError(e)).contains("cannot be read: /etc/hostname");
    }

    @Test
    void writingInsideTheScratchFolderIsAllowed() {
        Execution e = run("def min_distance(a, b):\n    with open('notes.txt', 'w') as f:\n        f.write(a)\n"
                + "    return {'horse': 3, 'intention': 5}[open('notes.txt').read()]\n");

        assertThat(e.passed()).isEqualTo(2);
    }

    @Test
    void openingASocketIsRefused() {
        Execution e = run("def min_distance(a, b):\n    s = __import__('socket').create_connection(('127.0.0.1', 8080))\n"
                + "    return 0\n");

        assertThat(firstError(e)).contains("importing 'socket' is not allowed");
    }

    @Test
    void printing100MegabytesKeepsOnlyTheStartOfTheOutput() {
        Execution e = run("def min_distance(a, b):\n    for _ in range(100):\n        print('x' * 1_000_000)\n"
                + "    return {'horse': 3, 'intention': 5}[a]\n");

        assertThat(e.passed()).isEqualTo(2);
        assertThat(e.cases().get(0).output()).hasSizeLessThan(5000).contains("more characters not kept");
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        Execution e = run("def min_distance(a, b)\n    return 0\n");

        assertThat(e.status()).isEqualTo(Status.NOT_LOADED);
        assertThat(e.message()).contains("SyntaxError").contains("line 1");
        assertThat(e.passed()).isZero();
    }

    @Test
    void aMissingFunctionSaysWhatToWrite() {
        Execution e = run("def edit_distance(a, b):\n    return 0\n");

        assertThat(e.status()).isEqualTo(Status.NOT_LOADED);
        assertThat(e.message()).contains("no function 'min_distance'").contains("edit_distance")
                .contains("def min_distance(word1: str, word2: str) -> int");
    }

    @Test
    void exitIsReportedPerCase() {
        Execution e = run("import sys\ndef min_distance(a, b):\n    sys.exit(0)\n");

        assertThat(e.cases()).allSatisfy(c -> assertThat(c.error()).contains("called exit()"));
    }

    @Test
    void exitAtTheTopLevelStopsTheLoading() {
        Execution e = run("exit()\n");

        assertThat(e.status()).isEqualTo(Status.NOT_LOADED);
        assertThat(e.message()).contains("called exit()");
    }

    @Test
    void osExitCannotEndTheProcessEarly() {
        Execution e = run("import os\ndef min_distance(a, b):\n    os._exit(0)\n");

        assertThat(e.status()).isEqualTo(Status.RAN);
        assertThat(e.cases()).allSatisfy(c -> assertThat(c.error()).contains("called exit()"));
    }

    @Test
    void otherRunsGoOnWhileAnEndlessLoopRuns() {
        CompletableFuture<Execution> loop = CompletableFuture.supplyAsync(
                () -> run("def min_distance(a, b):\n    while True:\n        pass\n"));

        Execution good = run(TASK.solution());

        assertThat(good.passed()).isEqualTo(2);
        assertThat(loop.join().timedOut()).isTrue();
    }

    @Test
    void runsBeyondTheQueueAreRefusedAtOnceAsBusy() throws Exception {
        CodeRunner tiny = new CodeRunner(new TestCodingConfig("python3", 1, 1), new SimpleMeterRegistry());
        String loop = "def min_distance(a, b):\n    while True:\n        pass\n";
        ExecutorService callers = Executors.newFixedThreadPool(2);
        Future<Execution> first = callers.submit(() -> tiny.run(TASK, loop, CodeRunner.Scope.VISIBLE));
        org.awaitility.Awaitility.await().until(() -> tiny.running() == 1);
        Future<Execution> second = callers.submit(() -> tiny.run(TASK, loop, CodeRunner.Scope.VISIBLE));
        org.awaitility.Awaitility.await().until(() -> busy(tiny));

        Execution third = tiny.run(TASK, TASK.solution(), CodeRunner.Scope.VISIBLE);

        assertThat(third.status()).isEqualTo(Status.BUSY);
        assertThat(third.message()).contains("busy");
        assertThat(first.get().timedOut()).isTrue();
        assertThat(second.get().timedOut()).isTrue();
        callers.shutdown();
    }

    static CodingTask withSeconds(CodingTask t, double seconds) {
        return new CodingTask(t.questionId(), t.function(), t.signature(), t.starter(), t.inputs(),
                new CodingLimits(seconds, t.limits().memoryMb()), t.complexity(), t.complexityFollowUp(), t.tolerance(),
                t.fixtures(), t.cases(), t.solution(), t.file());
    }

    @Test
    void withoutPythonTheGradeSaysSoAndStandsOnTheRubric() {
        CodeRunner none = new CodeRunner(new TestCodingConfig("no-such-python3", 1, 1), new SimpleMeterRegistry());

        Execution e = none.run(TASK, TASK.solution(), CodeRunner.Scope.ALL);
        dev.interviewloop.grading.Grade rubric = new dev.interviewloop.grading.Grade(3.0, "rubric", "bank",
                "edit-distance", java.util.List.of(), java.util.List.of(), java.util.Set.of(), "Covered: the recurrence.",
                null, java.util.List.of());
        dev.interviewloop.grading.Grade graded = TestedGrades.combine(rubric, e, TASK);

        assertThat(e.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(e.message()).contains("no Python interpreter was found ('no-such-python3'");
        assertThat(graded.score()).isEqualTo(3.0);
        assertThat(graded.grader()).isEqualTo("rubric");
        assertThat(graded.feedback()).startsWith("The tests did not run (no Python interpreter was found")
                .contains("graded by the rubric alone");
    }

    private static boolean busy(CodeRunner runner) {
        return runner.queued() >= 1;
    }

    private static String pythonString(Path p) {
        return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
