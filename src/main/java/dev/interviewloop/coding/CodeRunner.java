package dev.interviewloop.coding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewloop.coding.Execution.CaseResult;
import dev.interviewloop.coding.Execution.Status;
import dev.interviewloop.knowledge.CodingTask;
import dev.interviewloop.knowledge.TestCase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs code against a coding question's cases, at most {@code concurrent-runs} at a time with at most
 * {@code queued-runs} waiting (one more is refused at once as {@link Status#BUSY}). Each run is a fresh sandboxed
 * Python process ({@link PythonSandbox}); what each case returned is compared here ({@link Results}), so expected
 * values never reach the candidate's code. Records {@code interview_loop.coding.run} (a timer by question and
 * outcome).
 */
@ApplicationScoped
public class CodeRunner {

    /** Which cases to run. */
    public enum Scope {
        /** The visible examples: the {@code run} command. */
        VISIBLE,
        /** Every case: grading an answer. */
        ALL;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String TIMER = "interview_loop.coding.run";

    private final CodingConfig config;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor pool;
    private final Supplier<PythonRuntime> python;
    private final Supplier<PythonSandbox> sandbox;

    public CodeRunner(CodingConfig config, MeterRegistry meters) {
        this.config = config;
        this.meters = meters;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(config.concurrentRuns(), config.concurrentRuns(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.queuedRuns())), r -> {
                    Thread t = new Thread(r, "code-runner-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.python = memoize(() -> {
            PythonRuntime found = PythonRuntime.detect(config.python());
            if (found.available()) {
                Log.infof("Coding rounds run code with %s (%s)", found.describe(), found.executable());
            } else {
                Log.warnf("Coding answers are graded by rubric alone: %s", found.problem());
            }
            return found;
        });
        this.sandbox = memoize(() -> new PythonSandbox(config.scratchDir().map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "interview-loop-runs"))));
    }

    /** Runs under way. */
    int running() {
        return pool.getActiveCount();
    }

    /** Runs waiting for a free slot. */
    int queued() {
        return pool.getQueue().size();
    }

    /** The interpreter that runs code, found on first use. */
    public PythonRuntime python() {
        return python.get();
    }

    /** Runs {@code code} against the task's cases in {@code scope}; never throws for anything the code does. */
    public Execution run(CodingTask task, String code, Scope scope) {
        List<TestCase> cases = scope == Scope.ALL ? task.cases() : task.visible();
        int total = (int) cases.stream().filter(c -> c.check() == TestCase.Check.CORRECTNESS).count();
        PythonRuntime py = python();
        if (!py.available()) {
            return Execution.notRun(Status.UNAVAILABLE, py.problem(), scope.wireName(), total, null);
        }
        if (task.needsNumpy() && py.numpy() == null) {
            return Execution.notRun(Status.UNAVAILABLE, "this question's tests need NumPy, which " + py.describe()
                    + " lacks: install python3-numpy", scope.wireName(), total, py.describe());
        }
        Future<PythonSandbox.Run> future;
        try {
            future = pool.submit(() -> sandbox.get().run(py, job(task, code, cases), wall(task, cases),
                    config.outputBytes()));
        } catch (RejectedExecutionException e) {
            meters.counter(TIMER + ".refused").increment();
            return Execution.notRun(Status.BUSY, "the code runner is busy (" + config.concurrentRuns() + " running, "
                    + config.queuedRuns() + " waiting); try again in a few seconds", scope.wireName(), total,
                    py.describe());
        }
        Timer.Sample sample = Timer.start(meters);
        Execution execution;
        try {
            execution = read(task, cases, scope, future.get(), py);
        } catch (ExecutionException e) {
            Log.errorf(e.getCause(), "running code for %s failed", task.questionId());
            execution = Execution.notRun(Status.CRASHED, "the code could not be run: " + e.getCause().getMessage(),
                    scope.wireName(), total, py.describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("interrupted while waiting for a code run", e);
        }
        sample.stop(meters.timer(TIMER, "question", task.questionId(), "status", execution.status().wireName()));
        return execution;
    }

    private Duration wall(CodingTask task, List<TestCase> cases) {
        double cpu = config.setupSeconds() + cases.stream().mapToDouble(c -> seconds(task, c)).sum();
        return Duration.ofMillis((long) (cpu * 3000)).plus(config.wallSlack());
    }

    private static double seconds(CodingTask task, TestCase c) {
        return c.seconds() != null ? c.seconds() : task.limits().seconds();
    }

    private Map<String, Object> job(CodingTask task, String code, List<TestCase> cases) {
        List<Map<String, Object>> wire = new ArrayList<>();
        for (TestCase c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            if (c.argsCode() != null) {
                m.put("argsCode", c.argsCode());
            } else {
                m.put("args", c.args());
            }
            if (c.result() != null) {
                m.put("result", c.result());
            }
            m.put("seconds", seconds(task, c));
            if (c.maxMemoryMb() != null) {
                m.put("maxMemoryMb", c.maxMemoryMb());
            }
            wire.add(m);
        }
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("function", task.function());
        job.put("signature", task.signature());
        job.put("code", code);
        job.put("arrays", task.inputs() == dev.interviewloop.knowledge.CodingTask.Inputs.ARRAYS);
        job.put("fixtures", task.fixtures() == null ? "" : task.fixtures());
        job.put("setupSeconds", config.setupSeconds());
        job.put("limits", Map.of("memoryMb", task.limits().memoryMb(), "fileBytes", config.fileBytes(),
                "openFiles", config.openFiles(), "processes", config.processes(), "printChars", config.printChars()));
        job.put("cases", wire);
        return job;
    }

    private Execution read(CodingTask task, List<TestCase> cases, Scope scope, PythonSandbox.Run run, PythonRuntime py) {
        String runtime = py.describe();
        Map<String, JsonNode> byCase = new LinkedHashMap<>();
        JsonNode fatal = null;
        boolean done = false;
        for (JsonNode r : run.records()) {
            if (r.has("ready")) {
                runtime = runtime + "; sandbox: " + layers(r.get("ready").get("layers"));
            } else if (r.has("case")) {
                byCase.putIfAbsent(r.get("case").asText(), r);
            } else if (r.has("fatal")) {
                fatal = r;
            } else if (r.has("done")) {
                done = true;
            }
        }
        int total = (int) cases.stream().filter(c -> c.check() == TestCase.Check.CORRECTNESS).count();
        if (fatal != null) {
            String output = fatal.path("stdout").asText("");
            return new Execution(Execution.PYTHON, Status.NOT_LOADED, fatal.path("error").asText()
                    + (output.isBlank() ? "" : " (it printed: " + cut(output, 200) + ")"), scope.wireName(), 0, total,
                    List.of(), null, "timeout".equals(fatal.path("fatal").asText()), false, run.wallMs(), runtime);
        }
        String stopped = null;
        if (!done) {
            stopped = run.wallTimeout() ? "the run went over its time and was stopped"
                    : run.outputLimit() ? "the run wrote more than " + config.outputBytes() + " bytes and was stopped"
                    : crash(run.exitCode(), run.stderr());
        }
        List<CaseResult> results = new ArrayList<>();
        int passed = 0;
        boolean timedOut = run.wallTimeout();
        boolean limitHit = run.outputLimit() || (!done && run.exitCode() != null && run.exitCode() > 128);
        boolean complexityPassed = true;
        String complexityDetail = null;
        for (TestCase c : cases) {
            JsonNode r = byCase.get(c.name());
            boolean ok = false;
            String got = null;
            String error;
            if (r == null) {
                error = stopped == null ? "did not run" : "did not run: " + stopped;
            } else {
                String status = r.path("status").asText();
                timedOut |= "timeout".equals(status);
                limitHit |= "memory".equals(status);
                if ("returned".equals(status)) {
                    JsonNode value = r.get("got");
                    got = Results.show(value);
                    ok = c.accepted().stream().anyMatch(e -> Results.matches(e, value, task.tolerance()));
                    error = ok ? null : "wrong result";
                } else {
                    error = r.path("error").asText(status);
                }
            }
            if (c.check() == TestCase.Check.CORRECTNESS) {
                passed += ok ? 1 : 0;
            } else if (!ok && complexityPassed) {
                complexityPassed = false;
                complexityDetail = "case '" + c.name() + "': " + (error == null ? "wrong result" : error);
            }
            Double cpu = r != null && r.has("cpuMs") ? r.get("cpuMs").asDouble() : null;
            results.add(c.hidden()
                    ? new CaseResult(c.name(), true, c.check().yamlName(), ok, null, null, null, null, null, cpu)
                    : new CaseResult(c.name(), false, c.check().yamlName(), ok, call(task, c),
                    c.accepted().stream().map(Results::show).reduce((a, b) -> a + " or " + b).orElse(""), got, error,
                    r == null ? null : blankToNull(r.path("stdout").asText("")), cpu));
        }
        Execution.Complexity complexity = task.complexity() != null && scope == Scope.ALL
                ? new Execution.Complexity(task.complexity(), complexityPassed, complexityDetail) : null;
        return new Execution(Execution.PYTHON, done ? Status.RAN : Status.CRASHED, stopped, scope.wireName(), passed,
                total, results, complexity, timedOut, limitHit, run.wallMs(), runtime);
    }

    private static String crash(Integer exit, String stderr) {
        if (exit == null) {
            return "the process did not end";
        }
        String tail = stderr == null || stderr.isBlank() ? "" : " (" + cut(stderr.strip().lines()
                .reduce((a, b) -> b).orElse(""), 200) + ")";
        return switch (exit) {
            case 137 -> "the process was killed at a limit";
            case 152 -> "the run went over its CPU time and was stopped";
            case 0 -> "the process ended before the tests finished: did the code call os._exit()?";
            default -> "the process ended with exit code " + exit + tail;
        };
    }

    private static String call(CodingTask task, TestCase c) {
        if (c.argsCode() != null) {
            return task.function() + "(*" + c.argsCode() + ")";
        }
        List<String> args = new ArrayList<>();
        c.args().forEach(a -> args.add(Results.show(a)));
        String text = task.function() + "(" + String.join(", ", args) + ")";
        return c.result() == null ? text : text + " -> " + c.result();
    }

    private static String layers(JsonNode layers) {
        if (layers == null) {
            return "unknown";
        }
        List<String> on = new ArrayList<>();
        if (layers.path("landlock").asInt() > 0) {
            on.add("landlock");
        }
        if (layers.path("seccomp").asBoolean()) {
            on.add("seccomp");
        }
        if (layers.path("rlimits").size() > 0) {
            on.add("rlimits");
        }
        if (layers.path("auditHook").asBoolean()) {
            on.add("audit hook");
        }
        return String.join(", ", on);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            value = v = supplier.get();
                        }
                    }
                }
                return v;
            }
        };
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
