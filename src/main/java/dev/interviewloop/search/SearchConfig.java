package dev.interviewloop.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Retrieval settings. */
@ConfigMapping(prefix = "interview-loop.search")
public interface SearchConfig {

    /** The in-process embedding model: {@code minilm} (all-MiniLM-L6-v2, quantised). */
    @WithDefault("minilm")
    String embeddingModel();

    /**
     * Where the index is kept between runs. A stored index is reused when its content hash matches
     * the current content; absent, the index lives in memory and is rebuilt at every start.
     */
    Optional<String> indexDir();

    /** A folder of the user's own Markdown, text and HTML documents to index beside the notes. */
    Optional<String> userDocsDir();

    /** User documents larger than this many bytes are skipped with a warning. */
    @WithDefault("2000000")
    long maxUserDocBytes();

    /** How many candidates each ranking (BM25 and vectors) contributes before fusion. */
    @WithDefault("50")
    int candidates();

    /** The cosine similarity a chunk needs before vector search votes for it in the fusion. */
    @WithDefault("0.1")
    double minSimilarity();

    /** The k of reciprocal rank fusion: score = sum of 1 / (k + rank). */
    @WithDefault("60")
    int rrfK();
}
