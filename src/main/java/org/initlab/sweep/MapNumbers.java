package org.initlab.sweep;

import java.util.List;
import java.util.Optional;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.Phi;

/**
 * The numbers a finished depth × σ_w² map gives a lesson to quote: its cells, the critical σ_w², and at each
 * training time (a chosen step, or the end) the agreement with depth &lt; 6 ξ_c, the cells trained and the
 * deepest trained depth of a column. Plain data over {@link DepthAgreement}, one computation per sweep.
 */
public final class MapNumbers {
    private final List<Double> sigmaW2;
    private final List<DepthAgreement.Agreement> times;
    private final double critical;
    private final List<Integer> steps;

    private MapNumbers(SweepPlan plan, List<DepthAgreement.Agreement> times, double critical) {
        this.times = times;
        this.steps = plan.evalSteps();
        this.sigmaW2 = plan.values().get(DepthScaleCurve.wAxis(plan));
        this.critical = critical;
    }

    /** The numbers of a depth × σ_w² map ({@link DepthAgreement#applies}); empty for other sweeps. */
    public static Optional<MapNumbers> of(SweepPlan plan, List<SweepResult> results) {
        if (!DepthAgreement.applies(plan)) return Optional.empty();
        return of(
                plan,
                results,
                DepthAgreement.trainableDepths(plan),
                MeanField.criticalSigmaW2(
                        Phi.of(plan.base().activation()),
                        DepthScaleCurve.sigmaB2(plan.base().bias())));
    }

    /** The same with the theory computed already (the window's, off the FX thread): 6 ξ_c per cell and the critical σ_w². */
    public static Optional<MapNumbers> of(
            SweepPlan plan, List<SweepResult> results, double[] trainableDepths, double criticalSigmaW2) {
        if (!DepthAgreement.applies(plan)) return Optional.empty();
        return Optional.of(new MapNumbers(plan, DepthAgreement.of(plan, results, trainableDepths), criticalSigmaW2));
    }

    /** The training times: the chosen steps, then the end; time {@link #end()} is the end. */
    public int end() {
        return times.size() - 1;
    }

    /** The first chosen step (the end when none was chosen): the map's earliest time. */
    public int firstStep() {
        return steps.isEmpty() ? -1 : steps.get(0);
    }

    public int cells() {
        return times.get(0).cells().size();
    }

    /** The critical σ_w² (χ₁ = 1) for the sweep's activation and σ_b². */
    public double criticalSigmaW2() {
        return critical;
    }

    /** The share of measured cells (in %) where "trained" matches "depth &lt; 6 ξ_c" at time {@code t}; NaN when none is measured. */
    public double agreementPercent(int t) {
        return 100 * times.get(t).share();
    }

    /** The cells trained (mean accuracy above {@link DepthAgreement#TRAINED_PERCENT}) at time {@code t}. */
    public int trained(int t) {
        return (int) times.get(t).cells().stream()
                .filter(c -> c.measured() && c.trained())
                .count();
    }

    /** The σ_w² column nearest the critical σ_w². */
    public int criticalColumn() {
        int best = 0;
        for (int i = 1; i < sigmaW2.size(); i++)
            if (Math.abs(sigmaW2.get(i) - critical) < Math.abs(sigmaW2.get(best) - critical)) best = i;
        return best;
    }

    /** The last σ_w² column (the first is 0). */
    public int lastColumn() {
        return sigmaW2.size() - 1;
    }

    /** The deepest trained depth in column {@code column} (σ_w² index) at time {@code t}; 0 when no depth trained. */
    public int deepestTrained(int column, int t) {
        double w = sigmaW2.get(column);
        return times.get(t).cells().stream()
                .filter(c -> c.sigmaW2() == w && c.measured() && c.trained())
                .mapToInt(DepthAgreement.Cell::depth)
                .max()
                .orElse(0);
    }

    /** 6 ξ_c, the theory's trainable depth, in column {@code column}. */
    public double trainableDepth(int column) {
        double w = sigmaW2.get(column);
        return times.get(0).cells().stream()
                .filter(c -> c.sigmaW2() == w)
                .findFirst()
                .orElseThrow()
                .trainableDepth();
    }

    /** Whether every cell has a measured accuracy at the end. */
    public boolean complete() {
        return times.get(end()).measured() == cells();
    }
}
