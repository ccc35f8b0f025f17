package dev.interviewloop.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the candidate's code for a coding question is run against ({@code knowledge/coding/<question id>.yaml}):
 * the function to write, the test cases, the limits, and the reference solution ({@code <question id>.py}) that
 * passes them all.
 *
 * @param questionId the bank question (of kind {@code coding}) these tests belong to
 * @param function the name of the function the tests call
 * @param signature its {@code def} line, quoted in messages
 * @param starter the code the editor starts with (the signature and a docstring, or the code to debug)
 * @param inputs how list arguments are passed: as Python lists, or as NumPy arrays (then the question needs NumPy)
 * @param limits CPU time per case and memory
 * @param complexity the complexity the question asks for, and what checks it; null when it asks for none
 * @param complexityFollowUp the question's follow-up that asks for the better complexity: the interviewer asks it
 *                           once the code is correct but misses the requirement, and never when it meets it; or null
 * @param tolerance the absolute and relative tolerance numbers are compared with
 * @param fixtures Python helpers the cases' {@code argsCode} may call, or null
 * @param cases in the order they run: the visible examples, then the hidden cases
 * @param solution the reference solution's code
 * @param file where the tests are, for messages
 */
public record CodingTask(String questionId, String function, String signature, String starter, Inputs inputs,
                         CodingLimits limits, String complexity, String complexityFollowUp, double tolerance, String fixtures, List<TestCase> cases,
                         String solution, String file) {

    /** How list arguments reach the candidate's function. */
    public enum Inputs {
        LISTS, ARRAYS;

        @JsonValue
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Inputs fromYaml(String value) {
            return Arrays.stream(values()).filter(v -> v.yamlName().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown inputs '" + value + "'; expected one of "
                            + Arrays.stream(values()).map(Inputs::yamlName).toList()));
        }
    }

    public CodingTask {
        cases = Lists.copy(cases);
    }

    /** Whether the tests need NumPy to run. */
    public boolean needsNumpy() {
        return inputs == Inputs.ARRAYS;
    }

    public List<TestCase> visible() {
        return cases.stream().filter(c -> !c.hidden()).toList();
    }
}
