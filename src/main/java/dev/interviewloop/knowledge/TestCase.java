package dev.interviewloop.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One test of a coding question: the arguments, the expected result, and what it checks.
 *
 * @param name a short id, shown in the grade and in the interviewer's words
 * @param hidden a hidden case shows the candidate only whether it passed, never its input or output
 * @param args the arguments as data; or
 * @param argsCode a Python expression that builds them (for large inputs), evaluated in the sandbox before the call
 * @param expected what the function must return (numbers compare within the task's tolerance); or
 * @param oneOf several results, any of which passes (ties)
 * @param result a Python expression over {@code result} that is compared instead of the result itself, or null
 * @param keyPoint the rubric key point this case evidences: when it fails, the point is not credited
 * @param check {@code correctness} (the default) or {@code complexity}: a complexity case passes only within its
 *              limits, and counts towards the complexity requirement rather than correctness
 * @param seconds CPU seconds this case may take, or null for the task's limit
 * @param maxMemoryMb memory the call may take on top of what is in use when it starts, or null for the task's limit
 */
public record TestCase(String name, boolean hidden, JsonNode args, String argsCode, JsonNode expected,
                       List<JsonNode> oneOf, String result, String keyPoint, Check check, Double seconds,
                       Integer maxMemoryMb) {

    /** What a case counts towards. */
    public enum Check {
        CORRECTNESS, COMPLEXITY;

        @JsonValue
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Check fromYaml(String value) {
            return Arrays.stream(values()).filter(v -> v.yamlName().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown check '" + value + "'; expected one of "
                            + Arrays.stream(values()).map(Check::yamlName).toList()));
        }
    }

    public TestCase {
        oneOf = Lists.copy(oneOf);
        check = check == null ? Check.CORRECTNESS : check;
    }

    /** The results that pass: {@code expected}, or each of {@code oneOf}. */
    public List<JsonNode> accepted() {
        return expected != null ? List.of(expected) : oneOf;
    }
}
