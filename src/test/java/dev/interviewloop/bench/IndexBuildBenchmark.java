package dev.interviewloop.bench;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.KnowledgeLoader;
import dev.interviewloop.knowledge.Note;
import dev.interviewloop.search.Chunk;
import dev.interviewloop.search.Embedder;
import dev.interviewloop.search.HybridIndex;
import dev.interviewloop.search.OnnxEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;

/**
 * How long the index takes to build for the shipped knowledge and for a synthetic corpus of
 * user sections, and how long reopening a stored index takes. Prints a Markdown table.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.interviewloop.bench.IndexBuildBenchmark [-Dexec.args=10000]</pre>
 */
public final class IndexBuildBenchmark {

    public static void main(String[] args) throws Exception {
        int synthetic = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Embedder embedder = OnnxEmbedder.named("minilm");
        KnowledgeBase kb = KnowledgeLoader.load(Path.of("knowledge"));
        List<Chunk> shipped = kb.documents().stream().flatMap(n -> Chunk.of(n).stream()).toList();
        List<Chunk> users = syntheticSections(shipped, synthetic);

        System.out.printf("| corpus | sections | build (s) | sections/s | reopen stored (ms) | index on disk (MB) | query p50 (ms) |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        measure("shipped knowledge/", shipped, embedder);
        List<Chunk> all = new ArrayList<>(shipped);
        all.addAll(users);
        measure("shipped + " + synthetic + " synthetic user sections", all, embedder);
        System.exit(0);
    }

    static void measure(String name, List<Chunk> chunks, Embedder embedder) throws Exception {
        Path dir = Files.createTempDirectory("index-bench");
        long start = System.nanoTime();
        try (HybridIndex index = new HybridIndex(FSDirectory.open(dir), embedder, 60, 0.1)) {
            index.rebuild(chunks, "bench");
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        long reopenStart = System.nanoTime();
        double p50;
        try (HybridIndex reopened = new HybridIndex(FSDirectory.open(dir), embedder, 60, 0.1)) {
            if (reopened.storedHash().isEmpty()) {
                throw new IllegalStateException("stored hash missing");
            }
            long reopenNanos = System.nanoTime() - reopenStart;
            p50 = queryP50(reopened);
            System.out.printf("| %s | %d | %.1f | %.0f | %.0f | %.1f | %.2f |%n", name, chunks.size(), buildSeconds,
                    chunks.size() / buildSeconds, reopenNanos / 1e6, sizeMb(dir), p50);
        }
    }

    static double queryP50(HybridIndex index) {
        String[] queries = {"why divide attention scores by the square root of the key dimension",
                "how does xgboost handle missing values", "shared memory bank conflicts", "sharp versus flat minima",
                "what is the difference between AUC and NDCG", "edit distance space optimisation"};
        for (String q : queries) {
            index.search(q, 5, 50, HybridIndex.Filter.NONE); // warm up
        }
        long[] nanos = new long[60];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            index.search(queries[i % queries.length], 5, 50, HybridIndex.Filter.NONE);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }

    /** User-like sections: sentences recombined from the shipped notes, so length and vocabulary are realistic. */
    static List<Chunk> syntheticSections(List<Chunk> shipped, int count) {
        List<String> sentences = shipped.stream().flatMap(c -> Arrays.stream(c.text().split("(?<=[.!?])\\s+")))
                .filter(s -> s.length() > 30).toList();
        Random random = new Random(42);
        List<Chunk> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int n = 3 + random.nextInt(6);
            for (int j = 0; j < n; j++) {
                text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            out.add(new Chunk("user-" + i + "#s", "user-" + i, "User document " + i, Note.Kind.USER, "Section " + i,
                    "User document " + i + " > Section " + i, text.toString().strip(), "user-docs/doc-" + i + ".md", 1));
        }
        return out;
    }

    static double sizeMb(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum() / 1e6;
        }
    }

    private IndexBuildBenchmark() {
    }
}
