package org.initlab.theory.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Measurements on real networks at initialization against the mean-field maps. */
class DeepNetworkTest {
    /**
     * 20 tanh layers of width 1000 (σ_w² = 1.5, σ_b² = 0.05, q⁰ = 1, Gaussian inputs): the measured mean (z^l)²,
     * averaged over 6 independently drawn networks of 25 inputs each, is within 5% of q^l from the map at
     * every layer. One network alone strays up to about 10% at this width: in the ordered phase the inputs'
     * correlation goes to 1, so a layer's gain is one χ²_N draw (relative sd √(2/N) ≈ 4.5%) that averaging
     * over inputs cannot remove; the map is the mean over networks, which is what is checked.
     */
    @Test
    void twentyTanhLayersOfWidth1000FollowTheVarianceMapWithin5Percent() {
        MeanField mf = new MeanField(Phi.TANH, 1.5, 0.05);
        double[] q = mf.trajectory(1.0, 20);
        DeepNetwork.SeedBand band = DeepNetwork.overSeeds(
                Phi.TANH,
                1000,
                1000,
                20,
                DeepNetwork.gaussian(1.5),
                1,
                0.05,
                DeepNetwork.gaussianInputs(25, 1000, 1.0, 12),
                1,
                6,
                () -> false);
        for (int l = 1; l <= 20; l++) {
            assertEquals(q[l], band.qMean()[l - 1], 0.05 * q[l], "layer " + l);
        }
        // The squared gradient shrinks or grows by χ(q^l) at each layer: compare the product over 19 layers.
        double lnPredicted = 0;
        for (int l = 1; l < 20; l++) lnPredicted += Math.log(mf.chiAt(q[l]));
        assertEquals(lnPredicted, band.lnGradMean()[0] - band.lnGradMean()[19], 0.15, "ln(g¹/g²⁰) against Σ ln χ(q^l)");
    }

    @Test
    void reluAndLinearNetworksFollowTheirClosedForms() {
        for (Phi phi : new Phi[] {Phi.RELU, Phi.LINEAR}) {
            double sw2 = phi == Phi.RELU ? 2.0 : 1.0;
            MeanField mf = new MeanField(phi, sw2, 0.0);
            double[] q = mf.trajectory(0.5, 6);
            DeepNetwork.SeedBand band = DeepNetwork.overSeeds(
                    phi,
                    400,
                    400,
                    6,
                    DeepNetwork.gaussian(sw2),
                    1,
                    0,
                    DeepNetwork.gaussianInputs(50, 400, 0.5, 4),
                    5,
                    8,
                    () -> false);
            for (int l = 1; l <= 6; l++) assertEquals(q[l], band.qMean()[l - 1], 0.1 * q[l], phi + " layer " + l);
            assertEquals(q[1], q[6], 1e-12, "critical with σ_b² = 0: q stays at q¹ = σ_w² q⁰");
        }
    }

    /** Dynamical isometry: deep linear orthogonal networks keep every squared singular value at 1; Gaussian ones spread. */
    @Test
    void orthogonalLinearNetworksAreIsometricAndGaussianOnesSpread() {
        double[] x = DeepNetwork.gaussianInputs(1, 100, 1, 1)[0];
        double[] orth = DeepNetwork.draw(Phi.LINEAR, 100, 100, 10, DeepNetwork.orthogonal(1), 1, 0, 2)
                .jacobianSpectrum(x, () -> false);
        for (double s : orth) assertEquals(1, s, 1e-6);
        double[] gauss = DeepNetwork.draw(Phi.LINEAR, 100, 100, 10, DeepNetwork.gaussian(1), 1, 0, 2)
                .jacobianSpectrum(x, () -> false);
        double[] mv = DeepNetwork.meanAndVariance(gauss);
        assertEquals(1, mv[0], 0.3, "Gaussian: the mean squared singular value is σ_w²ᴸ = 1");
        assertTrue(mv[1] > 3, "Gaussian products spread with depth (variance ≈ L): " + mv[1]);
        double[] tanhOrth = DeepNetwork.draw(Phi.TANH, 100, 100, 10, DeepNetwork.orthogonal(1.05), 1, 0, 2)
                .jacobianSpectrum(x, () -> false);
        double[] tanhGauss = DeepNetwork.draw(Phi.TANH, 100, 100, 10, DeepNetwork.gaussian(1.05), 1, 0, 2)
                .jacobianSpectrum(x, () -> false);
        assertTrue(
                DeepNetwork.meanAndVariance(tanhOrth)[1] < DeepNetwork.meanAndVariance(tanhGauss)[1],
                "tanh: orthogonal spreads less");
    }
}
