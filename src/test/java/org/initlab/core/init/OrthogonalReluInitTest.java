package org.initlab.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.initlab.theory.meanfield.PhaseDiagram;
import org.junit.jupiter.api.Test;

/** orthogonal-relu: the orthogonal scheme with gain √2, WᵀW = 2I, at He's σ_w² = 2 on the phase diagram. */
class OrthogonalReluInitTest {
    @Test
    void itIsTheOrthogonalMatrixTimesRootTwoWithWTransposeWEqualToTwoI() {
        WeightInit relu = InitCatalog.byId("orthogonal-relu");
        int n = 100;
        float[] w = new float[n * n], q = new float[n * n];
        relu.fill(w, n, n, new SplittableRandom(3));
        InitCatalog.byId("orthogonal").fill(q, n, n, new SplittableRandom(3));
        for (int i = 0; i < w.length; i++) assertEquals(Math.sqrt(2) * q[i], w[i], 1e-6, "weight " + i);
        double worst = 0;
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) {
                double dot = 0;
                for (int r = 0; r < n; r++) dot += (double) w[r * n + a] * w[r * n + b];
                worst = Math.max(worst, Math.abs(dot - (a == b ? 2 : 0)));
            }
        assertEquals(0, worst, 2e-5, "WᵀW = 2I");
        assertEquals(Math.sqrt(2.0 / n), relu.std(n, n), 1e-15);
        assertEquals("orthogonal-relu — W = √2·Q, WᵀW = 2I", relu.label());
    }

    @Test
    void onThePhaseDiagramItSitsWithHeAtSigmaW2Two() {
        double he = Double.NaN, ortho = Double.NaN;
        for (PhaseDiagram.SchemePoint p : PhaseDiagram.schemes(100)) {
            if (p.id().equals("he")) he = p.sigmaW2();
            if (p.id().equals("orthogonal-relu")) ortho = p.sigmaW2();
        }
        assertEquals(2, he, 1e-12);
        assertEquals(2, ortho, 1e-12);
    }
}
