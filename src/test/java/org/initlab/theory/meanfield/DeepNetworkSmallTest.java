package org.initlab.theory.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.initlab.core.init.OrthogonalInit;
import org.initlab.core.init.WeightInit;
import org.initlab.math.Seeds;
import org.junit.jupiter.api.Test;

/** DeepNetwork on tiny networks against a plain-Java forward and backward pass with the same draws. */
class DeepNetworkSmallTest {
    /** The weights and biases draw() makes, re-drawn here: W[l][in][out], b[l][out]. */
    private static double[][][][] redraw(
            int inputs, int width, int depth, WeightInit scheme, double gain, double sigmaB2, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] w = new double[depth][][], b = new double[depth][][];
        for (int l = 0; l < depth; l++) {
            int in = l == 0 ? inputs : width;
            float[] f = new float[in * width];
            scheme.fill(f, in, width, rng.split());
            w[l] = new double[in][width];
            for (int i = 0; i < in; i++) for (int j = 0; j < width; j++) w[l][i][j] = gain * f[i * width + j];
            b[l] = new double[1][width];
            for (int j = 0; j < width; j++) b[l][0][j] = Math.sqrt(sigmaB2) * rng.nextGaussian();
        }
        return new double[][][][] {w, b};
    }

    /** q^l and gradient^l by hand. */
    private static double[][] byHand(
            Phi phi, double[][] x, int width, int depth, double[][][] w, double[][][] b, long readout) {
        int rows = x.length;
        double[][] a = x;
        double[][][] slope = new double[depth][][];
        double[] q = new double[depth], g = new double[depth];
        for (int l = 0; l < depth; l++) {
            double[][] z = new double[rows][width], next = new double[rows][width];
            slope[l] = new double[rows][width];
            double s = 0;
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < width; j++) {
                    double v = b[l][0][j];
                    for (int i = 0; i < a[r].length; i++) v += a[r][i] * w[l][i][j];
                    z[r][j] = v;
                    s += v * v;
                    next[r][j] = phi.f(v);
                    slope[l][r][j] = phi.d(v);
                }
            }
            q[l] = s / (rows * width);
            a = next;
        }
        SplittableRandom rng = new SplittableRandom(readout);
        double[][] delta = new double[rows][width];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < width; j++) delta[r][j] = rng.nextGaussian() * slope[depth - 1][r][j];
        for (int l = depth - 1; l >= 0; l--) {
            if (l < depth - 1) {
                double[][] d = new double[rows][width];
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < width; i++) {
                        double v = 0;
                        for (int j = 0; j < width; j++) v += delta[r][j] * w[l + 1][i][j];
                        d[r][i] = v * slope[l][r][i];
                    }
                }
                delta = d;
            }
            double s = 0;
            for (double[] row : delta) for (double v : row) s += v * v;
            g[l] = s / (rows * width);
        }
        return new double[][] {q, g};
    }

    @Test
    void measureMatchesAPlainForwardAndBackwardPassForEveryActivation() {
        int inputs = 3, width = 4, depth = 3;
        double[][] x = DeepNetwork.gaussianInputs(5, inputs, 1.3, 9);
        for (Phi phi : Phi.values()) {
            DeepNetwork net = DeepNetwork.draw(phi, inputs, width, depth, DeepNetwork.gaussian(1.7), 1.2, 0.2, 42);
            assertEquals(depth, net.depth());
            DeepNetwork.Measured m = net.measure(x, 77, () -> false);
            double[][][][] p = redraw(inputs, width, depth, DeepNetwork.gaussian(1.7), 1.2, 0.2, 42);
            double[][] ref = byHand(phi, x, width, depth, p[0], p[1], 77);
            for (int l = 0; l < depth; l++) {
                assertEquals(ref[0][l], m.q()[l], 1e-12 * ref[0][l], phi + " q layer " + l);
                assertEquals(ref[1][l], m.gradient()[l], 1e-12 * ref[1][l], phi + " gradient layer " + l);
            }
        }
    }

    @Test
    void cancellationAtEachStage() {
        DeepNetwork net = DeepNetwork.draw(Phi.TANH, 2, 3, 3, DeepNetwork.gaussian(1), 1, 0.1, 5);
        double[][] x = DeepNetwork.gaussianInputs(2, 2, 1, 1);
        assertNull(net.measure(x, 1, () -> true));
        int[] n = {0};
        assertNull(net.measure(x, 1, () -> ++n[0] > 3)); // forward done, cancelled in the backward pass
        assertNull(net.jacobianSpectrum(new double[] {1, 2}, () -> true));
        assertNull(DeepNetwork.overSeeds(Phi.TANH, 2, 3, 3, DeepNetwork.gaussian(1), 1, 0.1, x, 1, 2, () -> true));
        int[] k = {0};
        assertNull(
                DeepNetwork.overSeeds(Phi.TANH, 2, 3, 3, DeepNetwork.gaussian(1), 1, 0.1, x, 1, 2, () -> ++k[0] > 1));
    }

    @Test
    void jacobianSpectrumOfALinearNetwork() {
        int inputs = 2, width = 3, depth = 2;
        DeepNetwork net = DeepNetwork.draw(Phi.LINEAR, inputs, width, depth, DeepNetwork.gaussian(1), 1, 0.3, 11);
        double[][][][] p = redraw(inputs, width, depth, DeepNetwork.gaussian(1), 1, 0.3, 11);
        double[][] j = new double[inputs][width]; // J = W¹W²
        for (int i = 0; i < inputs; i++)
            for (int c = 0; c < width; c++) for (int m = 0; m < width; m++) j[i][c] += p[0][0][i][m] * p[0][1][m][c];
        // JᵀJ (3×3) has rank 2: its non-zero eigenvalues are those of JJᵀ (2×2).
        double a = 0, b = 0, d = 0;
        for (int c = 0; c < width; c++) {
            a += j[0][c] * j[0][c];
            b += j[0][c] * j[1][c];
            d += j[1][c] * j[1][c];
        }
        double tr = a + d, det = a * d - b * b, disc = Math.sqrt(tr * tr / 4 - det);
        double[] ev = net.jacobianSpectrum(new double[] {0.4, -1.1}, () -> false);
        assertEquals(3, ev.length);
        assertTrue(ev[0] >= 0 && ev[0] < 1e-10, "smallest " + ev[0]);
        assertEquals(tr / 2 - disc, ev[1], 1e-10);
        assertEquals(tr / 2 + disc, ev[2], 1e-10);
    }

    @Test
    void jacobianSpectrumOfAReluNetworkIsSortedAndNonNegative() {
        DeepNetwork net = DeepNetwork.draw(Phi.RELU, 4, 5, 3, DeepNetwork.gaussian(2), 1, 0, 3);
        double[] ev = net.jacobianSpectrum(new double[] {1, -0.5, 0.25, 2}, () -> false);
        assertEquals(5, ev.length);
        for (int i = 0; i < ev.length; i++) {
            assertTrue(ev[i] >= 0);
            if (i > 0) assertTrue(ev[i] >= ev[i - 1]);
        }
    }

    @Test
    void seedBandsAreMeansAndSampleDeviations() {
        int inputs = 3, width = 2, depth = 2, seeds = 3;
        double[][] x = DeepNetwork.gaussianInputs(4, inputs, 1, 2);
        DeepNetwork.SeedBand band = DeepNetwork.overSeeds(
                Phi.TANH, inputs, width, depth, DeepNetwork.gaussian(1.5), 1, 0.1, x, 8, seeds, () -> false);
        assertEquals(seeds, band.seeds());
        double[][] q = new double[seeds][], lg = new double[seeds][depth];
        for (int k = 0; k < seeds; k++) {
            DeepNetwork.Measured m = DeepNetwork.draw(
                            Phi.TANH,
                            inputs,
                            width,
                            depth,
                            DeepNetwork.gaussian(1.5),
                            1,
                            0.1,
                            Seeds.derive(8, "depth/net/" + k))
                    .measure(x, Seeds.derive(8, "depth/readout/" + k), () -> false);
            q[k] = m.q();
            for (int l = 0; l < depth; l++) lg[k][l] = Math.log(m.gradient()[l]);
        }
        for (int l = 0; l < depth; l++) {
            double mq = (q[0][l] + q[1][l] + q[2][l]) / 3, mg = (lg[0][l] + lg[1][l] + lg[2][l]) / 3;
            double sq = 0, sg = 0;
            for (int k = 0; k < 3; k++) {
                sq += Math.pow(q[k][l] - mq, 2);
                sg += Math.pow(lg[k][l] - mg, 2);
            }
            assertEquals(mq, band.qMean()[l], 1e-14);
            assertEquals(Math.sqrt(sq / 2), band.qSd()[l], 1e-14);
            assertEquals(mg, band.lnGradMean()[l], 1e-13);
            assertEquals(Math.sqrt(sg / 2), band.lnGradSd()[l], 1e-13);
            assertTrue(band.qSd()[l] > 0);
        }
        DeepNetwork.SeedBand one = DeepNetwork.overSeeds(
                Phi.TANH, inputs, width, depth, DeepNetwork.gaussian(1.5), 1, 0.1, x, 8, 1, () -> false);
        assertEquals(q[0][0], one.qMean()[0], 1e-14);
        assertEquals(0, one.qSd()[0], 0);
        assertEquals(0, one.lnGradSd()[1], 0);
    }

    @Test
    void budgetsInClosedForm() {
        assertEquals(15 + 3 * 25 + 2 * 4 * 7 * 5 + 2 * 5 * 5, DeepNetwork.valuesNeeded(3, 5, 4, 7));
        assertEquals(21 + 9 + 2 * 2 * 5 * 3 + 2 * 3 * 7, DeepNetwork.valuesNeeded(7, 3, 2, 5));
        assertEquals(3L * 100_000 * 100_000, DeepNetwork.valuesNeeded(100_000, 100_000, 1, 0)); // no int overflow
        assertEquals(2.0 * 7 * (15 + 3 * 25), DeepNetwork.flopsNeeded(3, 5, 4, 7), 0);
        assertEquals(2.0 * 5 * (21 + 9), DeepNetwork.flopsNeeded(7, 3, 2, 5), 0);
        assertEquals(3 * 25 + 3 * 125 + 10 * 125, DeepNetwork.jacobianFlops(3, 5, 4), 0);
        assertEquals(7 * 9 + 27 + 270, DeepNetwork.jacobianFlops(7, 3, 2), 0);
    }

    @Test
    void meanAndVarianceAndInputs() {
        double[] mv = DeepNetwork.meanAndVariance(new double[] {1, 2, 3, 6});
        assertEquals(3, mv[0], 1e-15);
        assertEquals(3.5, mv[1], 1e-15);
        double[][] x = DeepNetwork.gaussianInputs(200, 50, 4, 3);
        assertEquals(200, x.length);
        assertEquals(50, x[0].length);
        double s = 0;
        for (double[] r : x) for (double v : r) s += v * v;
        assertEquals(4, s / 10000, 0.25);
    }

    @Test
    void theSchemesOfTheTheory() {
        WeightInit g = DeepNetwork.gaussian(2.5);
        assertEquals("gaussian", g.id());
        assertEquals("Gaussian σ_w² = 2.5", g.displayName());
        assertEquals("N(0, σ_w²/n_in)", g.formula());
        assertEquals(Math.sqrt(2.5 / 10), g.std(10, 3), 1e-15);
        OrthogonalInit o = (OrthogonalInit) DeepNetwork.orthogonal(2.25);
        assertEquals(1.5, o.gain(), 1e-15);
        float[] w = new float[10000];
        g.fill(w, 100, 100, new SplittableRandom(1));
        double s = 0;
        for (float v : w) s += v * v;
        assertEquals(0.025, s / w.length, 0.002);
    }
}
