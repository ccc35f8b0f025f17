package dev.interviewloop.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Agreement of a grader's scores with human labels: correlation and error on the 0-5 scale, F1 on correct/incorrect. */
final class Agreement {

    private final List<double[]> pairs = new ArrayList<>();

    void add(double predicted, double human) {
        pairs.add(new double[] {predicted, human});
    }

    int size() {
        return pairs.size();
    }

    double pearson() {
        int n = pairs.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    double meanAbsoluteError() {
        return pairs.stream().mapToDouble(p -> Math.abs(p[0] - p[1])).average().orElse(Double.NaN);
    }

    /** Share of scores within {@code tolerance} of the human score. */
    double within(double tolerance) {
        return pairs.stream().filter(p -> Math.abs(p[0] - p[1]) <= tolerance + 1e-9).count() / (double) pairs.size();
    }

    /** Predicted and human labels as correct (score at or above {@code threshold}) or not: accuracy, weighted F1, macro F1. */
    double[] binary(double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (double[] p : pairs) {
            boolean predicted = p[0] >= threshold;
            boolean human = p[1] >= threshold;
            if (predicted && human) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (human) {
                fn++;
            } else {
                tn++;
            }
        }
        int n = tp + fp + fn + tn;
        double f1Pos = f1(tp, fp, fn);
        double f1Neg = f1(tn, fn, fp);
        double weighted = ((tp + fn) * f1Pos + (tn + fp) * f1Neg) / n;
        return new double[] {(tp + tn) / (double) n, weighted, (f1Pos + f1Neg) / 2};
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    String summary(double threshold) {
        double[] b = binary(threshold);
        return String.format(Locale.ROOT, "n=%d pearson=%.3f mae=%.2f within0.5=%.2f within1=%.2f acc=%.3f wF1=%.3f macroF1=%.3f",
                size(), pearson(), meanAbsoluteError(), within(0.5), within(1.0), b[0], b[1], b[2]);
    }
}
