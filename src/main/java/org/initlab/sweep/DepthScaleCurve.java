package org.initlab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleUnaryOperator;
import org.initlab.core.init.BiasInit;
import org.initlab.settings.SweepAxis;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.Phi;

/**
 * The depth theory's trainable depth over a depth × σ_w² sweep: L = 6 ξ_c(σ_w², σ_b²) (Schoenholz et al.
 * 2017 train networks to about 6 ξ_c layers), for the sweep's activation and σ_b² (the bias rule's: N(0, s)
 * is σ_b² = s², zeros 0), computed by {@link MeanField}. Depth is counted in hidden layers.
 *
 * <p>The curve is given in the heat map's <em>grid coordinates</em>: column i and row j are the centres of
 * the cells of the i-th value of the first swept parameter and the j-th of the second, values in between
 * placed by linear interpolation between neighbouring cells. It is clipped to the values swept (from the
 * first cell's centre to the last's on each axis): ξ_c is infinite on the critical line, where the curve
 * leaves through the top and may come back; each visible stretch is one piece, its ends on the edges found
 * by bisection on σ_w².
 */
public final class DepthScaleCurve {
    /** The multiple of ξ_c drawn. */
    public static final double MULTIPLE = 6;
    /** Samples of σ_w² from one column's centre to the next. */
    public static final int SAMPLES_PER_CELL = 8;

    /** Pieces of {x, y} points in grid coordinates; the theory's σ_b² and activation, for the legend. */
    public record Curve(List<List<double[]>> pieces, Phi phi, double sigmaB2, double criticalSigmaW2) {}

    private DepthScaleCurve() {}

    /** Whether a plan has a curve: depth and σ_w² swept (either order), a mean-field bias rule, each axis with at least two values in rising or falling order. */
    public static boolean applies(SweepPlan plan) {
        return wAxis(plan) >= 0
                && sigmaB2(plan.base().bias()) >= 0
                && monotone(plan.values().get(0))
                && monotone(plan.values().get(1));
    }

    /** The curve; empty when it does not apply or when cancelled. Takes about 50–150 ms per σ_w² sample: call it off the FX thread. */
    public static Optional<Curve> compute(SweepPlan plan, BooleanSupplier cancelled) {
        if (!applies(plan)) return Optional.empty();
        int wi = wAxis(plan), di = 1 - wi;
        List<Double> ws = plan.values().get(wi), ds = plan.values().get(di);
        Phi phi = Phi.of(plan.base().activation());
        double b2 = sigmaB2(plan.base().bias());
        DoubleUnaryOperator wAt = pos -> interpolate(ws, pos);
        // The row of a depth: the inverse of the depth axis's piecewise-linear map.
        DoubleUnaryOperator rowOf = depth -> inverse(ds, depth);
        DoubleUnaryOperator yAt = pos -> {
            double w = wAt.applyAsDouble(pos);
            if (!(w > 0)) return Double.NaN;
            double xi = new MeanField(phi, w, b2).correlation().depthScale();
            return Double.isInfinite(xi) ? Double.POSITIVE_INFINITY : rowOf.applyAsDouble(MULTIPLE * xi);
        };
        // The span of the values swept: from the first to the last cell's centre on each axis (beyond them a
        // categorical axis says nothing about depth or σ_w²).
        double lo = 0, hi = ws.size() - 1, yLo = 0, yHi = ds.size() - 1;
        List<Double> positions = new ArrayList<>();
        int n = SAMPLES_PER_CELL * (ws.size() - 1); // every cell centre is a sample
        for (int k = 0; k <= n; k++) positions.add(lo + (hi - lo) * k / n);
        double crit = MeanField.criticalSigmaW2(phi, b2);
        double critPos = Double.isFinite(crit) ? inverse(ws, crit) : Double.NaN;
        if (critPos > lo && critPos < hi) {
            positions.add(critPos);
            positions.sort(Double::compare);
        }
        List<List<double[]>> pieces = new ArrayList<>();
        List<double[]> piece = new ArrayList<>();
        double prevX = Double.NaN, prevY = Double.NaN;
        for (double x : positions) {
            if (cancelled.getAsBoolean()) return Optional.empty();
            double y = x == critPos ? Double.POSITIVE_INFINITY : yAt.applyAsDouble(x);
            boolean in = y >= yLo && y <= yHi;
            boolean prevIn = prevY >= yLo && prevY <= yHi;
            if (!Double.isNaN(prevX) && !Double.isNaN(prevY) && !Double.isNaN(y) && in != prevIn) {
                // The curve crosses an edge between the two samples: find where, by bisection on the position.
                double edge = in ? (prevY > yHi ? yHi : yLo) : (y > yHi ? yHi : yLo);
                double a = prevX, b = x;
                for (int it = 0; it < 12; it++) {
                    double m = (a + b) / 2, ym = yAt.applyAsDouble(m);
                    boolean mIn = ym >= yLo && ym <= yHi;
                    if (mIn == prevIn) a = m;
                    else b = m;
                }
                double cx = prevIn ? a : b;
                piece.add(new double[] {cx, edge});
                if (!in) {
                    pieces.add(piece);
                    piece = new ArrayList<>();
                }
            }
            if (in) piece.add(new double[] {x, y});
            else if (piece.size() > 0 && Double.isNaN(y)) {
                pieces.add(piece);
                piece = new ArrayList<>();
            }
            prevX = x;
            prevY = y;
        }
        if (!piece.isEmpty()) pieces.add(piece);
        pieces.removeIf(p -> p.size() < 2);
        if (wi == 1)
            for (List<double[]> p : pieces) for (double[] pt : p) swap(pt); // σ_w² on the rows, depth on the columns
        return Optional.of(new Curve(List.copyOf(pieces), phi, b2, crit));
    }

