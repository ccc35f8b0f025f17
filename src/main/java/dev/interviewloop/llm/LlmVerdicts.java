package dev.interviewloop.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The grader model's JSON answer, read leniently (a Markdown code fence or a sentence around the
 * object is tolerated) but checked strictly: no object, no score, a score outside 0-5 or an unknown
 * verdict make it {@link LlmException.Kind#MALFORMED}, which earns a fresh attempt.
 */
record LlmVerdicts(List<Point> keyPoints, List<Wrong> misconceptions, double score, String feedback,
                   List<String> references, boolean injection) {

    record Point(String id, String text, String verdict, String evidence, String reason) {
    }

    record Wrong(String id, String statement, String correction, String evidence) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    static LlmVerdicts parse(String text) {
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw malformed("the LLM's grade contains no JSON object" + (open >= 0 ? " (it breaks off)" : ""));
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(open, close + 1));
        } catch (JsonProcessingException e) {
            throw new LlmException(LlmException.Kind.MALFORMED, 0, "the LLM's grade is not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
        }
        JsonNode score = root.path("score");
        if (!score.isNumber() && !(score.isTextual() && score.asText().strip().matches("\\d+(\\.\\d+)?"))) {
            throw malformed("the LLM's grade has no numeric \"score\"");
        }
        double value = score.isNumber() ? score.asDouble() : Double.parseDouble(score.asText().strip());
        if (value < 0 || value > 5 || Double.isNaN(value)) {
            throw malformed("the LLM's score " + value + " is outside 0-5");
        }
        List<Point> points = new ArrayList<>();
        for (JsonNode p : root.path("keyPoints")) {
            String verdict = p.path("verdict").asText("").strip().toLowerCase(Locale.ROOT);
            if (!List.of("covered", "partly", "missed").contains(verdict)) {
                throw malformed("the LLM's verdict '" + verdict + "' for key point '" + p.path("id").asText()
                        + "' is not covered, partly or missed");
            }
            points.add(new Point(p.path("id").asText("").strip(), p.path("text").asText("").strip(), verdict,
                    p.path("evidence").asText(""), p.path("reason").asText("").strip()));
        }
        List<Wrong> wrongs = new ArrayList<>();
        for (JsonNode m : root.path("misconceptions")) {
            wrongs.add(new Wrong(m.path("id").asText("").strip(), m.path("statement").asText("").strip(),
                    m.path("correction").asText("").strip(), m.path("evidence").asText("")));
        }
        List<String> refs = new ArrayList<>();
        for (JsonNode r : root.path("references")) {
            refs.add(r.asText("").strip());
        }
        return new LlmVerdicts(points, wrongs, value, root.path("feedback").asText("").strip(), refs,
                root.path("injection").asBoolean(false));
    }

    private static LlmException malformed(String message) {
        return new LlmException(LlmException.Kind.MALFORMED, message);
    }
}
