package dev.interviewloop.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The grading benchmark: one command prints every figure BENCHMARKS.md records.
 *
 * <pre>./mvnw -q -B test -Dtest=GradingEvaluation -Dgrading.eval=true [-Dgrading.models=minilm,bge,e5]</pre>
 *
 * Without further options it measures the shipped model ({@code grading/grader-model.properties}).
 * {@code -Dgrading.fit=true} refits from the defaults, on training splits only: the key-point match
 * model on SciEntsBank train, the coverage-to-score mapping and the wrong-statement penalty on the
 * train split of our own answer set; {@code -Dgrading.store=true} also writes the refitted model.
 * {@code -Dgrading.verbose=true} lists the answers the grader is furthest off on.
 */
@EnabledIfSystemProperty(named = "grading.eval", matches = ".*")
class GradingEvaluation {

    private final StringBuilder report = new StringBuilder();

    private void out(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    @Test
    void evaluate() throws IOException {
        String[] models = System.getProperty("grading.models", "minilm").split(",");
        String fit = System.getProperty("grading.fit", "false"); // false | true (everything) | answers (keep the point model)
        boolean withScientsBank = !"false".equals(System.getProperty("grading.scientsbank"));
        for (String name : models) {
            GradingFixture f = GradingFixture.with(EvalEmbedders.named(name.strip()), GraderModel.load());
            out("## Model " + f.embedder.name());
            GraderModel m = "true".equals(fit) ? GraderModel.defaults() : f.grader.model();
            List<ScientsBank.Analysed> sb = List.of();
            if (withScientsBank) {
                List<ScientsBank.Item> items = ScientsBank.load();
                long t0 = System.nanoTime();
                sb = ScientsBank.analyse(f, items);
                out(String.format(Locale.ROOT, "SciEntsBank: %d answers analysed against all their references, %.1f ms per answer",
                        items.size(), (System.nanoTime() - t0) / 1e6 / items.size()));
                if ("true".equals(fit)) {
                    m = fitPointModel(sb, m);
                }
            }
            if (!"false".equals(fit)) {
                m = fitOnAnswerSet(f, m, sb);
            }
            if (withScientsBank) {
                m = scientsBank(f, sb, m);
            }
            GraderModel fitted = answerSet(f, m);
            assertThat(fitted.knotsX()).hasSameSizeAs(fitted.knotsY());
            if (!"false".equals(fit) && Boolean.getBoolean("grading.store") && name.equals(models[0])) {
                fitted.store(Path.of("src/main/resources", GraderModel.RESOURCE), "The rubric grader's fitted numbers (" + f.embedder.name()
                        + "), written by GradingEvaluation (-Dgrading.fit).\nPoint model: fitted on SciEntsBank train, then refined "
                        + "on the train split of src/test/resources/grading/answers.jsonl together with the coverage-to-score mapping "
                        + "and the wrong-statement penalty.\nExemplar weight: SciEntsBank train split (leave-one-out).");
                out("Wrote " + GraderModel.RESOURCE + ": " + fitted);
            }
        }
        Path dir = Path.of("target", "grading-eval");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), report.toString());
    }

    /** The key-point match model, fitted on SciEntsBank train (answers whose reference is one point). */
    private GraderModel fitPointModel(List<ScientsBank.Analysed> analysed, GraderModel start) {
        List<Calibration.PointSample> samples = new ArrayList<>();
        for (ScientsBank.Analysed a : analysed) {
            if (a.item().split().equals("train")) {
                for (RubricGrader.Analysis an : a.analyses()) {
                    if (an.points().size() == 1) {
                        samples.add(new Calibration.PointSample(an.points().get(0), a.item().correct()));
                    }
                }
            }
        }
        GraderModel m = Calibration.fitPointModel(samples, start);
        out("Point model fitted on SciEntsBank train: " + java.util.Arrays.toString(m.point()));
        return m;
    }

    /** SciEntsBank 2-way figures; the decision threshold and the exemplar weight are fitted on train. */
    private GraderModel scientsBank(GradingFixture f, List<ScientsBank.Analysed> analysed, GraderModel m) {
        double[] scores = new double[analysed.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = ScientsBank.score(f, analysed.get(i), m);
        }
        double t = ScientsBank.fitThreshold(trainOnly(analysed, scores), trainTruth(analysed));
        out("| SciEntsBank 2-way, weighted F1 / accuracy | train | test_ua | test_uq | test_ud |");
        out("|---|---|---|---|---|");
        out(ScientsBank.row("rubric grader, reference only (score >= " + t + ")", ScientsBank.report(analysed, scores, t)));

        // length-only baseline: a threshold on the number of words, fitted on train
        double[] lengths = analysed.stream().mapToDouble(a -> Math.min(5, Segmenter.words(a.item().answer()) / 5.0)).toArray();
        double lt = ScientsBank.fitThreshold(trainOnly(analysed, lengths), trainTruth(analysed));
        out(ScientsBank.row("length only (words/5 >= " + lt + ")", ScientsBank.report(analysed, lengths, lt)));

        // with the train answers of the same question as graded exemplars (weight fitted on train, leave-one-out)
        List<ScientsBank.Analysed> withEx = ScientsBank.withExemplars(f, analysed);
        double bestF1 = -1;
        double bestW = 0;
        double bestT = t;
        double[] bestScores = scores;
        for (double w = 0.1; w <= 0.91; w += 0.1) {
            GraderModel mw = m.withExemplarWeight(w);
            double[] s = new double[withEx.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = ScientsBank.score(f, withEx.get(i), mw);
            }
            double tw = ScientsBank.fitThreshold(trainOnly(withEx, s), trainTruth(withEx));
            double f1 = ScientsBank.report(withEx, s, tw).get("train")[0];
            if (f1 > bestF1) {
                bestF1 = f1;
                bestW = w;
                bestT = tw;
                bestScores = s;
            }
        }
        out(ScientsBank.row(String.format(Locale.ROOT, "with train answers as exemplars (weight %.1f, score >= %s)", bestW, bestT),
                ScientsBank.report(withEx, bestScores, bestT)));
        out("");
        return m.withExemplarWeight(bestW);
    }

    /** Our own answer set: fits the coverage-to-score mapping and the penalty on train, reports held-out. */
    /**
     * Refines the point model on both training sets at once, so that it does not drift to one domain:
     * the train MAE of our answer set (after refitting the mapping) minus the AUC of the coverage on
     * a third of SciEntsBank train (when SciEntsBank is loaded).
     */
    private GraderModel fitOnAnswerSet(GradingFixture f, GraderModel start, List<ScientsBank.Analysed> sb) {
        List<AnswerSet.Answer> answers = AnswerSet.load();
        List<RubricGrader.Analysis> analyses = analyseAnswers(f, answers);
        List<ScientsBank.Analysed> sbTrain = new ArrayList<>();
        for (int i = 0; i < sb.size(); i++) {
            if (sb.get(i).item().split().equals("train") && i % 3 == 0) {
                sbTrain.add(sb.get(i));
            }
        }
        GraderModel m = fitMapping(f, answers, analyses, start);
        m = Calibration.refinePointModel(m, candidate -> trainMae(f, answers, analyses, fitMapping(f, answers, analyses, candidate))
                - (sbTrain.isEmpty() ? 0 : coverageAuc(sbTrain, candidate)));
        m = fitMapping(f, answers, analyses, m);
        out("Fitted on the train split of our answer set: " + m);
        return m;
    }

    /** The AUC of the best coverage over an item's references against its 2-way label. */
    private static double coverageAuc(List<ScientsBank.Analysed> items, GraderModel m) {
        double[] cov = new double[items.size()];
        for (int i = 0; i < cov.length; i++) {
            for (RubricGrader.Analysis an : items.get(i).analyses()) {
                cov[i] = Math.max(cov[i], RubricGrader.coverage(RubricGrader.outcomes(an.points(), m, List.of())));
            }
        }
        double[] ranks = EvalStats.ranks(cov);
        double sumPositive = 0;
        long positives = 0;
        for (int i = 0; i < cov.length; i++) {
            if (items.get(i).item().correct()) {
                sumPositive += ranks[i];
                positives++;
            }
        }
        long negatives = cov.length - positives;
        return positives == 0 || negatives == 0 ? 0.5 : (sumPositive - positives * (positives + 1) / 2.0) / (positives * negatives);
    }

    private static List<RubricGrader.Analysis> analyseAnswers(GradingFixture f, List<AnswerSet.Answer> answers) {
        List<RubricGrader.Analysis> analyses = new ArrayList<>();
        for (AnswerSet.Answer a : answers) {
            analyses.add(f.grader.analyse(f.resolver.bank(f.knowledge.question(a.questionId()).orElseThrow(
                    () -> new IllegalStateException(a.id() + ": no bank question " + a.questionId()))), a.answer()));
        }
        return analyses;
    }

    private GraderModel answerSet(GradingFixture f, GraderModel start) {
        List<AnswerSet.Answer> answers = AnswerSet.load();
        List<RubricGrader.Analysis> analyses = analyseAnswers(f, answers);
        GraderModel m = start;
        // latency: grade every answer again, warm, end to end (screening, embedding, matching, feedback)
        double[] ms = new double[answers.size()];
        for (int i = 0; i < answers.size(); i++) {
            long t0 = System.nanoTime();
            f.grader.decide(f.grader.analyse(f.resolver.bank(f.knowledge.question(answers.get(i).questionId()).orElseThrow()),
                    answers.get(i).answer()), m);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        out(String.format(Locale.ROOT, "Latency per answer (warm, %d answers, %.0f chars on average, %d cores, load average %.1f): "
                        + "mean %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms",
                answers.size(), answers.stream().mapToInt(a -> a.answer().length()).average().orElse(0),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                java.util.Arrays.stream(ms).average().orElse(0), sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)],
                sorted[sorted.length - 1]));

        double[] predicted = new double[answers.size()];
        List<Grade> grades = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Grade g = f.grader.decide(analyses.get(i), m);
            grades.add(g);
            predicted[i] = g.score();
        }
        // length-only baseline: isotonic fit of the human score on the word count, train split only
        double[] words = answers.stream().mapToDouble(a -> Segmenter.words(a.answer())).toArray();
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).split().equals("train")) {
                train.add(i);
            }
        }
        double[][] lengthKnots = EvalStats.isotonic(train.stream().mapToDouble(i -> words[i]).toArray(),
                train.stream().mapToDouble(i -> answers.get(i).score()).toArray(), 8);
        GraderModel lengthModel = m.withMapping(lengthKnots[0], lengthKnots[1]);
        double[] lengthOnly = java.util.Arrays.stream(words).map(w -> RubricGrader.round(lengthModel.mapCoverage(w))).toArray();

        out("| Own answer set | n | Pearson | Spearman | MAE | exact | within 1 |");
        out("|---|---|---|---|---|---|---|");
        for (String split : List.of("train", "heldout")) {
            out(metricsRow("rubric grader, " + split, answers, predicted, a -> a.split().equals(split)));
            out(metricsRow("length only, " + split, answers, lengthOnly, a -> a.split().equals(split)));
        }
        out("");
        out("| Held-out by category | n | human mean | grader mean | MAE | within 1 | max grader score |");
        out("|---|---|---|---|---|---|---|");
        for (String cat : answers.stream().map(AnswerSet.Answer::category).distinct().toList()) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).split().equals("heldout") && answers.get(i).category().equals(cat)) {
                    idx.add(i);
                }
            }
            double[] h = idx.stream().mapToDouble(i -> answers.get(i).score()).toArray();
            double[] p = idx.stream().mapToDouble(i -> predicted[i]).toArray();
            out(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.0f%% | %.1f |", cat, idx.size(),
                    java.util.Arrays.stream(h).average().orElse(0), java.util.Arrays.stream(p).average().orElse(0),
                    EvalStats.mae(h, p), 100 * EvalStats.agreement(h, p, 1.0), java.util.Arrays.stream(p).max().orElse(0)));
        }
        out("");
        if (Boolean.getBoolean("grading.verbose")) {
            for (int i = 0; i < answers.size(); i++) {
                AnswerSet.Answer a = answers.get(i);
                if (Math.abs(a.score() - predicted[i]) >= 1.5) {
                    out(String.format(Locale.ROOT, "  off by %.1f: %s %s [%s] human %.1f grader %.1f flags %s", predicted[i] - a.score(),
                            a.id(), a.questionId(), a.category(), a.score(), predicted[i], grades.get(i).flags()));
                }
            }
        }
        return m;
    }

    /** Isotonic mapping from coverage to score and the wrong-statement penalty, on the train split only. */
    private GraderModel fitMapping(GradingFixture f, List<AnswerSet.Answer> answers, List<RubricGrader.Analysis> analyses,
                                   GraderModel m) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            AnswerSet.Answer a = answers.get(i);
            RubricGrader.Analysis an = analyses.get(i);
            if (!a.split().equals("train") || an.spans().isEmpty()) {
                continue;
            }
            java.util.Set<Flag> flags = java.util.EnumSet.copyOf(an.screen().flags().isEmpty() ? java.util.EnumSet.of(Flag.NO_RUBRIC)
                    : an.screen().flags());
            if (flags.contains(Flag.KEYWORD_LIST) || flags.contains(Flag.NON_ANSWER) || flags.contains(Flag.GIBBERISH)) {
                continue; // scores set by a cap, not by coverage
            }
            List<RubricGrader.MisconceptionHitAt> hits = RubricGrader.hits(an, m);
            List<Span> wrong = hits.stream().map(h -> h.evidence().span()).toList();
            List<RubricGrader.PointOutcome> outcomes = RubricGrader.outcomes(an.points(), m, wrong);
            long negated = outcomes.stream().filter(RubricGrader.PointOutcome::negated).count();
            if (hits.isEmpty() && negated == 0) {
                xs.add(RubricGrader.coverage(outcomes));
                ys.add(a.score());
            }
        }
        double[][] knots = EvalStats.isotonic(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), 8);
        double[] kx = new double[knots[0].length + 2];
        double[] ky = new double[knots[1].length + 2];
        kx[0] = 0;
        ky[0] = 0; // nothing stated is nothing earned
        System.arraycopy(knots[0], 0, kx, 1, knots[0].length);
        System.arraycopy(knots[1], 0, ky, 1, knots[1].length);
        kx[kx.length - 1] = 1;
        ky[ky.length - 1] = Grade.MAX; // every point stated with full confidence is full marks
        GraderModel mapped = m.withMapping(kx, ky);
        // the penalty for each wrong statement: the value that minimises train MAE
        double bestPenalty = mapped.wrongPenalty();
        double bestMae = Double.MAX_VALUE;
        // at least half a point: a wrong statement must cost something, whatever the train split says
        for (double pen = 0.5; pen <= 3.01; pen += 0.25) {
            GraderModel candidate = mapped.withPenalty(pen);
            double mae = trainMae(f, answers, analyses, candidate);
            if (mae < bestMae) {
                bestMae = mae;
                bestPenalty = pen;
            }
        }
        GraderModel penalised = mapped.withPenalty(bestPenalty);
        // the brevity cap (0 = off): the value that minimises train MAE
        double bestBrevity = 0;
        bestMae = trainMae(f, answers, analyses, penalised.withBrevity(0));
        for (double b : new double[] {1.5, 2, 2.5, 3, 4, 5, 6}) {
            double mae = trainMae(f, answers, analyses, penalised.withBrevity(b));
            if (mae < bestMae - 1e-9) {
                bestMae = mae;
                bestBrevity = b;
            }
        }
        return penalised.withBrevity(bestBrevity);
    }

    private static double trainMae(GradingFixture f, List<AnswerSet.Answer> answers, List<RubricGrader.Analysis> analyses,
                                   GraderModel m) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).split().equals("train")) {
                sum += Math.abs(f.grader.decide(analyses.get(i), m).score() - answers.get(i).score());
                n++;
            }
        }
        return sum / n;
    }

    private static String metricsRow(String name, List<AnswerSet.Answer> answers, double[] predicted,
                                     java.util.function.Predicate<AnswerSet.Answer> which) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (which.test(answers.get(i))) {
                idx.add(i);
            }
        }
        double[] h = idx.stream().mapToDouble(i -> answers.get(i).score()).toArray();
        double[] p = idx.stream().mapToDouble(i -> predicted[i]).toArray();
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.2f | %.0f%% | %.0f%% |", name, idx.size(),
                EvalStats.pearson(h, p), EvalStats.spearman(h, p), EvalStats.mae(h, p), 100 * EvalStats.agreement(h, p, 0),
                100 * EvalStats.agreement(h, p, 1.0));
    }

    private static double[] trainOnly(List<ScientsBank.Analysed> a, double[] scores) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).item().split().equals("train")) {
                out.add(scores[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean[] trainTruth(List<ScientsBank.Analysed> a) {
        List<ScientsBank.Analysed> train = a.stream().filter(x -> x.item().split().equals("train")).toList();
        boolean[] out = new boolean[train.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = train.get(i).item().correct();
        }
        return out;
    }
}
