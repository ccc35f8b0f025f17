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
        var retriever = new KnowledgeContentRetriever(search, 2, HybridIndex.Filter.NONE);

        List<Content> contents = retriever.retrieve(Query.from("why does L1 regularisation give sparse weights"));

        assertThat(contents).hasSizeBetween(1, 2);
        Content top = contents.get(0);
        assertThat(top.textSegment().metadata().getString("doc")).isEqualTo("regularization");
        assertThat(top.textSegment().metadata().getString("section")).isEqualTo("Why L1 gives sparse solutions");
        assertThat(top.textSegment().metadata().getString("file")).isEqualTo("knowledge/notes/regularization.md");
        assertThat(top.textSegment().text()).contains("diamond");
        assertThat((Double) top.metadata().get(ContentMetadata.SCORE)).isPositive();
    }

    @Test
    void refusesANonPositiveResultCount() {
        assertThatThrownBy(() -> new KnowledgeContentRetriever(search, 0, HybridIndex.Filter.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
