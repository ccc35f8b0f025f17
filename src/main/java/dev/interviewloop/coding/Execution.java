package dev.interviewloop.coding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What running the candidate's code against a coding question's tests gave.
 *
 * @param language the language the code ran as ({@code python})
 * @param status {@link Status}: whether the tests ran, and if not, why not
 * @param message one line for the candidate when something stopped the tests (a syntax error, a missing
 *                function, no Python on this machine), else null
 * @param scope {@code visible} (the {@code run} command: the examples only) or {@code all} (an answer)
 * @param passed correctness cases passed
 * @param total correctness cases run
 * @param cases every case in order; a hidden case shows only its name and whether it passed
 * @param complexity the complexity requirement and whether the code met it; null when the question has none or
 *                   only the visible cases ran
 * @param timedOut a case, or the whole run, went over its time
 * @param limitHit a case or the run went over a memory, output or CPU limit
 * @param runtimeMs wall-clock time of the run, start-up included
 * @param runtime the interpreter and the sandbox's layers, such as {@code Python 3.11.2, NumPy 1.24.2; landlock,
 *                seccomp, rlimits, audit hook}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Execution(String language, Status status, String message, String scope, int passed, int total,
                        List<CaseResult> cases, Complexity complexity, boolean timedOut, boolean limitHit,
                        long runtimeMs, String runtime) {

    public static final String PYTHON = "python";

    public Execution {
        cases = List.copyOf(cases);
    }

    /** Whether the tests ran (some may have failed). */
    public enum Status {
        /** The cases ran. */
        RAN,
        /** The answer holds no code to run. */
        NO_CODE,
        /** No Python interpreter (or no NumPy, for a question that needs it) on this machine. */
        UNAVAILABLE,
        /** Too many runs queued; nothing ran. */
        BUSY,
        /** The code did not load: a syntax error, an error at its top level, or the function is missing. */
        NOT_LOADED,
        /** The process ended before the tests finished (killed at a limit, or it exited). */
        CRASHED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One test case's outcome.
     *
     * @param check {@code correctness} or {@code complexity}
     * @param input the call, as the candidate would write it (visible cases only)
     * @param expected what it should return (visible cases only)
     * @param got what it returned (visible cases only)
     * @param error why it failed: the exception and its line, a timeout, a memory limit (visible cases only)
     * @param output what the code printed during the case, cut to the configured length (visible cases only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseResult(String name, boolean hidden, String check, boolean passed, String input, String expected,
                             String got, String error, String output, Double cpuMs) {
    }

    /** The question's complexity requirement and whether the complexity cases passed. */
    public record Complexity(String requirement, boolean passed, String detail) {
    }

    /** An execution that did not run the tests, with the reason. */
    public static Execution notRun(Status status, String message, String scope, int total, String runtime) {
        return new Execution(PYTHON, status, message, scope, 0, total, List.of(), null, false, false, 0, runtime);
    }

    public boolean ran() {
        return status == Status.RAN || status == Status.NOT_LOADED || status == Status.CRASHED;
    }

    /** Every correctness case passed (and at least one ran). */
    public boolean correct() {
        return status == Status.RAN && total > 0 && passed == total;
    }

    /** The first failing case, if any. */
    public java.util.Optional<CaseResult> firstFailure() {
        return cases.stream().filter(c -> !c.passed()).findFirst();
    }
}
