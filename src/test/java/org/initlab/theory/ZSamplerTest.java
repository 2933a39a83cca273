package org.initlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.init.InitCatalog;
import org.junit.jupiter.api.Test;

class ZSamplerTest {
    private static ZStats sample(String scheme) {
        return ZSampler.sample(
                new ZSpec(1000, 500, InitCatalog.byId(scheme), 30, 1.0, 200_000, 1), 0.01, () -> false, s -> {});
    }

    @Test
    void monteCarloStdIsWithinOnePercentOfTheAnalyticValues() {
        ZStats standard = sample("standard"), lecun = sample("lecun");
        assertEquals(Math.sqrt(501), standard.analyticStd(), 1e-12);
        assertEquals(Math.sqrt(1.5), lecun.analyticStd(), 1e-12);
        assertEquals(Math.sqrt(501), standard.std(), 0.01 * Math.sqrt(501));
        assertEquals(Math.sqrt(1.5), lecun.std(), 0.01 * Math.sqrt(1.5));
        assertEquals(0, standard.mean(), 0.2);
        assertEquals(0, lecun.mean(), 0.01);
        assertEquals(200_000, standard.sampled());
        // The lesson in numbers: most N(0,1) neurons are saturated, almost no N(0,1/√n_in) ones.
        assertTrue(standard.empiricalSaturatedFraction() > 0.8 && lecun.empiricalSaturatedFraction() < 0.001);
        assertEquals(standard.analyticSaturatedFraction(), standard.empiricalSaturatedFraction(), 0.005);
        assertEquals(standard.analyticMeanSigmaPrime(), standard.empiricalMeanSigmaPrime(), 0.001);
        assertEquals(lecun.analyticMeanSigmaPrime(), lecun.empiricalMeanSigmaPrime(), 0.001);
    }

    @Test
    void uniformSchemesAndZerosSampleTheirOwnVariance() {
        ZStats u = ZSampler.sample(
                new ZSpec(1000, 500, InitCatalog.byId("uniform"), 30, 0, 50_000, 2), 0.01, () -> false, s -> {});
        assertEquals(Math.sqrt(500 * 0.25 / 3), u.std(), 0.02 * u.analyticStd());
        ZStats z = ZSampler.sample(
                new ZSpec(1000, 500, InitCatalog.byId("zeros"), 30, 0, 1000, 2), 0.01, () -> false, s -> {});
        assertEquals(0, z.std());
    }

    @Test
    void progressArrivesInGrowingBlocksAndCancellationStops() {
        List<Integer> seen = new ArrayList<>();
        ZSpec spec = new ZSpec(1000, 500, InitCatalog.byId("lecun"), 30, 1, 300_000, 3);
        ZSampler.sample(spec, 0.01, () -> false, s -> seen.add(s.sampled()));
        assertTrue(seen.size() >= 2, "a quick first block, then refinements: " + seen);
        assertEquals(300_000, seen.get(seen.size() - 1));
        int[] calls = {0};
        ZStats partial = ZSampler.sample(spec, 0.01, () -> calls[0]++ > 0, s -> {});
        assertTrue(partial.sampled() < 300_000, "stopped after the first block");
    }
}
