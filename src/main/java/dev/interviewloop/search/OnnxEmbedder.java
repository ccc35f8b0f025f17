package dev.interviewloop.search;

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

/**
 * An ONNX sentence-embedding model shipped as a Maven artifact (LangChain4j in-process
 * embeddings), run on this JVM. Vectors are normalised to unit length so that the dot product is
 * the cosine.
 *
 * <p>Every text is run on the embedder's own threads, one text per model call, the earliest request first
 * ({@link CallOrderedPool}): a turn's answer spans use all cores while it is the oldest turn waiting, and a later
 * turn does not slow it down. (Padding several texts into one model call was measured and rejected: no faster on
 * this CPU, and the quantized model's vectors then depend on what else is in the batch; BENCHMARKS.md.)
 */
public final class OnnxEmbedder implements Embedder, AutoCloseable {

    private final String name;
    private final EmbeddingModel model;
    private final CallOrderedPool pool;
    private final int dimension;

    private OnnxEmbedder(String name, EmbeddingModel model, int threads) {
        this.name = name;
        this.model = model;
        this.pool = new CallOrderedPool(threads, "embed-");
        this.dimension = model.embed("dimension probe").content().vector().length;
    }

    /**
     * The model named in configuration, run on {@code threads} threads; fails with the accepted names for an
     * unknown one.
     */
    public static OnnxEmbedder named(String name, int threads) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "minilm" -> new OnnxEmbedder("all-MiniLM-L6-v2-q", SingleThreadedModel.minilm(), Math.max(1, threads));
            default -> throw new IllegalArgumentException("interview-loop.search.embedding-model=" + name
                    + " is not a known model; use: minilm");
        };
    }

    /** The model named in configuration, on as many threads as this machine has cores. */
    public static OnnxEmbedder named(String name) {
        return named(name, Runtime.getRuntime().availableProcessors());
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
        if (!embeddable(text)) {
            return new float[dimension]; // similar to nothing
        }
        return pool.map(List.of(text), this::vector).get(0);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return pool.map(texts, t -> vector(embeddable(t) ? t : "(empty)"));
    }

    /**
     * Whether the model's tokenizer keeps anything of the text: it drops whitespace, control and format characters
     * (a zero-width space, NUL) and U+FFFD, and the model refuses a text with no token left.
     */
    static boolean embeddable(String text) {
        return text.codePoints().anyMatch(c -> c != 0xFFFD && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.FORMAT);
    }

    private float[] vector(String text) {
        return unit(model.embed(TextSegment.from(text)).content().vector());
    }

    /** Stops the embedder's threads; calls after this fail. */
    @Override
    public void close() {
        pool.close();
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
     * Parallelism comes from running several texts at once on the embedder's threads instead. Same weights, same
     * tokenizer, same pooling: the same vectors.
     */
    static final class SingleThreadedModel extends AbstractInProcessEmbeddingModel {

        private static final String ONNX = "/all-minilm-l6-v2-q.onnx";
        private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

        private final OnnxBertBiEncoder model;

        private SingleThreadedModel(OnnxBertBiEncoder model) {
            super(Runnable::run); // only single texts are given to it (embedAll is not used)
            this.model = model;
        }

        static SingleThreadedModel minilm() {
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
                return new SingleThreadedModel(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
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
