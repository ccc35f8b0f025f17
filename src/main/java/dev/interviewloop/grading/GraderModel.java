package dev.interviewloop.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The rubric grader's few numbers: how signals combine into a key-point match, the verdict
 * thresholds, and the monotone mapping from weighted coverage to the 0-5 score. Fitted on the
 * training splits only (see BENCHMARKS.md) and shipped as {@code grading/grader-model.properties}.
 *
 * @param point logistic weights of a key point's match: intercept, cosine to the point, best cosine to
 *              one of its facets, idf-weighted lexical coverage of the point, of its best facet, a cue phrase,
 *              specificity (cosine to this point minus the mean cosine to the rubric's other points)
 * @param covered the match probability from which a point is covered
 * @param partly the match probability from which a point is partly covered
 * @param misconception the match probability from which a misconception counts as stated
 * @param knotsX coverage values (0..1, increasing) of the score mapping
 * @param knotsY scores (0..5, non-decreasing) at those coverage values; linear in between
 * @param wrongPenalty points taken off for each misconception or reversed key statement
 * @param offTopic the relevance below which an answer is off-topic
 * @param exemplarWeight how much graded exemplar answers, when given, weigh against the rubric
 * @param brevity an answer with a share r of the rubric's content stems scores at most 5 * min(1, brevity * r):
 *                four words cannot state five points (0 turns the cap off)
 */
public record GraderModel(double[] point, double covered, double partly, double misconception, double[] knotsX,
                          double[] knotsY, double wrongPenalty, double offTopic, double exemplarWeight, double brevity) {

    public static final String RESOURCE = "grading/grader-model.properties";

    public static GraderModel defaults() {
        return new GraderModel(new double[] {-6.5, 3.0, 6.0, 1.5, 2.0, 1.5, 0.0}, 0.6, 0.35, 0.7,
                new double[] {0, 0.1, 0.8, 1}, new double[] {0, 0, 5, 5}, 1.0, 0.3, 0.5, 0);
    }

    /** The shipped model, or the defaults when none is shipped. */
    public static GraderModel load() {
        try (InputStream in = GraderModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return defaults();
            }
            Properties p = new Properties();
            p.load(in);
            GraderModel d = defaults();
            return new GraderModel(java.util.Arrays.copyOf(array(p, "point", d.point), d.point.length), number(p, "covered", d.covered), number(p, "partly", d.partly),
                    number(p, "misconception", d.misconception), array(p, "knotsX", d.knotsX), array(p, "knotsY", d.knotsY),
                    number(p, "wrongPenalty", d.wrongPenalty), number(p, "offTopic", d.offTopic),
                    number(p, "exemplarWeight", d.exemplarWeight), number(p, "brevity", d.brevity));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public void store(Path file, String comment) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : comment.split("\n")) {
                w.write("# " + line + "\n");
            }
            w.write("point=" + join(point) + "\n");
            w.write("covered=" + fmt(covered) + "\n");
            w.write("partly=" + fmt(partly) + "\n");
            w.write("misconception=" + fmt(misconception) + "\n");
            w.write("knotsX=" + join(knotsX) + "\n");
            w.write("knotsY=" + join(knotsY) + "\n");
            w.write("wrongPenalty=" + fmt(wrongPenalty) + "\n");
            w.write("offTopic=" + fmt(offTopic) + "\n");
            w.write("exemplarWeight=" + fmt(exemplarWeight) + "\n");
            w.write("brevity=" + fmt(brevity) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The score (0..5) for a weighted coverage (0..1), before penalties and caps. */
    public double mapCoverage(double coverage) {
        if (coverage <= knotsX[0]) {
            return knotsY[0];
        }
        for (int i = 1; i < knotsX.length; i++) {
            if (coverage <= knotsX[i]) {
                double t = (coverage - knotsX[i - 1]) / Math.max(1e-9, knotsX[i] - knotsX[i - 1]);
                return knotsY[i - 1] + t * (knotsY[i] - knotsY[i - 1]);
            }
        }
        return knotsY[knotsY.length - 1];
    }

    /** The probability that a span states a point, from its signals. */
    public double match(double sim, double simFacet, double lex, double lexFacet, double cue, double specific) {
        double z = point[0] + point[1] * sim + point[2] * simFacet + point[3] * lex + point[4] * lexFacet + point[5] * cue
                + (point.length > 6 ? point[6] * specific : 0);
        return 1 / (1 + Math.exp(-z));
    }

    public GraderModel withPoint(double[] p) {
        return new GraderModel(p, covered, partly, misconception, knotsX, knotsY, wrongPenalty, offTopic, exemplarWeight, brevity);
    }

    public GraderModel withThresholds(double c, double p) {
        return new GraderModel(point, c, p, misconception, knotsX, knotsY, wrongPenalty, offTopic, exemplarWeight, brevity);
    }

    public GraderModel withMapping(double[] x, double[] y) {
        return new GraderModel(point, covered, partly, misconception, x, y, wrongPenalty, offTopic, exemplarWeight, brevity);
    }

    public GraderModel withPenalty(double penalty) {
        return new GraderModel(point, covered, partly, misconception, knotsX, knotsY, penalty, offTopic, exemplarWeight, brevity);
    }

    public GraderModel withMisconception(double m) {
        return new GraderModel(point, covered, partly, m, knotsX, knotsY, wrongPenalty, offTopic, exemplarWeight, brevity);
    }

    public GraderModel withOffTopic(double o) {
        return new GraderModel(point, covered, partly, misconception, knotsX, knotsY, wrongPenalty, o, exemplarWeight, brevity);
    }

    public GraderModel withExemplarWeight(double e) {
        return new GraderModel(point, covered, partly, misconception, knotsX, knotsY, wrongPenalty, offTopic, e, brevity);
    }

    public GraderModel withBrevity(double b) {
        return new GraderModel(point, covered, partly, misconception, knotsX, knotsY, wrongPenalty, offTopic, exemplarWeight, b);
    }

    /** The highest score an answer with this share of the rubric's content stems can get. */
    public double brevityCap(double share) {
        return brevity <= 0 ? Grade.MAX : Grade.MAX * Math.min(1, brevity * share);
    }

    private static double number(Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        return v == null ? fallback : Double.parseDouble(v.strip());
    }

    private static double[] array(Properties p, String key, double[] fallback) {
        String v = p.getProperty(key);
        return v == null ? fallback : Arrays.stream(v.split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
    }

    private static String join(double[] a) {
        return Arrays.stream(a).mapToObj(GraderModel::fmt).collect(Collectors.joining(","));
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    @Override
    public String toString() {
        return "point=" + join(point) + " covered=" + fmt(covered) + " partly=" + fmt(partly) + " misconception="
                + fmt(misconception) + " knots=" + join(knotsX) + "->" + join(knotsY) + " wrongPenalty=" + fmt(wrongPenalty)
                + " offTopic=" + fmt(offTopic) + " exemplarWeight=" + fmt(exemplarWeight) + " brevity=" + fmt(brevity);
    }
}
