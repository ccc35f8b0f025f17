package dev.interviewloop.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What sort of answer a question wants; the grader and the chat input adapt to it. */
public enum QuestionKind {
    CONCEPT, DERIVATION, CODING, DESIGN, BEHAVIORAL;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static QuestionKind fromYaml(String value) {
        return Arrays.stream(values()).filter(v -> v.yamlName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + value + "'; expected one of "
                        + Arrays.stream(values()).map(QuestionKind::yamlName).toList()));
    }
}
