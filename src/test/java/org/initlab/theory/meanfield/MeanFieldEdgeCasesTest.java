package org.initlab.theory.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Edges the closed-form tests do not reach: χ within 1e-12 of 1 and cancellation of a one-layer network. */
class MeanFieldEdgeCasesTest {
    @Test
    void depthScalesAreInfiniteWithinTheirToleranceOfOne() {
        MeanField near = new MeanField(Phi.LINEAR, 1 + 1e-13, 0);
        assertEquals(Double.POSITIVE_INFINITY, near.depthScale()); // not 1/ln(1 + 1e-13) ≈ 1e13
        assertEquals(Double.POSITIVE_INFINITY, near.correlation().depthScale());
        assertEquals(1, near.correlation().cStar(), 0);
        assertEquals(1 / Math.log(1 + 1e-9), new MeanField(Phi.LINEAR, 1 + 1e-9, 0).depthScale(), 1e3);
    }

    @Test
    void aOneLayerNetworkIsCancelledInItsForwardPass() {
        DeepNetwork net = DeepNetwork.draw(Phi.TANH, 2, 3, 1, DeepNetwork.gaussian(1), 1, 0.1, 5);
        assertNull(net.measure(DeepNetwork.gaussianInputs(2, 2, 1, 1), 1, () -> true));
    }
}
