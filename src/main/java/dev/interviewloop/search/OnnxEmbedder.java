package dev.interviewloop.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
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
            case "minilm" -> new OnnxEmbedder("all-MiniLM-L6-v2-q", SingleThreadedModel.minilm(executor));
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

    /**
     * The MiniLM model with an ONNX session that runs each text on one thread and never spin-waits. The library's
     * default session spreads every run over all cores and spins between operators: under concurrent turns on 2
     * cores that spinning and hand-off cost more than the parallelism gave (BENCHMARKS.md, "Turn latency").
     * Parallelism comes from the callers instead (concurrent turns; the executor for index builds). Same
     * weights, same tokenizer, same pooling: the same vectors.
     */
    static final class SingleThreadedModel extends AbstractInProcessEmbeddingModel {

        private static final String ONNX = "/all-minilm-l6-v2-q.onnx";
        private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

        private final OnnxBertBiEncoder model;

        private SingleThreadedModel(Executor executor, OnnxBertBiEncoder model) {
            super(executor);
            this.model = model;
        }

        static SingleThreadedModel minilm(Executor executor) {
            Class<?> jar = AllMiniLmL6V2QuantizedEmbeddingModel.class; // resources only: its static model is never loaded
            try (InputStream onnx = jar.getResourceAsStream(ONNX); InputStream tokenizer = jar.getResourceAsStream(TOKENIZER);
                 OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                if (onnx == null || tokenizer == null) {
                    throw new IllegalStateException("the MiniLM model files are missing from the classpath");
                }
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession session = env.createSession(onnx.readAllBytes(), options);
                return new SingleThreadedModel(executor, new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
            } catch (IOException | OrtException e) {
                throw new IllegalStateException("cannot load the MiniLM embedding model: " + e.getMessage(), e);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
