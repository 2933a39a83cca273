package org.initlab.theory.meanfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.initlab.core.init.HeNormalInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.LecunNormalInit;
import org.initlab.core.init.LsuvInit;
import org.initlab.core.init.OrthogonalInit;
import org.initlab.core.init.StandardNormalInit;
import org.initlab.core.init.ZerosInit;
import org.junit.jupiter.api.Test;

/** MeanField and PhaseDiagram on the cases with closed forms (linear, ReLU, tanh at σ_b² = 0). */
class MeanFieldClosedFormTest {
    private static double relu(double q, double c) { // arc-cosine kernel, written out here
        return q / (2 * Math.PI) * (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c);
    }

    @Test
    void constructorChecks() {
        assertThrows(IllegalArgumentException.class, () -> new MeanField(null, 1, 0));
        for (double bad : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new MeanField(Phi.TANH, bad, 0));
            assertThrows(IllegalArgumentException.class, () -> new MeanField(Phi.TANH, 1, bad));
        }
        MeanField zero = new MeanField(Phi.TANH, 0, 0);
        assertEquals(0, zero.sigmaW2());
        assertEquals(0, zero.qStar(), 0);
    }

    @Test
    void linearAndReluFixedPoints() {
        assertEquals(0.2, new MeanField(Phi.LINEAR, 0.5, 0.1).qStar(), 1e-15);
        assertTrue(Double.isNaN(new MeanField(Phi.LINEAR, 1, 0).qStar()));
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Phi.LINEAR, 1, 0.1).qStar());
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Phi.LINEAR, 1.5, 0).qStar());
        assertEquals(0.2, new MeanField(Phi.RELU, 1, 0.1).qStar(), 1e-15);
        assertEquals(0.4, new MeanField(Phi.RELU, 1.5, 0.1).qStar(), 1e-15);
        assertTrue(Double.isNaN(new MeanField(Phi.RELU, 2, 0).qStar()));
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Phi.RELU, 2, 0.1).qStar());
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Phi.RELU, 3, 0).qStar());
    }

    @Test
    void momentsInClosedForm() {
        MeanField lin = new MeanField(Phi.LINEAR, 0.7, 0.2), relu = new MeanField(Phi.RELU, 1.3, 0.05);
        assertEquals(2.5, lin.secondMoment(2.5), 0);
        assertEquals(1.25, relu.secondMoment(2.5), 0);
        assertEquals(1, lin.slopeMoment(3), 0);
        assertEquals(0.5, relu.slopeMoment(3), 0);
        assertEquals(0.5, relu.slopeMoment(0), 0);
        assertEquals(0.7 * 2.5 + 0.2, lin.map(2.5), 1e-15);
        assertEquals(1.3 * 1.25 + 0.05, relu.map(2.5), 1e-15);
        assertEquals(0.7, lin.chiAt(9), 1e-12); // χ₁ = σ_w² · E[φ'(z)²], and φ' = 1
        assertEquals(0.65, relu.chiAt(9), 1e-15);
        for (double c : new double[] {-1, -0.4, 0, 0.5, 0.9, 1}) {
            assertEquals(2 * c, lin.crossMoment(2, c), 1e-15);
            assertEquals(relu(2, c), relu.crossMoment(2, c), 1e-14);
            assertEquals(1, lin.crossSlopeMoment(2, c), 0);
        }
        assertEquals(1 / Math.PI, relu.crossMoment(2, 0), 1e-15);
        assertEquals(1, relu.crossMoment(2, 1), 1e-15);
        assertEquals(0, relu.crossMoment(2, -1), 1e-15);
        assertEquals(0.5, relu.crossSlopeMoment(2, 1), 1e-15);
        assertEquals(0.25, relu.crossSlopeMoment(2, 0), 1e-15);
        assertEquals(1.0 / 3, relu.crossSlopeMoment(2, 0.5), 1e-15);
        assertEquals(0, relu.crossSlopeMoment(2, -1), 1e-15);
        MeanField tanh = new MeanField(Phi.TANH, 2, 0.1);
        double q = 0.8;
        assertEquals(
                GaussianExpectation.expect(v -> Math.pow(Phi.TANH.d(v), 2), q), tanh.crossSlopeMoment(q, 1), 1e-10);
        double e = GaussianExpectation.expect(Phi.TANH::d, q);
        assertEquals(e * e, tanh.crossSlopeMoment(q, 0), 1e-10);
        assertEquals(tanh.secondMoment(q), tanh.crossMoment(q, 1), 1e-10);
        assertEquals(0, tanh.crossMoment(q, 0), 1e-12);
        assertEquals(1, tanh.correlationMap(0.3, 0), 0);
        assertEquals((2 * tanh.crossMoment(q, 0.3) + 0.1) / q, tanh.correlationMap(0.3, q), 1e-15);
    }

    @Test
    void tanhSecondMomentAgainstSimpson() {
        MeanField tanh = new MeanField(Phi.TANH, 1, 0);
        for (double q : new double[] {0.3, 1, 2.5}) {
            int n = 20000;
            double lo = -12 * Math.sqrt(q), h = -2 * lo / n, s = 0;
            for (int i = 0; i <= n; i++) {
                double v = lo + i * h, t = Math.tanh(v), f = t * t * Math.exp(-v * v / (2 * q));
                s += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
            }
            double simpson = s * h / 3 / Math.sqrt(2 * Math.PI * q);
            assertEquals(simpson, tanh.secondMoment(q), 1e-9, "q=" + q);
        }
    }

    @Test
    void trajectories() {
        assertArrayEquals(new double[] {1}, new MeanField(Phi.RELU, 1, 0.5).trajectory(1, 0), 0);
        assertArrayEquals(new double[] {2, 2.5}, new MeanField(Phi.RELU, 1, 0.5).trajectory(2, 1), 0);
        assertArrayEquals(
                new double[] {2, 2.5, 1.75, 1.375, 1.1875}, new MeanField(Phi.RELU, 1, 0.5).trajectory(2, 4), 1e-15);
        assertArrayEquals(
                new double[] {1, 0.3, 0.3, 0.3, 0.3, 0.3}, new MeanField(Phi.LINEAR, 0, 0.3).trajectory(1, 5), 0);
        // Tiny q: the convergence test is relative, so halving 1e-10 per layer is not "converged".
        assertArrayEquals(
                new double[] {1e-10, 1e-10, 5e-11, 2.5e-11, 1.25e-11},
                new MeanField(Phi.RELU, 1, 0).trajectory(1e-10, 4),
                1e-25);
        double[] big = new MeanField(Phi.LINEAR, 1e200, 0).trajectory(1, 3);
        assertEquals(1e200, big[1], 0);
        assertEquals(Double.MAX_VALUE, big[2], 0);
    }

    @Test
    void tanhAndSigmoidFixedPoints() {
        assertEquals(0, new MeanField(Phi.TANH, 0.5, 0).qStar(), 0);
        assertEquals(0, new MeanField(Phi.TANH, 1, 0).qStar(), 0);
        assertEquals(1e-15, new MeanField(Phi.TANH, 0, 1e-15).qStar(), 0);
        assertEquals(1e-14, new MeanField(Phi.TANH, 0, 1e-14).qStar(), 0);
        assertEquals(0.3, new MeanField(Phi.TANH, 0, 0.3).qStar(), 0);
        assertEquals(0.3, new MeanField(Phi.SIGMOID, 0, 0.3).qStar(), 0);
        for (double[] p : new double[][] {{2, 0.1}, {4, 0.05}, {1.5, 0}, {0.5, 2}}) {
            MeanField mf = new MeanField(Phi.TANH, p[0], p[1]);
            double q = mf.qStar();
            assertTrue(q > 0 && q < p[0] + p[1], "q*=" + q);
            assertEquals(q, mf.map(q), 1e-11, "fixed point at " + p[0] + "," + p[1]);
            assertEquals(p[0] * mf.slopeMoment(q), mf.chi1(), 1e-15);
        }
        MeanField sig = new MeanField(Phi.SIGMOID, 8, 0.5);
        double qs = sig.qStar();
        assertEquals(qs, sig.map(qs), 1e-11);
        // sigmoid(0)² = 1/4: with σ_w² = 1 and no bias, q* ≈ 1/4 + small
        double q1 = new MeanField(Phi.SIGMOID, 1, 0).qStar();
        assertTrue(q1 > 0.25 && q1 < 0.3, "q*=" + q1);
    }

    @Test
    void chiDepthScaleAndPhase() {
        assertEquals(0.5, new MeanField(Phi.TANH, 0.5, 0).chi1(), 1e-15); // q* = 0, tanh'(0) = 1
        assertEquals(0.7, new MeanField(Phi.LINEAR, 0.7, 3).chi1(), 0);
        assertEquals(0.75, new MeanField(Phi.RELU, 1.5, 3).chi1(), 0);
        assertEquals(1 / Math.log(2), new MeanField(Phi.LINEAR, 0.5, 0).depthScale(), 1e-14);
        assertEquals(1 / Math.log(1.5), new MeanField(Phi.RELU, 3, 0).depthScale(), 1e-14);
        assertEquals(0, new MeanField(Phi.LINEAR, 0, 0.2).depthScale(), 0);
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Phi.LINEAR, 1, 0).depthScale());
        assertEquals(Double.POSITIVE_INFINITY, new MeanField(Phi.RELU, 2, 0.3).depthScale());
        assertEquals(MeanField.Phase.ORDERED, new MeanField(Phi.RELU, 1.99, 0).phase());
        assertEquals(MeanField.Phase.CRITICAL, new MeanField(Phi.RELU, 2, 0).phase());
        assertEquals(MeanField.Phase.CHAOTIC, new MeanField(Phi.RELU, 2.01, 0).phase());
        assertEquals(MeanField.Phase.ORDERED, new MeanField(Phi.TANH, 0.9, 0).phase());
        assertEquals(MeanField.Phase.CHAOTIC, new MeanField(Phi.TANH, 3, 0.1).phase());
        assertEquals("ordered", MeanField.Phase.ORDERED.id());
        assertEquals("critical", MeanField.Phase.CRITICAL.id());
        assertEquals("chaotic", MeanField.Phase.CHAOTIC.id());
    }

    @Test
    void correlationFixedPoints() {
        MeanField.Correlation ordered = new MeanField(Phi.RELU, 1.5, 0.1).correlation();
        assertEquals(1, ordered.cStar(), 0);
        assertEquals(0.75, ordered.chiC(), 0);
        assertEquals(1 / Math.log(1 / 0.75), ordered.depthScale(), 1e-14);
        MeanField.Correlation crit = new MeanField(Phi.LINEAR, 1, 0).correlation();
        assertEquals(1, crit.cStar(), 0);
        assertEquals(Double.POSITIVE_INFINITY, crit.depthScale());
        MeanField.Correlation lin = new MeanField(Phi.LINEAR, 2, 0).correlation(); // m(c) = c: 0 is taken
        assertEquals(0, lin.cStar(), 0);
        assertEquals(2, lin.chiC(), 0);
        assertEquals(1 / Math.log(2), lin.depthScale(), 1e-14);
        assertEquals(0, new MeanField(Phi.LINEAR, 0, 0).correlation().depthScale(), 0);
        // tanh without bias, chaotic: E[tanh] = 0, so c* = 0 and χ_c = σ_w² E[tanh']².
        MeanField t0 = new MeanField(Phi.TANH, 4, 0);
        MeanField.Correlation c0 = t0.correlation();
        assertEquals(0, c0.cStar(), 0);
        double e = GaussianExpectation.expect(Phi.TANH::d, t0.qStar());
        assertEquals(4 * e * e, c0.chiC(), 1e-10);
        assertEquals(1 / Math.abs(Math.log(4 * e * e)), c0.depthScale(), 1e-8);
        // tanh with bias, chaotic: 0 < c* < 1 is a stable fixed point of the correlation map.
        MeanField t = new MeanField(Phi.TANH, 4, 0.1);
        double q = t.qStar();
        MeanField.Correlation c = t.correlation();
        assertTrue(c.cStar() > 0 && c.cStar() < 1, "c*=" + c.cStar());
        assertEquals(c.cStar(), t.correlationMap(c.cStar(), q), 1e-10);
        assertTrue(t.correlationMap(c.cStar() - 0.05, q) > c.cStar() - 0.05);
        assertTrue(t.correlationMap(c.cStar() + 0.05, q) < c.cStar() + 0.05);
        assertEquals(4 * t.crossSlopeMoment(q, c.cStar()), c.chiC(), 1e-15);
        assertTrue(c.chiC() < 1);
        assertEquals(1 / Math.abs(Math.log(c.chiC())), c.depthScale(), 1e-12);
        // Just past the critical line c* is within the quadrature of 1: reported as 1, χ_c = χ₁.
        double wc = MeanField.criticalSigmaW2(Phi.TANH, 0.05);
        MeanField near = new MeanField(Phi.TANH, wc * (1 + 1e-7), 0.05);
        assertTrue(near.chi1() > 1 + 1e-12, "chi=" + near.chi1());
        MeanField.Correlation cn = near.correlation();
        assertEquals(1, cn.cStar(), 0);
        assertEquals(near.chi1(), cn.chiC(), 0);
    }

    @Test
    void criticalLine() {
        assertEquals(1, MeanField.criticalSigmaW2(Phi.LINEAR, 0.3), 0);
        assertEquals(2, MeanField.criticalSigmaW2(Phi.RELU, 0.3), 0);
        assertEquals(1, MeanField.criticalSigmaW2(Phi.TANH, 0), 1e-6); // χ₁ − 1 is second order right of 1: flat root
        double w = MeanField.criticalSigmaW2(Phi.TANH, 0.1);
        assertTrue(w > 1 && w < 4, "w=" + w);
        assertEquals(1, new MeanField(Phi.TANH, w, 0.1).chi1(), 1e-10);
        assertTrue(new MeanField(Phi.TANH, w * 0.999, 0.1).chi1() < 1);
        assertTrue(Double.isNaN(MeanField.criticalSigmaW2(Phi.TANH, 1e6)));
    }

    @Test
    void phaseDiagramRangesGridAndLine() {
        assertEquals(40, PhaseDiagram.xMaxFor(Phi.SIGMOID), 0);
        assertEquals(4, PhaseDiagram.xMaxFor(Phi.TANH), 0);
        assertEquals(4, PhaseDiagram.xMaxFor(Phi.RELU), 0);
        assertEquals(2, PhaseDiagram.xMaxFor(Phi.LINEAR), 0);
        assertEquals(4, PhaseDiagram.yMaxFor(Phi.SIGMOID), 0);
        assertEquals(0.5, PhaseDiagram.yMaxFor(Phi.TANH), 0);
        assertEquals(0.5, PhaseDiagram.yMaxFor(Phi.LINEAR), 0);
        PhaseDiagram lin = PhaseDiagram.compute(Phi.LINEAR, 4, 3, 4, () -> false);
        assertEquals(Phi.LINEAR, lin.phi());
        assertEquals(2, lin.xMax(), 0);
        assertEquals(0.5, lin.yMax(), 0);
        assertEquals(4, lin.chi1().length);
        assertEquals(3, lin.chi1()[0].length);
        for (int i = 0; i < 4; i++) {
            double w = 2 * (i + 0.5) / 4;
            for (int j = 0; j < 3; j++) {
                assertEquals(w, lin.chi1()[i][j], 1e-15);
                assertEquals(1 / Math.abs(Math.log(w)), lin.depthScale()[i][j], 1e-12);
            }
        }
        assertEquals(5, lin.criticalLine().size());
        for (int k = 0; k <= 4; k++) {
            assertEquals(1, lin.criticalLine().get(k)[0], 0);
            assertEquals(0.5 * k / 4, lin.criticalLine().get(k)[1], 1e-15);
        }
        PhaseDiagram relu = PhaseDiagram.compute(Phi.RELU, 2, 2, 1, () -> false);
        assertEquals(0.5, relu.chi1()[0][1], 1e-15); // σ_w² = 1
        assertEquals(1.5, relu.chi1()[1][0], 1e-15); // σ_w² = 3
        PhaseDiagram tanh = PhaseDiagram.compute(Phi.TANH, 2, 2, 2, () -> false);
        MeanField cell = new MeanField(Phi.TANH, 3, 0.375);
        assertEquals(cell.chi1(), tanh.chi1()[1][1], 1e-15);
        assertEquals(cell.depthScale(), tanh.depthScale()[1][1], 1e-12);
        assertEquals(1, tanh.criticalLine().get(0)[0], 1e-6);
        assertEquals(
                MeanField.criticalSigmaW2(Phi.TANH, 0.25), tanh.criticalLine().get(1)[0], 1e-15);
        assertNull(PhaseDiagram.compute(Phi.LINEAR, 2, 2, 2, () -> true));
        int[] calls = {0};
        assertNull(PhaseDiagram.compute(Phi.LINEAR, 2, 2, 2, () -> ++calls[0] > 2)); // cancelled during the line
    }

    @Test
    void schemePoints() {
        int n = 50;
        List<PhaseDiagram.SchemePoint> pts = PhaseDiagram.schemes(n);
        Map<String, Double> by = new HashMap<>();
        for (PhaseDiagram.SchemePoint p : pts) by.put(p.id(), p.sigmaW2());
        assertEquals(1, by.get(new LecunNormalInit().id()), 1e-12);
        assertEquals(2, by.get(new HeNormalInit().id()), 1e-12);
        assertEquals(n, by.get(new StandardNormalInit().id()), 1e-12);
        assertEquals(0, by.get(new ZerosInit().id()), 0);
        assertEquals(1, by.get(new OrthogonalInit().id()), 1e-12);
        assertTrue(!by.containsKey(new LsuvInit().id()));
        assertEquals(InitCatalog.all().size() - 1, pts.size());
    }
}
