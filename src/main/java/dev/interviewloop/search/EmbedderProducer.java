package dev.interviewloop.search;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The configured in-process embedding model, loaded once. */
@ApplicationScoped
public class EmbedderProducer {

    private final ExecutorService executor = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), Thread.ofPlatform().daemon().name("embed-", 0).factory());

    @Produces
    @Singleton
    Embedder embedder(SearchConfig config) {
        long start = System.nanoTime();
        OnnxEmbedder embedder = OnnxEmbedder.named(config.embeddingModel(), executor);
        Log.infof("Embedding model %s (%d dimensions) loaded in %d ms", embedder.name(), embedder.dimension(),
                (System.nanoTime() - start) / 1_000_000);
        return embedder;
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
