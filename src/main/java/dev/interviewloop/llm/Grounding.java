package dev.interviewloop.llm;

import dev.interviewloop.knowledge.Note;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Text;
import dev.interviewloop.search.HybridIndex;
import dev.interviewloop.search.KnowledgeContentRetriever;
import dev.interviewloop.search.SearchService;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.query.Query;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference passages that ground the LLM for one question, through the search index's
 * LangChain4j {@link dev.langchain4j.rag.content.retriever.ContentRetriever}: first the sections the
 * question cites (best match to the query first), then the best other sections of the reference
 * notes and the user's documents. Write-ups of interviews are never grounding.
 */
@Singleton
public class Grounding {

    /** A passage longer than this is cut, to keep prompts bounded. */
    static final int MAX_PASSAGE_CHARS = 1500;

    private final SearchService search;

    public Grounding(SearchService search) {
        this.search = search;
    }

    /**
     * @param question the bank question, or null for free text (then only the open search runs)
     * @param query what to match the passages to: the question, and what the move is about
     * @param max how many passages at most
     */
    public List<GroundingPassage> forQuestion(Question question, String query, int max) {
        if (max <= 0 || query == null || query.isBlank()) {
            return List.of();
        }
        Map<String, Content> picked = new LinkedHashMap<>();
        List<String> cited = question == null ? List.of()
                : question.references().stream().map(r -> r.note() + "#" + r.sectionId()).distinct().toList();
        if (!cited.isEmpty()) {
            add(picked, new KnowledgeContentRetriever(search, Math.min(max, cited.size()), HybridIndex.Filter.chunks(cited))
                    .retrieve(Query.from(query)), max);
        }
        if (picked.size() < max) {
            add(picked, new KnowledgeContentRetriever(search, max, HybridIndex.Filter.kinds(Note.Kind.NOTE, Note.Kind.USER))
                    .retrieve(Query.from(query)), max);
        }
        List<GroundingPassage> passages = new ArrayList<>();
        for (Content c : picked.values()) {
            passages.add(toPassage("P" + (passages.size() + 1), c));
        }
        return passages;
    }

    private static void add(Map<String, Content> picked, List<Content> contents, int max) {
        for (Content c : contents) {
            if (picked.size() >= max) {
                return;
            }
            picked.putIfAbsent(c.textSegment().metadata().getString("chunk"), c);
        }
    }

    private static GroundingPassage toPassage(String label, Content c) {
        Metadata m = c.textSegment().metadata();
        String text = c.textSegment().text().strip();
        text = Text.cut(text, MAX_PASSAGE_CHARS);
        Integer line = m.getInteger("line");
        return new GroundingPassage(label, m.getString("chunk"), m.getString("doc"), m.getString("docTitle"),
                m.getString("section"), m.getString("path"), m.getString("file"), line == null ? 0 : line, text);
    }
}
