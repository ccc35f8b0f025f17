package dev.interviewloop.grading;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.search.Embedder;
import dev.interviewloop.search.SearchService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Grades answers with the built-in {@link RubricGrader} (no LLM), and records how long grading
 * takes and which flags it raises ({@code interview_loop.grading.*}).
 */
@ApplicationScoped
public class GradingService {

    private final KnowledgeBase knowledge;
    private final RubricGrader grader;
    private final MeterRegistry registry;
    private final Timer timer;
    /** Answers longer than this are refused ({@code interview-loop.interview.max-answer-chars}). */
    private final int maxAnswerChars;

    public GradingService(KnowledgeBase knowledge, SearchService search, Embedder embedder, MeterRegistry registry,
                          @ConfigProperty(name = "interview-loop.interview.max-answer-chars", defaultValue = "20000")
                          int maxAnswerChars) {
        this.knowledge = knowledge;
        this.maxAnswerChars = maxAnswerChars;
        this.registry = registry;
        GraderModel model = GraderModel.load();
        this.grader = RubricGrader.create(knowledge, search, embedder, model);
        this.timer = Timer.builder("interview_loop.grading.duration").description("time to grade one answer")
                .tag("grader", RubricGrader.NAME).register(registry);
        Log.debugf("Rubric grader ready: %s", model);
    }

    /** Grades one answer; the answer must not be null nor longer than {@code max-answer-chars}. */
    public Grade grade(GradingRequest request) {
        if (request.answer() == null) {
            throw new IllegalArgumentException("the answer is missing");
        }
        if (request.answer().length() > maxAnswerChars) {
            throw new IllegalArgumentException("the answer is longer than " + maxAnswerChars + " characters");
        }
        if (request.question() == null && (request.questionText() == null || request.questionText().isBlank())) {
            throw new IllegalArgumentException("a bank question or the question text is needed");
        }
        Grade grade = timer.record(() -> grader.grade(request));
        registry.counter("interview_loop.grading.grades", "basis", grade.basis()).increment();
        grade.flags().forEach(f -> registry.counter("interview_loop.grading.flags", "flag", f.name()).increment());
        return grade;
    }

    /** Grades an answer to a bank question. */
    public Grade grade(Question question, String answer) {
        return grade(GradingRequest.of(question, answer));
    }

    public Optional<Question> question(String id) {
        return id == null ? Optional.empty() : knowledge.question(id);
    }

    public RubricGrader grader() {
        return grader;
    }
}
