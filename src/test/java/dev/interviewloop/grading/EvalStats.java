package dev.interviewloop.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The statistics the grading evaluation reports, and the small fits it makes on training data. */
final class EvalStats {

    private EvalStats() {
    }

    static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    static double mae(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs(x[i] - y[i]);
        }
        return x.length == 0 ? 0 : s / x.length;
    }

    /** Share of pairs within {@code tolerance} of each other (0 = exact agreement). */
    static double agreement(double[] x, double[] y, double tolerance) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i] - y[i]) <= tolerance + 1e-9) {
                n++;
            }
        }
        return x.length == 0 ? 0 : (double) n / x.length;
    }

    /** 2-way weighted F1 (by the support of each true class) of boolean predictions. */
    static double weightedF1(boolean[] truth, boolean[] pred) {
        double total = 0;
        double f1sum = 0;
        for (boolean cls : new boolean[] {true, false}) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int support = 0;
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] == cls) {
                    support++;
                }
                if (pred[i] == cls && truth[i] == cls) {
                    tp++;
                } else if (pred[i] == cls) {
                    fp++;
                } else if (truth[i] == cls) {
                    fn++;
                }
            }
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            f1sum += f1 * support;
            total += support;
        }
        return total == 0 ? 0 : f1sum / total;
    }

    static double accuracy(boolean[] truth, boolean[] pred) {
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == pred[i]) {
                n++;
            }
        }
        return truth.length == 0 ? 0 : (double) n / truth.length;
    }

    /**
     * Logistic regression by gradient descent with a small L2 penalty; returns the weights,
     * intercept first. Features are used as given (callers keep them on similar scales).
     */
    static double[] logistic(List<double[]> x, boolean[] y, double l2, int iterations) {
        int d = x.get(0).length;
        double[] w = new double[d + 1];
        double rate = 0.5;
        for (int it = 0; it < iterations; it++) {
            double[] grad = new double[d + 1];
            for (int i = 0; i < x.size(); i++) {
                double z = w[0];
                double[] xi = x.get(i);
                for (int j = 0; j < d; j++) {
                    z += w[j + 1] * xi[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double e = p - (y[i] ? 1 : 0);
                grad[0] += e;
                for (int j = 0; j < d; j++) {
                    grad[j + 1] += e * xi[j];
                }
            }
            for (int j = 0; j <= d; j++) {
                grad[j] = grad[j] / x.size() + (j > 0 ? l2 * w[j] : 0);
                w[j] -= rate * grad[j];
            }
        }
        return w;
    }

    static double predict(double[] w, double[] x) {
        double z = w[0];
        for (int j = 0; j < x.length; j++) {
            z += w[j + 1] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Isotonic (non-decreasing) regression of y on x by pool-adjacent-violators; returns knots
     * (x values and fitted y) to interpolate between, thinned to at most {@code maxKnots}.
     */
    static double[][] isotonic(double[] x, double[] y, int maxKnots) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(x[a], x[b]));
        List<double[]> blocks = new ArrayList<>(); // {sumY, count, sumX}
        for (int i : idx) {
            blocks.add(new double[] {y[i], 1, x[i]});
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] prev = blocks.get(blocks.size() - 2);
                if (prev[0] / prev[1] > last[0] / last[1]) {
                    prev[0] += last[0];
                    prev[1] += last[1];
                    prev[2] += last[2];
                    blocks.remove(blocks.size() - 1);
                } else {
                    break;
                }
            }
        }
        // merge neighbouring blocks until there are few enough knots, smallest blocks first
        while (blocks.size() > maxKnots) {
            int best = 0;
            double bestSize = Double.MAX_VALUE;
            for (int i = 0; i + 1 < blocks.size(); i++) {
                double size = blocks.get(i)[1] + blocks.get(i + 1)[1];
                if (size < bestSize) {
                    bestSize = size;
                    best = i;
                }
            }
            double[] a = blocks.get(best);
            double[] b = blocks.remove(best + 1);
            a[0] += b[0];
            a[1] += b[1];
            a[2] += b[2];
        }
        double[] kx = new double[blocks.size()];
        double[] ky = new double[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            kx[i] = blocks.get(i)[2] / blocks.get(i)[1];
            ky[i] = blocks.get(i)[0] / blocks.get(i)[1];
        }
        return new double[][] {kx, ky};
    }
}
