package org.initlab.theory.meanfield;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.LsuvInit;
import org.initlab.core.init.WeightInit;

/**
 * χ₁ over a grid of (σ_w², σ_b²) for one activation, with the critical line χ₁ = 1: the phase diagram of
 * Poole et al. and Schoenholz et al. Cell (i, j) is at σ_w² = xMax·(i + ½)/nx, σ_b² = yMax·(j + ½)/ny.
 */
public record PhaseDiagram(
        Phi phi, double xMax, double yMax, double[][] chi1, double[][] depthScale, List<double[]> criticalLine) {
    /** The σ_w² and σ_b² ranges drawn for each activation (sigmoid's critical line lies far to the right). */
    public static double xMaxFor(Phi phi) {
        return switch (phi) {
            case SIGMOID -> 40;
            case TANH, RELU -> 4;
            case LINEAR -> 2;
        };
    }

    public static double yMaxFor(Phi phi) {
        return phi == Phi.SIGMOID ? 4 : 0.5;
    }

    /** Null when cancelled. */
    public static PhaseDiagram compute(Phi phi, int nx, int ny, int lineSteps, BooleanSupplier cancelled) {
        double xMax = xMaxFor(phi), yMax = yMaxFor(phi);
        double[][] chi = new double[nx][ny], xi = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            if (cancelled.getAsBoolean()) return null;
            for (int j = 0; j < ny; j++) {
                MeanField mf = new MeanField(phi, xMax * (i + 0.5) / nx, yMax * (j + 0.5) / ny);
                chi[i][j] = mf.chi1();
                xi[i][j] = mf.depthScale();
            }
        }
        List<double[]> line = new ArrayList<>();
        for (int k = 0; k <= lineSteps; k++) {
            if (cancelled.getAsBoolean()) return null;
            double b = yMax * k / lineSteps;
            double w = MeanField.criticalSigmaW2(phi, b);
            if (Double.isFinite(w)) line.add(new double[] {w, b});
        }
        return new PhaseDiagram(phi, xMax, yMax, chi, xi, List.copyOf(line));
    }

    /** A catalogue scheme as a point: σ_w² = n·std(n, n)² for a square layer of width n. */
    public record SchemePoint(String id, double sigmaW2) {}

    /** Every catalogue scheme with a fixed σ_w² (LSUV is data-dependent and has none; zeros sits at 0). */
    public static List<SchemePoint> schemes(int width) {
        List<SchemePoint> out = new ArrayList<>();
        for (WeightInit w : InitCatalog.all()) {
            if (w instanceof LsuvInit) continue;
            double s = w.std(width, width);
            out.add(new SchemePoint(w.id(), width * s * s));
        }
        return out;
    }
}
