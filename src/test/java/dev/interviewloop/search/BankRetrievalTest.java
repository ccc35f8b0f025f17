package dev.interviewloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.NoteRef;
import dev.interviewloop.knowledge.Question;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality over the question bank: searching with a question's text (or a paraphrase of
 * it) must return one of the note sections the question cites. Prints recall@1, recall@3 and MRR
 * (recorded in BENCHMARKS.md) and holds them above a floor.
 */
class BankRetrievalTest {

    record Result(String questionId, int rank) {
    }

    static Set<String> cited(Question q) {
        return q.references().stream().map(r -> r.note() + "#" + r.sectionId()).collect(Collectors.toSet());
    }

    /** The 1-based rank of the first cited section among the top 10 note passages, or 0. */
    static int rank(SearchService search, String query, Set<String> cited) {
        List<Passage> hits = search.search(query, 10, HybridIndex.Filter.kinds(dev.interviewloop.knowledge.Note.Kind.NOTE));
        for (int i = 0; i < hits.size(); i++) {
            if (cited.contains(hits.get(i).chunk().id())) {
                return i + 1;
            }
        }
        return 0;
    }

    static Map<String, Double> metrics(List<Result> results) {
        double n = results.size();
        return Map.of(
                "recall@1", results.stream().filter(r -> r.rank() == 1).count() / n,
                "recall@3", results.stream().filter(r -> r.rank() >= 1 && r.rank() <= 3).count() / n,
                "mrr", results.stream().mapToDouble(r -> r.rank() == 0 ? 0 : 1.0 / r.rank()).sum() / n);
    }

    static void print(String name, List<Result> results) {
        Map<String, Double> m = metrics(results);
        System.out.printf("Bank retrieval (%s, %d questions): recall@1 %.3f, recall@3 %.3f, MRR %.3f%n", name, results.size(),
                m.get("recall@1"), m.get("recall@3"), m.get("mrr"));
        results.stream().filter(r -> r.rank() == 0 || r.rank() > 3)
                .forEach(r -> System.out.printf("  outside top 3: %s (rank %s)%n", r.questionId(), r.rank() == 0 ? ">10" : r.rank()));
    }

    @Test
    void questionTextFindsACitedSectionInTheTopThree() {
        KnowledgeBase kb = TestSearch.knowledge();
        List<Result> results = new ArrayList<>();
        for (Question q : kb.questions().values()) {
            results.add(new Result(q.id(), rank(TestSearch.search(), q.prompt(), cited(q))));
        }
        print("question text", results);

        assertThat(metrics(results).get("recall@3")).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void paraphrasedQuestionFindsACitedSectionInTheTopThree() throws Exception {
        KnowledgeBase kb = TestSearch.knowledge();
        ObjectMapper yaml = new YAMLMapper();
        Map<String, String> paraphrases;
        try (InputStream in = getClass().getResourceAsStream("/retrieval/paraphrases.yaml")) {
            paraphrases = yaml.readValue(in, yaml.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        }
        assertThat(paraphrases.keySet()).as("every bank question has a paraphrase").containsAll(kb.questions().keySet());
        List<Result> results = new ArrayList<>();
        paraphrases.forEach((id, text) -> results.add(new Result(id, rank(TestSearch.search(), text,
                cited(kb.question(id).orElseThrow(() -> new AssertionError("paraphrase for unknown question " + id)))))));
        print("paraphrases", results);

        assertThat(metrics(results).get("recall@3")).isGreaterThanOrEqualTo(0.8);
    }
}
