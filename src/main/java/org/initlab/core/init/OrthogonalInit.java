package org.initlab.core.init;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Saxe, McClelland and Ganguli (2014): a random orthogonal matrix, the Q of a Gaussian matrix's QR
 * decomposition with the sign correction Q·diag(sign(diag R)) (so Q is Haar-distributed), times a gain.
 * Rectangular layers take the semi-orthogonal part: with fan-in ≥ fan-out the columns are orthonormal
 * (WᵀW = I, W stored {@code [input][unit]}), otherwise the rows are (WWᵀ = I). One weight's variance is then
 * gain²/max(n_in, n_out), so at gain 1 a square layer sits at σ_w² = 1 on the phase diagram.
 *
 * <p>The QR is LAPACK's (ND4J's geqrf, in double precision); the Gaussian entries come from the run's own
 * random stream, so a seed gives the same matrix.
 */
public class OrthogonalInit implements WeightInit {
    private final double gain;

    public OrthogonalInit() {
        this(1.0);
    }

    public OrthogonalInit(double gain) {
        if (!(gain >= 0) || Double.isInfinite(gain))
            throw new IllegalArgumentException("orthogonal gain must be a finite number ≥ 0, got " + gain);
        this.gain = gain;
    }

    public double gain() {
        return gain;
    }

    @Override
    public String id() {
        return "orthogonal";
    }

    @Override
    public String displayName() {
        return "Orthogonal (Saxe et al.)";
    }

    @Override
    public String formula() {
        return "W = Q of QR(N(0,1)), WᵀW = I";
    }

    @Override
    public double std(int fanIn, int fanOut) {
        return gain / Math.sqrt(Math.max(fanIn, fanOut));
    }

    @Override
    public void fill(float[] weights, int fanIn, int fanOut, RandomGenerator rng) {
        double[] q = semiOrthogonal(fanIn, fanOut, rng);
        for (int i = 0; i < weights.length; i++) weights[i] = (float) (gain * q[i]);
    }

    /**
     * A {@code fanIn × fanOut} row-major matrix with orthonormal columns (fanIn ≥ fanOut) or orthonormal rows
     * (fanIn &lt; fanOut), Haar-distributed.
     */
    public static double[] semiOrthogonal(int fanIn, int fanOut, RandomGenerator rng) {
        int m = Math.max(fanIn, fanOut), n = Math.min(fanIn, fanOut);
        double[] g = new double[m * n]; // column-major m × n
        for (int i = 0; i < g.length; i++) g[i] = rng.nextGaussian();
        double[] q = qr(g, m, n);
        double[] w = new double[fanIn * fanOut];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < n; c++) {
                double v = q[c * m + r]; // Q[r][c]
                if (fanIn >= fanOut) w[r * fanOut + c] = v; // W = Q
                else w[c * fanOut + r] = v; // W = Qᵀ
            }
        }
        return w;
    }

    /** Q (column-major m × n, m ≥ n) of the QR of a column-major matrix, with the columns' signs fixed so that diag(R) ≥ 0. */
    static double[] qr(double[] colMajor, int m, int n) {
        synchronized (OrthogonalInit.class) { // LAPACK through ND4J from several training threads: one at a time
            INDArray a = Nd4j.create(colMajor, new long[] {m, n}, 'f')
                    .castTo(DataType.DOUBLE)
                    .dup('f');
            INDArray r = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {n, n}, 'f');
            Nd4j.getBlasWrapper().lapack().geqrf(a, r);
            double[] q = a.dup('f').data().asDouble();
            for (int c = 0; c < n; c++) {
                if (r.getDouble(c, c) < 0) for (int i = 0; i < m; i++) q[c * m + i] = -q[c * m + i];
            }
            return q;
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
