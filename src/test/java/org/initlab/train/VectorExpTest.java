package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The hot path's own vector exp against Math.exp over the range a sigmoid meets. */
class VectorExpTest {
    @Test
    void withinTwoUlpOfMathExp() {
        int lanes =
                FloatVector.SPECIES_PREFERRED.length() <= RowKernels.PAD ? FloatVector.SPECIES_PREFERRED.length() : 16;
        float[] x = new float[lanes], out = new float[lanes];
        double worst = 0;
        for (float v = -87f; v < 88f; v += 0.0137f) {
            for (int i = 0; i < lanes; i++) x[i] = v + i * 1e-3f;
            VectorRowKernels.exp(FloatVector.fromArray(VectorRowKernels.species(), x, 0))
                    .intoArray(out, 0);
            for (int i = 0; i < lanes; i++) {
                double exact = Math.exp(x[i]);
                double ulps = Math.abs(out[i] - exact) / Math.ulp((float) exact);
                if (x[i] <= 88f) worst = Math.max(worst, ulps); // beyond 88 the input is clamped on purpose
            }
        }
        assertTrue(worst <= 2.0, "worst error " + worst + " ulp");
        float[] s = new float[32], a = new float[32];
        s[0] = 0f;
        s[1] = -100f;
        s[2] = 100f;
        new VectorRowKernels().sigmoid(s, a, 0, 32);
        assertEquals(0.5f, a[0]);
        assertTrue(a[1] < 1e-37f && a[1] >= 0f, "σ(−100) ≈ 0: " + a[1]);
        assertEquals(1f, a[2]);
    }
}
