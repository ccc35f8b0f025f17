package dev.interviewloop.search;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Note;
import io.micrometer.core.annotation.Timed;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The application's search index over the knowledge folder and the user's documents, built at
 * start-up. With {@code interview-loop.search.index-dir} set, the index is kept on disk and reused
 * when its content hash (embedding model + every chunk) is unchanged.
 *
 * <p>Every search is timed as {@value #RETRIEVAL_LATENCY} (tagged with the method and, on failure, the
 * exception) by Micrometer's {@code @Timed} interceptor.
 */
@Startup
@Singleton
public class SearchService {

    /** How the index came to be at start-up: what it holds and what it cost. */
    public record IndexStats(int chunks, int userDocuments, List<String> skippedFiles, boolean reused, long buildMillis,
                             String embeddingModel) {
    }

    /** The Micrometer timer of every search; Prometheus shows it as {@code interview_loop_retrieval_latency_seconds}. */
    public static final String RETRIEVAL_LATENCY = "interview_loop.retrieval.latency";

    private final HybridIndex index;
    private final SearchConfig config;
    private final Embedder embedder;
    private final Map<String, Chunk> chunksById;
    private final IndexStats stats;

    public SearchService(KnowledgeBase knowledge, Embedder embedder, SearchConfig config) {
        this.config = config;
        this.embedder = embedder;
        long start = System.nanoTime();
        List<Note> documents = new ArrayList<>(knowledge.documents());
        UserDocuments.Result user = config.userDocsDir()
                .map(dir -> UserDocuments.read(Path.of(dir), config.maxUserDocBytes()))
                .orElse(new UserDocuments.Result(List.of(), List.of()));
        documents.addAll(user.documents());
        List<Chunk> chunks = documents.stream().flatMap(n -> Chunk.of(n).stream()).toList();
        this.chunksById = chunks.stream().collect(Collectors.toUnmodifiableMap(Chunk::id, Function.identity(), (a, b) -> a));
        String hash = contentHash(embedder.name(), chunks);
        this.index = new HybridIndex(openDirectory(config.indexDir()), embedder, config.rrfK(), config.minSimilarity());
        boolean reused = index.storedHash().filter(hash::equals).isPresent();
        if (!reused) {
            index.rebuild(chunks, hash);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        this.stats = new IndexStats(chunks.size(), user.documents().size(), user.skipped(), reused, millis, embedder.name());
        Log.infof("Search index: %d chunks (%d user documents, %d files skipped), %s in %d ms", chunks.size(),
                user.documents().size(), user.skipped().size(), reused ? "reused from disk" : "built", millis);
    }

    private static Directory openDirectory(Optional<String> dir) {
        if (dir.isEmpty() || dir.get().isBlank()) {
            return new ByteBuffersDirectory();
        }
        try {
            Path path = Path.of(dir.get());
            Files.createDirectories(path);
            return FSDirectory.open(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index folder " + dir.get()
                    + " (interview-loop.search.index-dir); make it writable or unset it", e);
        }
    }

    static String contentHash(String model, List<Chunk> chunks) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            for (Chunk c : chunks) {
                for (String part : List.of(c.id(), c.docTitle(), c.kind().name(), c.path(), c.file(), c.text(),
                        Integer.toString(c.line()))) {
                    sha.update(part.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The k best passages for free text, from every kind of document. */
    public List<Passage> search(String query, int k) {
        return search(query, k, HybridIndex.Filter.NONE);
    }

    @Timed(value = RETRIEVAL_LATENCY, description = "time to answer one search: BM25 and vector ranking, fused")
    public List<Passage> search(String query, int k, HybridIndex.Filter filter) {
        return index.search(query, k, config.candidates(), filter);
    }

    /** As {@link #search(String, int, HybridIndex.Filter)} reusing an embedding the caller already has. */
    @Timed(value = RETRIEVAL_LATENCY, description = "time to answer one search: BM25 and vector ranking, fused")
    public List<Passage> search(String query, float[] queryVector, int k, HybridIndex.Filter filter) {
        String text = query.length() > HybridIndex.MAX_QUERY_CHARS ? query.substring(0, HybridIndex.MAX_QUERY_CHARS) : query;
        return index.search(text, queryVector, k, config.candidates(), filter);
    }

    public Optional<Chunk> chunk(String id) {
        return Optional.ofNullable(chunksById.get(id));
    }

    public Embedder embedder() {
        return embedder;
    }

    public IndexStats stats() {
        return stats;
    }

    @PreDestroy
    void close() {
        try {
            index.close();
        } catch (IOException e) {
            Log.warn("closing the search index failed", e);
        }
    }
}
