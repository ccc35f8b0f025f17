package dev.interviewloop.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * An ONNX sentence-embedding model shipped as a Maven artifact (LangChain4j in-process
 * embeddings), run on this JVM. Vectors are normalised to unit length so that the dot product is
 * the cosine.
 */
public final class OnnxEmbedder implements Embedder {

    private final String name;
    private final EmbeddingModel model;
    private final int dimension;

    private OnnxEmbedder(String name, EmbeddingModel model) {
        this.name = name;
        this.model = model;
        this.dimension = model.embed("dimension probe").content().vector().length;
    }

    /** The model named in configuration; fails with the accepted names for an unknown one. */
    public static OnnxEmbedder named(String name, Executor executor) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "minilm" -> new OnnxEmbedder("all-MiniLM-L6-v2-q", new AllMiniLmL6V2QuantizedEmbeddingModel(executor));
            default -> throw new IllegalArgumentException("interview-loop.search.embedding-model=" + name
                    + " is not a known model; use: minilm");
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embedQuery(String text) {
        if (text.isBlank()) {
            return new float[dimension]; // similar to nothing
        }
        return unit(model.embed(text).content().vector());
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "(empty)" : t)).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).map(OnnxEmbedder::unit).toList();
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
