package dev.interviewloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewloop.knowledge.KeyPoint;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every rubric key point must be supported by the note sections its question cites: the grader
 * cites those sections as the ground for its verdict. Support is the better of two measures: the
 * cosine between the key point and the closest sentence of the cited sections, and the share of the
 * key point's content terms that occur in them. Prints the weakest (recorded in BENCHMARKS.md).
 */
class KeyPointSupportTest {

    record Support(String questionId, String keyPointId, double cosine, double termShare, String closest) {
        double value() {
            return Math.max(cosine, termShare);
        }
    }

    static final double FLOOR = 0.5;

    @Test
    void everyKeyPointIsSupportedByItsCitedSections() {
        KnowledgeBase kb = TestSearch.knowledge();
        Embedder embedder = Embedders.minilm();
        List<Support> all = new ArrayList<>();
        for (Question q : kb.questions().values()) {
            List<String> sentences = new ArrayList<>();
            Set<String> terms = new HashSet<>();
            for (var ref : q.references()) {
                Section s = kb.resolve(ref).orElseThrow();
                sentences.addAll(Arrays.stream(s.text().split("(?<=[.!?:])\\s+|\\n+")).filter(x -> x.strip().length() > 3).toList());
                terms.addAll(TextAnalysis.terms(s.heading() + " " + s.text()));
            }
            List<float[]> vectors = embedder.embedPassages(sentences);
            for (KeyPoint k : q.keyPoints()) {
                float[] kv = embedder.embedQuery(k.text());
                double best = -1;
                String closest = "";
                for (int i = 0; i < vectors.size(); i++) {
                    double c = Embedder.dot(kv, vectors.get(i));
                    if (c > best) {
                        best = c;
                        closest = sentences.get(i);
                    }
                }
                List<String> kpTerms = TextAnalysis.terms(k.text());
                double share = kpTerms.isEmpty() ? 0 : kpTerms.stream().filter(terms::contains).count() / (double) kpTerms.size();
                all.add(new Support(q.id(), k.id(), best, share, closest));
            }
        }
        all.sort(Comparator.comparingDouble(Support::value));
        System.out.printf("Key point support over %d key points: weakest %.2f, median %.2f%n", all.size(),
                all.get(0).value(), all.get(all.size() / 2).value());
        all.stream().limit(5).forEach(s -> System.out.printf("  %s/%s: cosine %.2f, term share %.2f; closest: %s%n",
                s.questionId(), s.keyPointId(), s.cosine(), s.termShare(), s.closest()));

        assertThat(all).as("key points below the support floor").allSatisfy(s ->
                assertThat(s.value()).as("%s/%s", s.questionId(), s.keyPointId()).isGreaterThanOrEqualTo(FLOOR));
    }
}
