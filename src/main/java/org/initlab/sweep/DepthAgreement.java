package org.initlab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.Phi;

/**
 * How well a depth × σ_w² map agrees with the depth theory (Schoenholz et al. 2017): a cell counts as
 * <em>trained</em> when its runs' mean accuracy on the evaluation set is above {@link #TRAINED_PERCENT}, and
 * as <em>trainable in theory</em> when its depth (hidden layers) is below {@link DepthScaleCurve#MULTIPLE}
 * ξ_c(σ_w², σ_b²) for the sweep's activation and σ_b²; the agreement is the share of measured cells where the
 * two say the same. Measured after each chosen step and after the last epoch. Plain data for the CLI and the window.
 */
public final class DepthAgreement {
    /** Above this accuracy (in percent, on the evaluation set) a cell has trained: five times chance on ten classes. */
    public static final double TRAINED_PERCENT = 50;

    /** One cell: its σ_w², its depth, 6 ξ_c there, its runs' mean accuracy (NaN when no run got there), and the verdicts. */
    public record Cell(double sigmaW2, int depth, double trainableDepth, double meanPercent) {
        public boolean measured() {
            return !Double.isNaN(meanPercent);
        }

        public boolean trained() {
            return meanPercent > TRAINED_PERCENT;
        }

        public boolean trainableInTheory() {
            return depth < trainableDepth;
        }

        public boolean agrees() {
            return trained() == trainableInTheory();
        }
    }

    /**
     * The agreement at one training time: {@code step} is the chosen step, or −1 for the last epoch's end.
     * {@code share} is {@code agreeing / measured}, NaN when no cell was measured.
     */
    public record Agreement(int step, List<Cell> cells, int measured, int agreeing) {
        public double share() {
            return measured == 0 ? Double.NaN : (double) agreeing / measured;
        }

        /** "after step 300: 13 of 16 cells agree (81%)". */
        public String describe() {
            String when = step < 0 ? "after the last epoch" : "after step " + step;
            return String.format(
                    Locale.ROOT, "%s: %d of %d cells agree (%.0f%%)", when, agreeing, measured, 100 * share());
        }
    }

    private DepthAgreement() {}

    /** Whether a plan's map has an agreement: depth × σ_w² with a mean-field bias rule ({@link DepthScaleCurve#applies}). */
    public static boolean applies(SweepPlan plan) {
        return DepthScaleCurve.applies(plan);
    }

    /** The agreement after each chosen step, then after the last epoch; empty when it does not apply. */
    public static List<Agreement> of(SweepPlan plan, List<SweepResult> results) {
        if (!applies(plan)) return List.of();
        return of(plan, results, trainableDepths(plan));
    }

    /**
     * 6 ξ_c per cell of a depth × σ_w² plan, in cell order: the theory once per σ_w² (tenths of a second each,
     * so the window computes it off the FX thread and passes it to {@link #of(SweepPlan, List, double[])}).
     */
    public static double[] trainableDepths(SweepPlan plan) {
        int wi = DepthScaleCurve.wAxis(plan);
        Phi phi = Phi.of(plan.base().activation());
        double b2 = DepthScaleCurve.sigmaB2(plan.base().bias());
        java.util.Map<Double, Double> perSigma = new java.util.HashMap<>();
        double[] out = new double[plan.cells().size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = perSigma.computeIfAbsent(
                    plan.cells().get(c).get(wi),
                    w -> DepthScaleCurve.MULTIPLE
                            * new MeanField(phi, w, b2).correlation().depthScale());
        }
        return out;
    }

    /** The agreement with the cells' 6 ξ_c given ({@link #trainableDepths}); empty when it does not apply. */
    public static List<Agreement> of(SweepPlan plan, List<SweepResult> results, double[] trainableDepths) {
        if (!applies(plan)) return List.of();
        int wi = DepthScaleCurve.wAxis(plan);
        List<Double> trainable = new ArrayList<>();
        for (double t : trainableDepths) trainable.add(t);
        List<Agreement> out = new ArrayList<>();
        List<Integer> steps = plan.evalSteps();
        for (int s = 0; s <= steps.size(); s++) {
            int stepIndex = s;
            List<Cell> cells = new ArrayList<>();
            int measured = 0, agreeing = 0;
            for (int c = 0; c < plan.cells().size(); c++) {
                int cell = c;
                double[] percents = results.stream()
                        .filter(r -> r.run().cell() == cell)
                        .mapToDouble(r -> stepIndex < steps.size() ? r.stepPercent(stepIndex) : r.finalPercent())
                        .toArray();
                // A run that diverged before this time counts as not trained (chance), not as missing.
                double mean = percents.length == 0
                        ? Double.NaN
                        : java.util.Arrays.stream(percents)
                                .map(p -> Double.isNaN(p) ? 0 : p)
                                .average()
                                .orElse(Double.NaN);
                List<Double> values = plan.cells().get(c);
                Cell verdict = new Cell(values.get(wi), (int) Math.round(values.get(1 - wi)), trainable.get(c), mean);
                cells.add(verdict);
                if (verdict.measured()) {
                    measured++;
                    if (verdict.agrees()) agreeing++;
                }
            }
            out.add(new Agreement(s < steps.size() ? steps.get(s) : -1, List.copyOf(cells), measured, agreeing));
        }
        return out;
    }
}
