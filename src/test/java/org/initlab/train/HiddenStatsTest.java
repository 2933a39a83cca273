package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.data.LabeledImages;
import org.initlab.math.SigmoidMath;
import org.junit.jupiter.api.Test;

/** The live per-epoch statistics, on a tiny network whose hidden z can be worked out by hand. */
class HiddenStatsTest {
    @Test
    void hiddenWeightedInputsAndSaturationOnAKnownNetwork() {
        // Two images of 3 pixels: (255, 0, 255) and (0, 255, 0) → x = (1, 0, 1) and (0, 1, 0).
        byte[] px = {(byte) 255, 0, (byte) 255, 0, (byte) 255, 0};
        LabeledImages images = new LabeledImages(2, 3, px, new byte[] {0, 1}, 2);
        Mlp net = new Mlp(NetworkSpec.reference(3, 2, 2));
        // Hidden unit 0: weights (10, 1, 10), bias 0 → z = 20 and 1. Hidden unit 1: weights (0, −7, 0), bias 0.5 → z =
        // 0.5 and −6.5.
        System.arraycopy(new float[] {10, 0, 1, -7, 10, 0}, 0, net.weights(0), 0, 6);
        net.biases(0)[1] = 0.5f;
        List<float[]> z = new Nd4jEvaluator(images, null).hiddenWeightedInputs(net);
        assertEquals(1, z.size());
        assertArrayEquals(new float[] {20, 0.5f, 1, -6.5f}, z.get(0), 1e-6f);
        // σ'(z) < 0.01 ⇔ |z| > 4.595: z = 20 and −6.5 are saturated, 0.5 and 1 are not.
        assertEquals(0.5, SigmoidMath.saturatedFraction(z.get(0), 0.01));
        assertEquals(0.0, SigmoidMath.saturatedFraction(z.get(0), 1e-12), "σ'(20) ≈ 2e-9 is not below 1e-12");
    }
}
