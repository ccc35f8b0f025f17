package dev.interviewloop.search;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Map;

/**
 * The index as a LangChain4j {@link ContentRetriever}: each passage becomes a text segment whose
 * metadata carries its source (document, section, file, line) so the model's answer can be cited,
 * and whose {@link ContentMetadata#SCORE} is the fused retrieval score.
 */
public final class KnowledgeContentRetriever implements ContentRetriever {

    private final SearchService search;
    private final int maxResults;
    private final HybridIndex.Filter filter;

    public KnowledgeContentRetriever(SearchService search, int maxResults, HybridIndex.Filter filter) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, was " + maxResults);
        }
        this.search = java.util.Objects.requireNonNull(search, "search");
        this.maxResults = maxResults;
        this.filter = java.util.Objects.requireNonNull(filter, "filter");
    }

    @Override
    public List<Content> retrieve(Query query) {
        return search.search(query.text(), maxResults, filter).stream().map(KnowledgeContentRetriever::toContent).toList();
    }

    static Content toContent(Passage p) {
        Chunk c = p.chunk();
        Metadata metadata = new Metadata()
                .put("chunk", c.id())
                .put("doc", c.doc())
                .put("docTitle", c.docTitle())
                .put("section", c.section())
                .put("path", c.path())
                .put("file", c.file())
                .put("line", c.line())
                .put("kind", c.kind().name());
        return Content.from(TextSegment.from(c.text(), metadata), Map.of(ContentMetadata.SCORE, p.score()));
    }
}
