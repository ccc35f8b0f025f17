package dev.interviewloop.search;


/** The real in-process model, loaded once for all tests of a JVM. */
public final class Embedders {

    private static Embedder minilm;

    private Embedders() {
    }

    public static synchronized Embedder minilm() {
        if (minilm == null) {
            minilm = OnnxEmbedder.named("minilm");
        }
        return minilm;
    }
}
