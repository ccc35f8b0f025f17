package dev.interviewloop.grading;

import dev.interviewloop.search.Embedder;
import dev.interviewloop.search.Embedders;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The embedding models compared for grading: MiniLM (the runtime model), BGE-small and E5-small
 * (test scope only). E5 expects a prefix; for the symmetric comparison of an answer with a rubric
 * point both sides get "query: ".
 */
final class EvalEmbedders {

    private EvalEmbedders() {
    }

    static Embedder named(String name) {
        return switch (name) {
            case "minilm" -> Embedders.minilm();
            case "bge" -> new Wrapped("bge-small-en-v1.5-q", new BgeSmallEnV15QuantizedEmbeddingModel(pool()), "");
            case "e5" -> new Wrapped("e5-small-v2-q", new E5SmallV2QuantizedEmbeddingModel(pool()), "query: ");
            default -> throw new IllegalArgumentException("unknown model " + name + "; use minilm, bge or e5");
        };
    }

    private static java.util.concurrent.ExecutorService pool() {
        return Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().factory());
    }

    private record Wrapped(String name, EmbeddingModel model, String prefix) implements Embedder {

        @Override
        public int dimension() {
            return 384;
        }

        @Override
        public float[] embedQuery(String text) {
            return text.isBlank() ? new float[384] : unit(model.embed(prefix + text).content().vector());
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            if (texts.isEmpty()) {
                return List.of();
            }
            return model.embedAll(texts.stream().map(t -> TextSegment.from(prefix + (t.isBlank() ? "(empty)" : t))).toList())
                    .content().stream().map(e -> unit(e.vector())).toList();
        }

        private static float[] unit(float[] v) {
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            n = Math.sqrt(n);
            float[] out = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) (v[i] / n);
            }
            return out;
        }
    }
}
