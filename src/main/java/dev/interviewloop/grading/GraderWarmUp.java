package dev.interviewloop.grading;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once the service is up, grades every bank question's model answer once on a low-priority background thread.
 * That fills the grader's per-question caches (the rubric with its cited snippets, the key-point, facet and
 * misconception vectors), which otherwise the first answer to each question paid for: under load those first
 * answers took most of the embedding time (BENCHMARKS.md, "Turn latency"). Readiness does not wait for it.
 * {@code interview-loop.grading.warm-up=false} turns it off (tests do).
 */
@ApplicationScoped
public class GraderWarmUp {

    private final KnowledgeBase knowledge;
    private final GradingService grading;
    private final boolean enabled;

    public GraderWarmUp(KnowledgeBase knowledge, GradingService grading,
                        @ConfigProperty(name = "interview-loop.grading.warm-up", defaultValue = "true") boolean enabled) {
        this.knowledge = knowledge;
        this.grading = grading;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Thread.ofPlatform().daemon().name("grader-warm-up").priority(Thread.MIN_PRIORITY).start(this::run);
    }

    void run() {
        long start = System.nanoTime();
        int done = 0;
        for (Question q : knowledge.questions().values()) {
            try {
                if (q.modelAnswer() != null && !q.modelAnswer().isBlank()) {
                    grading.grader().grade(GradingRequest.of(q, q.modelAnswer()));
                    done++;
                }
            } catch (RuntimeException e) {
                Log.warnf(e, "grader warm-up: question '%s' could not be graded", q.id());
            }
        }
        Log.infof("Grader warmed up for %d questions in %d ms", done, (System.nanoTime() - start) / 1_000_000);
    }
}
