package dev.interviewloop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index seen through LangChain4j's ContentRetriever: text, source metadata and the fused score. */
@QuarkusTest
class KnowledgeContentRetrieverTest {

    @Inject
    SearchService search;

    @Test
    void retrievedContentCarriesItsSourceAndScore() {
        var retriever = new KnowledgeContentRetriever(search, 3, HybridIndex.Filter.NONE);

        List<Content> contents = retriever.retrieve(Query.from("why does L1 regularisation give sparse weights"));

        assertThat(contents).hasSize(3);
        assertThat(contents).extracting(c -> (Double) c.metadata().get(ContentMetadata.SCORE))
                .allSatisfy(score -> assertThat(score).isPositive())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Content l1 = contents.stream()
                .filter(c -> "Why L1 gives sparse solutions".equals(c.textSegment().metadata().getString("section")))
                .findFirst().orElseThrow(() -> new AssertionError("the L1 sparsity section is not in the top 3"));
        assertThat(l1.textSegment().metadata().getString("doc")).isEqualTo("regularization");
        assertThat(l1.textSegment().metadata().getString("file")).isEqualTo("knowledge/notes/regularization.md");
        assertThat(l1.textSegment().metadata().getInteger("line")).isPositive();
        assertThat(l1.textSegment().text()).contains("diamond");
    }

    @Test
    void refusesANonPositiveResultCount() {
        assertThatThrownBy(() -> new KnowledgeContentRetriever(search, 0, HybridIndex.Filter.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
