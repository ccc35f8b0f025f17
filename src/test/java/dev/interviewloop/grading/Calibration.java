package dev.interviewloop.grading;

import java.util.ArrayList;
import java.util.List;

/** The fits calibration makes, on training data only. */
final class Calibration {

    private Calibration() {
    }

    /** A point's signals and whether a human judged the point stated. */
    record PointSample(RubricGrader.PointSignals signals, boolean stated) {
    }

    /**
     * Fits the key-point match model (logistic on the best span's signals). The best span depends
     * on the model, so the fit alternates: choose spans under the current model, refit, three times.
     */
    static GraderModel fitPointModel(List<PointSample> samples, GraderModel start) {
        GraderModel m = start.point().length == 7 ? start : start.withPoint(java.util.Arrays.copyOf(start.point(), 7));
        for (int round = 0; round < 3; round++) {
            List<double[]> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            for (PointSample s : samples) {
                RubricGrader.SpanSignals best = null;
                double bestStrength = -1;
                for (RubricGrader.SpanSignals sp : s.signals().spans()) {
                    double st = sp.strength(m);
                    if (st > bestStrength) {
                        bestStrength = st;
                        best = sp;
                    }
                }
                if (best == null) {
                    continue;
                }
                x.add(new double[] {best.sim(), best.simFacet(), best.lex(), best.lexFacet(), best.cue(), best.specific()});
                y.add(s.stated());
            }
            boolean[] labels = new boolean[y.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = y.get(i);
            }
            double[] w = EvalStats.logistic(x, labels, 1e-3, 4000);
            m = m.withPoint(w);
        }
        return m;
    }

    /**
     * Refines the key-point match weights by coordinate descent on a training objective (lower is
     * better), starting from the given model: each weight in turn moves by shrinking steps while
     * the objective improves. Signal weights stay non-negative.
     */
    static GraderModel refinePointModel(GraderModel start, java.util.function.ToDoubleFunction<GraderModel> objective) {
        GraderModel best = start;
        double bestValue = objective.applyAsDouble(start);
        for (double step : new double[] {1.0, 0.5, 0.25, 0.1}) {
            boolean improved = true;
            int rounds = 0;
            while (improved && rounds++ < 4) {
                improved = false;
                for (int j = 0; j < best.point().length; j++) {
                    for (double dir : new double[] {step, -step}) {
                        double[] p = best.point().clone();
                        p[j] += dir;
                        if (j > 0 && p[j] < 0) {
                            continue; // more similarity or overlap must never lower a match
                        }
                        GraderModel candidate = best.withPoint(p);
                        double value = objective.applyAsDouble(candidate);
                        if (value < bestValue - 1e-6) {
                            bestValue = value;
                            best = candidate;
                            improved = true;
                        }
                    }
                }
            }
        }
        return best;
    }
}
