package dev.interviewloop.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Our own labelled answers to bank questions ({@code src/test/resources/grading/answers.jsonl}). */
final class AnswerSet {

    static final Path FILE = Path.of("src/test/resources/grading/answers.jsonl");

    record Answer(String id, String questionId, String answer, double score, String category, String split) {
    }

    static List<Answer> load() {
        ObjectMapper json = new ObjectMapper();
        List<Answer> out = new ArrayList<>();
        try {
            int line = 0;
            for (String text : Files.readAllLines(FILE)) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(text);
                for (String field : List.of("id", "questionId", "answer", "score", "category", "split")) {
                    if (!n.has(field)) {
                        throw new IllegalStateException(FILE + ":" + line + ": field '" + field + "' is missing");
                    }
                }
                out.add(new Answer(n.get("id").asText(), n.get("questionId").asText(), n.get("answer").asText(),
                        n.get("score").asDouble(), n.get("category").asText(), n.get("split").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
