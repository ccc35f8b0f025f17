package dev.interviewloop.knowledge;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Loads the knowledge folder once at start-up; a broken folder stops the service with the loader's message. */
@ApplicationScoped
public class KnowledgeProducer {

    @Produces
    @Singleton
    KnowledgeBase knowledgeBase(KnowledgeConfig config) {
        Path dir = Path.of(config.dir()).toAbsolutePath().normalize();
        long start = System.nanoTime();
        KnowledgeBase kb = KnowledgeLoader.load(dir);
        Log.infof("Loaded knowledge from %s: %d loops, %d personas, %d questions, %d notes, %d write-ups in %d ms",
                dir, kb.loops().size(), kb.personas().size(), kb.questions().size(), kb.notes().size(),
                kb.sources().size(), (System.nanoTime() - start) / 1_000_000);
        return kb;
    }
}
