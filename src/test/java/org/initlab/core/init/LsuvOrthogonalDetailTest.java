package org.initlab.core.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.junit.jupiter.api.Test;

/** LSUV's scaling loop and the orthogonal scheme's QR, each against a small computation done here. */
class LsuvOrthogonalDetailTest {
    private static Mlp net(Activation act, int... sizes) {
        return new Mlp(new NetworkSpec(sizes, act, OutputLayer.SIGMOID, Loss.QUADRATIC));
    }

    private static double[] forward(double[] a, int rows, int in, float[] w, float[] b, int out) {
        double[] z = new double[rows * out];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < out; j++) {
                double v = b[j];
                for (int i = 0; i < in; i++) v += a[r * in + i] * w[i * out + j];
                z[r * out + j] = v;
            }
        return z;
    }

    private static double var(double[] z) {
        double m = 0, s = 0;
        for (double v : z) m += v;
        m /= z.length;
        for (double v : z) s += (v - m) * (v - m);
        return s / z.length;
    }

    @Test
    void varianceIsPopulationVarianceOfAllValues() {
        assertEquals(1.25, LsuvInit.variance(new float[] {1, 2, 3, 4}), 1e-15);
        assertEquals(4, LsuvInit.variance(new float[] {-1, 3}), 1e-15);
        assertEquals(0, LsuvInit.variance(new float[] {5, 5, 5}), 1e-15);
        assertEquals(2.0 / 9, LsuvInit.variance(new float[] {0, 0, 1}), 1e-15);
    }

    @Test
    void everyLayerEndsAtUnitVarianceWithItsOwnForwardPass() {
        Mlp net = net(Activation.TANH, 3, 4, 2);
        SplittableRandom rng = new SplittableRandom(3);
        for (int l = 0; l < 2; l++) {
            float[] w = net.weights(l), b = net.biases(l);
            for (int i = 0; i < w.length; i++) w[i] = (float) (5 * rng.nextGaussian());
            for (int i = 0; i < b.length; i++) b[i] = (float) (0.3 * (i + 1) * (l == 0 ? 1 : -1));
        }
        float[] bias0 = net.biases(0).clone();
        int rows = 6;
        float[] batch = new float[rows * 3];
        for (int i = 0; i < batch.length; i++) batch[i] = i % 4 == 0 ? 0 : (float) (2 * rng.nextGaussian() + 1);
        LsuvInit.Report rep = LsuvInit.scale(net, batch, rows);
        assertArrayEquals(bias0, net.biases(0)); // only weights are scaled
        double[] a = new double[batch.length];
        for (int i = 0; i < a.length; i++) a[i] = batch[i];
        int[] sizes = {3, 4, 2};
        for (int l = 0; l < 2; l++) {
            double[] z = forward(a, rows, sizes[l], net.weights(l), net.biases(l), sizes[l + 1]);
            double v = var(z);
            assertEquals(v, rep.variances()[l], 1e-5 * v, "layer " + l);
            assertTrue(Math.abs(v - 1) <= LsuvInit.TOLERANCE + 1e-6, "layer " + l + " var " + v);
            assertTrue(
                    rep.iterations()[l] >= 1 && rep.iterations()[l] < LsuvInit.MAX_ITERATIONS,
                    "tries " + rep.iterations()[l]);
            double[] next = new double[z.length];
            for (int i = 0; i < z.length; i++) next[i] = Math.tanh(z[i]);
            a = next;
        }
    }

    @Test
    void oneScalingSufficesWithoutBiasesAndInToleranceLayersAreLeftAlone() {
        Mlp net = net(Activation.RELU, 2, 3, 1);
        float[] w0 = {3, 0, -3, 3, 3, 0}, w1 = {1, 0.5f, -0.25f}; // [input][unit]
        System.arraycopy(w0, 0, net.weights(0), 0, 6);
        System.arraycopy(w1, 0, net.weights(1), 0, 3);
        float[] batch = {1, 0, 0, 1, 1, 1, -1, 2};
        LsuvInit.Report rep = LsuvInit.scale(net, batch, 4);
        // Without biases var(z) scales by s², so one try lands on 1 (up to float rounding).
        assertEquals(1, rep.iterations()[0]);
        assertEquals(1, rep.variances()[0], 1e-6);
        double[] z0 = forward(new double[] {1, 0, 0, 1, 1, 1, -1, 2}, 4, 2, w0, new float[3], 3);
        float s = (float) (1 / Math.sqrt(var(z0)));
        for (int i = 0; i < 6; i++) assertEquals(w0[i] * s, net.weights(0)[i], 0);
        // Layer 2's input is relu of layer 1's output: checked by its variance against a pass done here.
        double[] z0s = forward(new double[] {1, 0, 0, 1, 1, 1, -1, 2}, 4, 2, net.weights(0), new float[3], 3);
        for (int i = 0; i < z0s.length; i++) z0s[i] = Math.max(0, z0s[i]);
        assertEquals(var(forward(z0s, 4, 3, net.weights(1), new float[1], 1)), rep.variances()[1], 1e-5);

        Mlp ok = net(Activation.TANH, 1, 2, 1);
        float[] wOk = {1, 1.02f};
        System.arraycopy(wOk, 0, ok.weights(0), 0, 2);
        ok.weights(1)[0] = 1;
        ok.weights(1)[1] = 0;
        LsuvInit.Report r2 = LsuvInit.scale(ok, new float[] {1, -1}, 2);
        assertEquals(0, r2.iterations()[0]);
        assertEquals((1 + 1.02f * 1.02f) / 2, r2.variances()[0], 1e-6);
        assertArrayEquals(wOk, ok.weights(0));
    }

    @Test
    void givesUpAfterTenTriesAndStopsOnZeroVariance() {
        Mlp net = net(Activation.TANH, 1, 2, 1);
        net.biases(0)[0] = 3;
        net.biases(0)[1] = -3; // weights zero: var(z) = 9 whatever the scaling
        LsuvInit.Report rep = LsuvInit.scale(net, new float[] {1, 2}, 2);
        assertEquals(LsuvInit.MAX_ITERATIONS, rep.iterations()[0]);
        assertEquals(9, rep.variances()[0], 1e-12);
        // Layer 2 sees a constant per unit and has zero weights and bias: variance 0, stop at once, no NaN.
        assertEquals(0, rep.iterations()[1]);
        assertEquals(0, rep.variances()[1], 0);
        assertEquals(0, net.weights(1)[0], 0);
        assertEquals(0, net.weights(1)[1], 0);
    }

    @Test
    void lsuvNames() {
        LsuvInit l = new LsuvInit();
        assertEquals("lsuv", l.id());
        assertEquals(1, l.gain(), 0);
        assertTrue(l.formula().contains("0.1"));
    }

    /** Modified Gram–Schmidt on a column-major m × n matrix: the Q whose R has a positive diagonal. */
    private static double[][] gramSchmidt(double[] g, int m, int n) {
        double[][] q = new double[n][m];
        for (int c = 0; c < n; c++) {
            double[] v = new double[m];
            for (int r = 0; r < m; r++) v[r] = g[c * m + r];
            for (int k = 0; k < c; k++) {
                double d = 0;
                for (int r = 0; r < m; r++) d += q[k][r] * v[r];
                for (int r = 0; r < m; r++) v[r] -= d * q[k][r];
            }
            double norm = 0;
            for (double x : v) norm += x * x;
            norm = Math.sqrt(norm);
            for (int r = 0; r < m; r++) q[c][r] = v[r] / norm;
        }
        return q; // q[column][row]
    }

    @Test
    void semiOrthogonalIsTheSignFixedQInEachShape() {
        for (int[] s : new int[][] {{4, 4}, {5, 3}, {3, 5}, {6, 1}, {1, 6}}) {
            int fanIn = s[0], fanOut = s[1], m = Math.max(fanIn, fanOut), n = Math.min(fanIn, fanOut);
            SplittableRandom a = new SplittableRandom(21), b = new SplittableRandom(21);
            double[] w = OrthogonalInit.semiOrthogonal(fanIn, fanOut, a);
            double[] g = new double[m * n];
            for (int i = 0; i < g.length; i++) g[i] = b.nextGaussian();
            double[][] q = gramSchmidt(g, m, n);
            assertEquals(fanIn * fanOut, w.length);
            for (int r = 0; r < m; r++)
                for (int c = 0; c < n; c++) {
                    double got = fanIn >= fanOut ? w[r * fanOut + c] : w[c * fanOut + r];
                    assertEquals(q[c][r], got, 1e-10, fanIn + "x" + fanOut + " at " + r + "," + c);
                }
        }
    }

    @Test
    void fillScalesByTheGainAndStdFollowsTheLargerFan() {
        OrthogonalInit o = new OrthogonalInit(2.5);
        assertEquals(2.5, o.gain(), 0);
        assertEquals(2.5 / Math.sqrt(5), o.std(3, 5), 1e-15);
        assertEquals(2.5 / Math.sqrt(5), o.std(5, 3), 1e-15);
        assertEquals("orthogonal", o.toString());
        float[] w = new float[12];
        o.fill(w, 4, 3, new SplittableRandom(4));
        double[] q = OrthogonalInit.semiOrthogonal(4, 3, new SplittableRandom(4));
        for (int i = 0; i < 12; i++) assertEquals((float) (2.5 * q[i]), w[i], 0);
        float[] z = new float[6];
        new OrthogonalInit(0).fill(z, 2, 3, new SplittableRandom(1));
        for (float v : z) assertEquals(0, v, 0);
        assertEquals(1, new OrthogonalInit().gain(), 0);
        for (double bad : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new OrthogonalInit(bad));
        }
    }
}
