package dev.interviewloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.interviewloop.knowledge.Note;
import dev.interviewloop.knowledge.Question;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fused ranking of every bank query (each question's text and its paraphrase, over the notes and over
 * everything) is pinned in {@code src/test/resources/retrieval/fused-rankings.txt}: the top 10 chunks with their
 * BM25 and vector ranks. The file was recorded with the hand-written reciprocal rank fusion this index used
 * before Lucene's {@code TopDocs.rrf}; a change of fusion, vector storage or similarity floor must not move a
 * single passage. Rerecord on purpose only ({@code -Dretrieval.record=true}) when the corpus or the model
 * changes, and say so in the commit.
 */
class FusedRankingTest {

    static final Path GOLDEN = Path.of("src/test/resources/retrieval/fused-rankings.txt");

    @Test
    void everyBankQueryRanksThePassagesItRankedBefore() throws IOException {
        String actual = rankings();
        if (Boolean.getBoolean("retrieval.record")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }

        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    static String rankings() throws IOException {
        Map<String, String> queries = new TreeMap<>();
        for (Question q : TestSearch.knowledge().questions().values()) {
            queries.put(q.id() + " (text)", q.prompt());
        }
        ObjectMapper yaml = new YAMLMapper();
        try (InputStream in = FusedRankingTest.class.getResourceAsStream("/retrieval/paraphrases.yaml")) {
            Map<String, String> paraphrases = yaml.readValue(in,
                    yaml.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            paraphrases.forEach((id, text) -> queries.put(id + " (paraphrase)", text));
        }
        StringBuilder out = new StringBuilder();
        queries.forEach((name, text) -> {
            for (var filter : List.of(Map.entry("notes", HybridIndex.Filter.kinds(Note.Kind.NOTE)),
                    Map.entry("all", HybridIndex.Filter.NONE))) {
                List<String> hits = new ArrayList<>();
                for (Passage p : TestSearch.search().search(text, 10, filter.getValue())) {
                    hits.add(String.format(Locale.ROOT, "%s[%d,%d]", p.chunk().id(), p.lexicalRank(), p.vectorRank()));
                }
                out.append(name).append(" / ").append(filter.getKey()).append(": ").append(String.join(" ", hits)).append('\n');
            }
        });
        return out.toString();
    }
}