    private static void swap(double[] p) {
        double t = p[0];
        p[0] = p[1];
        p[1] = t;
    }

    /** Which axis (0 or 1) is σ_w² when the other is depth; −1 otherwise. */
    static int wAxis(SweepPlan plan) {
        List<SweepAxis> a = plan.axes();
        if (a.size() != 2) return -1;
        if (a.get(0) == SweepAxis.SIGMA_W2 && a.get(1) == SweepAxis.DEPTH) return 0;
        if (a.get(1) == SweepAxis.SIGMA_W2 && a.get(0) == SweepAxis.DEPTH) return 1;
        return -1;
    }

    /** The σ_b² of a bias rule in the mean-field sense: s² for N(0, s), 0 for zeros, −1 for a constant (not a random bias). */
    static double sigmaB2(BiasInit b) {
        return switch (b.kind()) {
            case NORMAL -> b.value() * b.value();
            case ZEROS -> 0;
            case CONSTANT -> b.value() == 0 ? 0 : -1;
        };
    }

    static boolean monotone(List<Double> v) {
        if (v.size() < 2) return false;
        boolean up = v.get(1) > v.get(0);
        for (int i = 1; i < v.size(); i++)
            if (up ? !(v.get(i) > v.get(i - 1)) : !(v.get(i) < v.get(i - 1))) return false;
        return true;
    }

    /** The value at a fractional cell position: linear between neighbouring cells. */
    static double interpolate(List<Double> v, double pos) {
        int i = (int) Math.floor(pos);
        i = Math.max(0, Math.min(v.size() - 2, i));
        return v.get(i) + (pos - i) * (v.get(i + 1) - v.get(i));
    }

    /** The fractional cell position of a value (the inverse of {@link #interpolate} on monotone values). */
    static double inverse(List<Double> v, double value) {
        boolean up = v.get(1) > v.get(0);
        int i = 0;
        while (i < v.size() - 2 && (up ? value > v.get(i + 1) : value < v.get(i + 1))) i++;
        return i + (value - v.get(i)) / (v.get(i + 1) - v.get(i));
    }
}
