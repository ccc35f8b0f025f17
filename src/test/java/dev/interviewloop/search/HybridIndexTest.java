package dev.interviewloop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.interviewloop.knowledge.Note;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hybrid retrieval: BM25 and vectors fused by rank, over a real embedding model. */
class HybridIndexTest {

    static final List<Chunk> CORPUS = List.of(
            chunk("reg#early-stopping", "Early stopping",
                    "Keep the checkpoint from the epoch with the lowest validation loss and stop once it has not improved for a few epochs."),
            chunk("reg#l1", "Why L1 gives sparse solutions",
                    "The L1 constraint region is a diamond whose corners lie on the axes, so the loss contours touch it where some weights are exactly zero."),
            chunk("attn#scaling", "Why divide by the square root of d_k",
                    "Dot products of d_k-dimensional vectors have variance d_k; dividing by sqrt(d_k) keeps softmax out of saturation."),
            chunk("gpu#shared", "Shared memory",
                    "On-chip memory shared by the threads of one block, much faster than global memory, used for tiling."),
            chunk("xgb#missing", "Sparsity-aware split finding",
                    "Each split learns a default direction for missing values by trying both sides and keeping the larger gain."),
            chunk("ab#significance", "Statistical significance",
                    "A two-sample t-test or z-test on the metric; a p-value below the chosen alpha rejects the null hypothesis."));

    static Chunk chunk(String id, String section, String text) {
        String doc = id.substring(0, id.indexOf('#'));
        return new Chunk(id, doc, doc + " notes", Note.Kind.NOTE, section, doc + " notes > " + section, text,
                "knowledge/notes/" + doc + ".md", 1);
    }

    HybridIndex index;

    @BeforeEach
    void build() {
        index = new HybridIndex(new ByteBuffersDirectory(), Embedders.minilm(), 60, 0.1);
        index.rebuild(CORPUS, "hash-1");
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void exactWordingRanksItsSectionFirst() {
        List<Passage> hits = index.search("default direction for missing values in XGBoost", 3, 50, HybridIndex.Filter.NONE);

        assertThat(hits.get(0).chunk().id()).isEqualTo("xgb#missing");
        assertThat(hits.get(0).lexicalRank()).isEqualTo(1);
    }

    @Test
    void paraphraseThatSharesNoWordWithTheSectionIsFoundByVectors() {
        String paraphrase = "quit fitting when held-out error begins climbing";
        assertThat(TextAnalysis.terms(paraphrase)).doesNotContainAnyElementsOf(TextAnalysis.terms(CORPUS.get(0).searchableText()));

        List<Passage> hits = index.search(paraphrase, 3, 50, HybridIndex.Filter.NONE);

        assertThat(hits.get(0).chunk().id()).isEqualTo("reg#early-stopping");
        assertThat(hits.get(0).lexicalRank()).as("BM25 alone misses it").isZero();
        assertThat(hits.get(0).vectorRank()).isEqualTo(1);
    }

    @Test
    void chunksWithoutSemanticSimilarityGetNoVectorVote() {
        List<Passage> hits = index.search("quit fitting when held-out error begins climbing", 6, 50, HybridIndex.Filter.NONE);

        assertThat(hits).filteredOn(p -> p.similarity() < 0.1).allSatisfy(p -> assertThat(p.vectorRank()).isZero());
    }

    @Test
    void fusedScoreIsTheSumOfReciprocalRanks() {
        Passage top = index.search("shared memory of a thread block", 1, 50, HybridIndex.Filter.NONE).get(0);

        double expected = (top.lexicalRank() > 0 ? 1.0 / (60 + top.lexicalRank()) : 0)
                + (top.vectorRank() > 0 ? 1.0 / (60 + top.vectorRank()) : 0);
        assertThat(top.score()).as("Lucene's fused score is a float").isEqualTo((float) expected);
        assertThat(top.similarity()).isBetween(0.3, 1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced quote", "(bracket", "AND", "OR NOT", "-- drop table", "🙂🔥💯", "a:b:c", "\\", "*?",
            "title:[a TO z]", "   ", "the of and"})
    void hostileQueriesNeverThrow(String query) {
        assertThatCode(() -> index.search(query, 5, 50, HybridIndex.Filter.NONE)).doesNotThrowAnyException();
    }

    @Test
    void veryLongQueryIsAnswered() {
        String query = "gradient descent ".repeat(200) + "x".repeat(3000);

        assertThat(index.search(query, 5, 50, HybridIndex.Filter.NONE)).isNotEmpty();
    }

    @Test
    void filterRestrictsToTheNamedChunks() {
        List<Passage> hits = index.search("softmax saturation", 5, 50, HybridIndex.Filter.chunks(List.of("gpu#shared", "reg#l1")));

        assertThat(hits).extracting(p -> p.chunk().id()).containsOnly("gpu#shared", "reg#l1");
    }

    @Test
    void upsertReplacesAChunkWithTheSameId() {
        index.upsert(List.of(chunk("gpu#shared", "Shared memory", "Completely different text about tokenisers.")));

        assertThat(index.size()).isEqualTo(CORPUS.size());
        assertThat(index.chunks(c -> c.id().equals("gpu#shared"))).singleElement()
                .satisfies(c -> assertThat(c.text()).contains("tokenisers"));
    }

    @Test
    void storedIndexKeepsItsContentHashAcrossRestarts(@TempDir Path dir) throws Exception {
        try (HybridIndex onDisk = new HybridIndex(FSDirectory.open(dir), Embedders.minilm(), 60, 0.1)) {
            assertThat(onDisk.storedHash()).isEmpty();
            onDisk.rebuild(CORPUS, "hash-abc");
        }
        try (HybridIndex reopened = new HybridIndex(FSDirectory.open(dir), Embedders.minilm(), 60, 0.1)) {
            assertThat(reopened.storedHash()).contains("hash-abc");
            assertThat(reopened.size()).isEqualTo(CORPUS.size());
            assertThat(reopened.search("missing values", 1, 50, HybridIndex.Filter.NONE).get(0).chunk().id())
                    .isEqualTo("xgb#missing");
        }
    }

    @Test
    void contentHashChangesWithTheTextAndTheModel() {
        String base = SearchService.contentHash("m", CORPUS);

        assertThat(SearchService.contentHash("m", CORPUS)).isEqualTo(base);
        assertThat(SearchService.contentHash("other", CORPUS)).isNotEqualTo(base);
        assertThat(SearchService.contentHash("m", CORPUS.subList(1, CORPUS.size()))).isNotEqualTo(base);
    }
}
