package dev.interviewloop.search;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The configured in-process embedding model, loaded once. */
@ApplicationScoped
public class EmbedderProducer {

    @Produces
    @Singleton
    Embedder embedder(SearchConfig config) {
        long start = System.nanoTime();
        OnnxEmbedder embedder = OnnxEmbedder.named(config.embeddingModel());
        Log.infof("Embedding model %s (%d dimensions) loaded in %d ms", embedder.name(), embedder.dimension(),
                (System.nanoTime() - start) / 1_000_000);
        return embedder;
    }

    void close(@Disposes Embedder embedder) {
        if (embedder instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                Log.debugf("closing the embedding model: %s", e.getMessage());
            }
        }
    }
}
