package dev.interviewloop.interview;

import dev.interviewloop.grading.Grader;
import dev.interviewloop.grading.GradingService;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The grader the engine uses: the built-in rubric grader through {@link GradingService} (which records the
 * grading metrics). A bean of type {@link Grader} elsewhere (an LLM grader) replaces it.
 */
@ApplicationScoped
public class GraderProducer {

    @Produces
    @Singleton
    @DefaultBean
    Grader grader(GradingService grading) {
        return grading::grade;
    }
}
