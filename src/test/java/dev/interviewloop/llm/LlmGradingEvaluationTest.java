package dev.interviewloop.llm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewloop.grading.Grade;
import dev.interviewloop.grading.Grader;
import dev.interviewloop.grading.GradingRequest;
import dev.interviewloop.grading.GradingService;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in: the grading evaluation through the LLM grader, beside the rubric grader and the
 * combination, on a real model. Skipped unless {@code INTERVIEW_LLM_BASE_URL} is set. Prints, per
 * grader, Pearson r, mean absolute error and agreement with the human scores (interview answers),
 * and accuracy and weighted / macro F1 on correct vs incorrect (SciEntsBank, unseen answers).
 * {@code INTERVIEW_LLM_EVAL_LIMIT} caps the answers per data set (default 100).
 */
@QuarkusTest
@TestProfile(WithLiveLlm.class)
@EnabledIfEnvironmentVariable(named = "INTERVIEW_LLM_BASE_URL", matches = ".+")
class LlmGradingEvaluationTest {

    static final Path INTERVIEW_ANSWERS = Path.of("src/test/resources/grading/answers.jsonl");
    static final Path SCIENTSBANK = Path.of("/work/shared/benchmarks/scientsbank/scientsbank.jsonl");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LlmGrader llm;

    @Inject
    GradingService rubric;

    @Inject
    Grader combined;

    @Inject
    KnowledgeBase knowledge;

    @Inject
    LlmMode mode;

    /** One labelled answer: what to grade and the human score on the 0-5 scale. */
    record Labelled(GradingRequest request, double human) {
    }

    @Test
    void interviewAnswersAgainstHumanScores() throws IOException {
        assumeTrue(System.getenv("INTERVIEW_LLM_BASE_URL") != null, "set INTERVIEW_LLM_BASE_URL to run the evaluation");
        assumeTrue(Files.exists(INTERVIEW_ANSWERS), INTERVIEW_ANSWERS + " (the grader's labelled answers) is not here");
        List<Labelled> data = new ArrayList<>();
        for (String line : Files.readAllLines(INTERVIEW_ANSWERS)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            Optional<Question> q = knowledge.question(text(n, "questionId", "question_id", "qid"));
            String answer = text(n, "answer");
            double human = number(n, "score", "human", "humanScore", "expected");
            data.add(new Labelled(q.map(x -> GradingRequest.of(x, answer))
                    .orElse(GradingRequest.free(text(n, "question"), text(n, "reference"), answer)), human));
        }
        report("interview answers (" + INTERVIEW_ANSWERS + ")", limit(data), 2.5);
    }

    @Test
    void scientsBankUnseenAnswersCorrectVersusIncorrect() throws IOException {
        assumeTrue(System.getenv("INTERVIEW_LLM_BASE_URL") != null, "set INTERVIEW_LLM_BASE_URL to run the evaluation");
        assumeTrue(Files.exists(SCIENTSBANK), SCIENTSBANK + " is not here");
        List<Labelled> data = new ArrayList<>();
        try (var lines = Files.lines(SCIENTSBANK)) {
            for (String line : (Iterable<String>) lines::iterator) {
                JsonNode n = JSON.readTree(line);
                if (n.path("split").asText().equals("test_ua")) {
                    data.add(new Labelled(GradingRequest.free(n.path("question").asText(), n.path("reference").asText(),
                            n.path("answer").asText()), n.path("score").asDouble() * 5));
                }
            }
        }
        report("SciEntsBank test_ua, 2-way (correct = score >= 2.5)", limit(data), 2.5);
    }

    private void report(String title, List<Labelled> data, double threshold) {
        Agreement byLlm = new Agreement();
        Agreement byRubric = new Agreement();
        Agreement byBoth = new Agreement();
        int failures = 0;
        int dropped = 0;
        long millis = 0;
        for (Labelled l : data) {
            byRubric.add(rubric.grade(l.request()).score(), l.human());
            long start = System.nanoTime();
            try {
                LlmGrade g = llm.gradeWithDetail(l.request());
                byLlm.add(g.grade().score(), l.human());
                dropped += g.droppedQuotes();
            } catch (LlmException e) {
                failures++;
            }
            millis += (System.nanoTime() - start) / 1_000_000;
            Grade both = combined.grade(l.request());
            byBoth.add(both.score(), l.human());
        }
        System.out.println("== LLM grading evaluation: " + title + ", model " + mode.status().model() + " at " + mode.status().baseUrl());
        System.out.println("   rubric      " + byRubric.summary(threshold));
        System.out.println("   llm         " + byLlm.summary(threshold) + String.format(Locale.ROOT,
                " failures=%d droppedQuotes=%d meanLatencyMs=%d", failures, dropped, data.isEmpty() ? 0 : millis / data.size()));
        System.out.println("   llm+rubric  " + byBoth.summary(threshold));
    }

    private static List<Labelled> limit(List<Labelled> data) {
        int limit = Integer.parseInt(System.getenv().getOrDefault("INTERVIEW_LLM_EVAL_LIMIT", "100"));
        return data.subList(0, Math.min(limit, data.size()));
    }

    private static String text(JsonNode n, String... names) {
        for (String name : names) {
            if (n.hasNonNull(name)) {
                return n.get(name).asText();
            }
        }
        return null;
    }

    private static double number(JsonNode n, String... names) {
        for (String name : names) {
            if (n.hasNonNull(name) && n.get(name).isNumber()) {
                return n.get(name).asDouble();
            }
        }
        throw new IllegalArgumentException("no human score (" + String.join(", ", names) + ") in " + n);
    }
}
