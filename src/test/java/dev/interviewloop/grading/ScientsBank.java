package dev.interviewloop.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SciEntsBank (SemEval-2013 Task 7) through the rubric grader's reference-only path: each pupil
 * answer is graded against the question's reference answers (split into points), and a grade at or
 * above a threshold fitted on the train split counts as "correct". Optionally the train answers of
 * the same question serve as graded exemplars (the standard protocol for unseen answers).
 */
final class ScientsBank {

    static final Path DATA = locate();

    /** -Dgrading.scientsbank.file, else shared/ beside the repository, else /work/shared. */
    private static Path locate() {
        String given = System.getProperty("grading.scientsbank.file");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path beside = Path.of("..", "shared", "benchmarks", "scientsbank", "scientsbank.jsonl");
        return Files.exists(beside) ? beside : Path.of("/work/shared/benchmarks/scientsbank/scientsbank.jsonl");
    }
    static final List<String> TEST_SPLITS = List.of("test_ua", "test_uq", "test_ud");

    record Item(String qid, String question, List<String> references, String answer, boolean correct, String split) {
    }

    /** One item analysed against each of its references. */
    record Analysed(Item item, List<RubricGrader.Analysis> analyses) {
    }

    static List<Item> load() {
        ObjectMapper json = new ObjectMapper();
        List<Item> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(DATA)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                List<String> refs = new ArrayList<>();
                n.path("all_references").forEach(r -> refs.add(r.asText()));
                if (refs.isEmpty()) {
                    refs.add(n.path("reference").asText());
                }
                out.add(new Item(n.path("qid").asText(), n.path("question").asText(), refs, n.path("answer").asText(),
                        "correct".equals(n.path("label_2way").asText()), n.path("split").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Analysed> analyse(GradingFixture f, List<Item> items) {
        List<Analysed> out = new ArrayList<>(items.size());
        Map<String, Rubric> rubrics = new HashMap<>();
        for (Item it : items) {
            List<RubricGrader.Analysis> as = new ArrayList<>();
            for (String ref : it.references()) {
                Rubric r = rubrics.computeIfAbsent(it.question() + "\u0000" + ref, k -> f.resolver.reference(it.question(), ref));
                as.add(f.grader.analyse(r, it.answer()));
            }
            out.add(new Analysed(it, as));
        }
        return out;
    }

    /** The grade against the best-matching reference. */
    static double score(GradingFixture f, Analysed a, GraderModel m) {
        double best = 0;
        for (RubricGrader.Analysis an : a.analyses()) {
            best = Math.max(best, f.grader.decide(an, m).score());
        }
        return best;
    }

    /** Adds each answer's exemplar score: the train answers of its question, never itself. */
    static List<Analysed> withExemplars(GradingFixture f, List<Analysed> all) {
        Map<String, List<Item>> train = new HashMap<>();
        for (Analysed a : all) {
            if (a.item().split().equals("train")) {
                train.computeIfAbsent(a.item().qid(), k -> new ArrayList<>()).add(a.item());
            }
        }
        List<Analysed> out = new ArrayList<>(all.size());
        for (Analysed a : all) {
            List<Rubric.Exemplar> ex = train.getOrDefault(a.item().qid(), List.of()).stream()
                    .filter(it -> it != a.item())
                    .map(it -> new Rubric.Exemplar(it.answer(), it.correct() ? 5.0 : 0.0)).toList();
            if (ex.isEmpty()) {
                out.add(a);
                continue;
            }
            String text = RubricGrader.gradableText(a.analyses().get(0).screen());
            double score = text.isBlank() ? 0 : f.grader.exemplarScore(text, ex);
            out.add(new Analysed(a.item(), a.analyses().stream().map(an -> an.withExemplarScore(score)).toList()));
        }
        return out;
    }

    /** The threshold on the 0-5 score that maximises weighted F1 on the given items. */
    static double fitThreshold(double[] scores, boolean[] truth) {
        double best = 2.5;
        double bestF1 = -1;
        for (double t = 0.5; t <= 5.0; t += 0.5) {
            boolean[] pred = new boolean[scores.length];
            for (int i = 0; i < scores.length; i++) {
                pred[i] = scores[i] >= t - 1e-9;
            }
            double f1 = EvalStats.weightedF1(truth, pred);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    /** Weighted F1 and accuracy per split for predictions score >= threshold. */
    static Map<String, double[]> report(List<Analysed> items, double[] scores, double threshold) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String split : List.of("train", "test_ua", "test_uq", "test_ud")) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).item().split().equals(split)) {
                    idx.add(i);
                }
            }
            boolean[] truth = new boolean[idx.size()];
            boolean[] pred = new boolean[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                truth[k] = items.get(idx.get(k)).item().correct();
                pred[k] = scores[idx.get(k)] >= threshold - 1e-9;
            }
            out.put(split, new double[] {EvalStats.weightedF1(truth, pred), EvalStats.accuracy(truth, pred), idx.size()});
        }
        return out;
    }

    static String row(String name, Map<String, double[]> r) {
        StringBuilder b = new StringBuilder("| " + name);
        for (String split : List.of("train", "test_ua", "test_uq", "test_ud")) {
            double[] v = r.get(split);
            b.append(String.format(Locale.ROOT, " | %.3f / %.3f", v[0], v[1]));
        }
        return b.append(" |").toString();
    }
}
