package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.core.Mlp;
import org.initlab.core.init.BiasInit;
import org.initlab.settings.SweepAxis;
import org.initlab.train.Comparison;
import org.initlab.train.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** σ_w² and σ_b² as sweep axes: the weights and biases a cell starts from have the variance asked, and values outside the limits are refused. */
class SigmaAxesTest {
    static SweepPlan plan(
            String param, String values, String param2, String values2, String hidden, String... schemes) {
        Map<String, String> sweep = new LinkedHashMap<>();
        sweep.put("param", param);
        sweep.put("values", values);
        if (param2 != null) {
            sweep.put("param2", param2);
            sweep.put("values2", values2);
        }
        return SweepPlan.parse(sweep, Map.of("seeds", "7", "epochs", "1", "hidden", hidden), List.of(schemes));
    }

    private static Mlp network(SweepPlan p, SweepRun run) {
        Comparison c = p.comparison(run, 784, 10);
        return TrainingRun.initialNetwork(c.spec(), c.runKeys().get(0));
    }

    private static double[] meanAndVariance(float[] v) {
        double s = 0, s2 = 0;
        for (float x : v) s += x;
        double m = s / v.length;
        for (float x : v) s2 += (x - m) * (x - m);
        return new double[] {m, s2 / v.length};
    }

    @Test
    void everyLayersWeightsHaveVarianceSigmaW2OverFanInAndBiasesSigmaB2() {
        // Two wide hidden layers: 784 → 1000 → 1000 → 10. Sample variances of 784,000 and 1,000,000 Gaussian
        // weights have a relative sd of 0.16% and 0.14%; 2,010 biases pooled 3.2%.
        SweepPlan p = plan("sigma-w2", "0.5,2.5", "sigma-b2", "0,0.3,4", "1000,1000", "lecun", "xavier-uniform");
        assertEquals(
                List.of("sigma_w2", "sigma_b2"),
                p.axes().stream().map(SweepAxis::column).toList());
        int checked = 0;
        for (SweepRun run : p.runs()) {
            double sw2 = run.values().get(0), sb2 = run.values().get(1);
            Mlp net = network(p, run);
            int[] sizes = {784, 1000, 1000, 10};
            double biasSum = 0, biasSq = 0;
            int biasCount = 0;
            for (int l = 0; l < 3; l++) {
                double[] mv = meanAndVariance(net.weights(l));
                double want = sw2 / sizes[l];
                double tol = l < 2 ? 0.02 : 0.15; // the 10,000 read-out weights: relative sd 1.4%
                assertEquals(want, mv[1], tol * want, run + " layer " + l + " weight variance");
                assertEquals(
                        0, mv[0], 5 * Math.sqrt(want / net.weights(l).length), run + " layer " + l + " weight mean");
                if (run.scheme().equals("xavier-uniform")) {
                    // The scheme's shape is kept: uniform on ±√3·σ.
                    double bound = Math.sqrt(3 * want) * (1 + 1e-6);
                    for (float w : net.weights(l))
                        assertTrue(Math.abs(w) <= bound, run + " layer " + l + ": " + w + " beyond ±" + bound);
                }
                for (float b : net.biases(l)) {
                    biasSum += b;
                    biasSq += (double) b * b;
                    biasCount++;
                }
            }
            double biasVar = biasSq / biasCount;
            if (sb2 == 0) assertEquals(0, biasSq, 0, run + ": zero biases");
            else assertEquals(sb2, biasVar, 0.13 * sb2, run + " bias variance");
            assertEquals(0, biasSum / biasCount, 5 * Math.sqrt(sb2 / biasCount) + 1e-12, run + " bias mean");
            checked++;
        }
        assertEquals(12, checked);
    }

    @Test
    void sigmaB2OfOneIsTheReferenceBiasRuleAndEachSigmaW2DrawsItsOwnStream() {
        SweepPlan p = plan("sigma-b2", "1,0", null, null, "30", "lecun");
        assertEquals(
                BiasInit.STANDARD_NORMAL,
                p.scheme(p.runs().get(0), p.settings(p.runs().get(0))).biases());
        assertEquals(
                BiasInit.ZEROS,
                p.scheme(p.runs().get(1), p.settings(p.runs().get(1))).biases());
        // Without σ_w² swept, the weights are the scheme's own, bit for bit.
        assertEquals(
                "lecun",
                p.scheme(p.runs().get(0), p.settings(p.runs().get(0))).weights().id());
        SweepPlan w = plan("sigma-w2", "1,2", null, null, "30", "lecun");
        var a = w.scheme(w.runs().get(0), w.settings(w.runs().get(0))).weights();
        var b = w.scheme(w.runs().get(1), w.settings(w.runs().get(1))).weights();
        assertEquals("lecun^sw2=1", a.id());
        assertEquals("lecun^sw2=2", b.id());
        assertEquals(Math.sqrt(2.0 / 784), b.std(784, 30), 1e-15);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sigma-w2|0|--values: weight variance σ_w²: 0 is outside the allowed range (above 0, at most 1000)",
                "sigma-w2|1001|--values: weight variance σ_w²: 1001 is outside",
                "sigma-w2|-1,1|--values: weight variance σ_w²: -1 is outside",
                "sigma-w2|1,x|--values: weight variance σ_w²: 'x' is not a number",
                "sigma-b2|-0.1|--values: bias variance σ_b²: -0.1 is outside the allowed range 0 to 100",
                "sigma-b2|101|--values: bias variance σ_b²: 101 is outside",
                "sigma-b2|0,0|--values: '0' is listed twice",
            })
    void valuesOutsideTheLimitsAreRefused(String param, String values, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> plan(param, values, null, null, "30", "lecun"));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void sigmaW2NeedsRandomWeightsAndIsNotSweptWithTheWeightScale() {
        IllegalArgumentException z = assertThrows(
                IllegalArgumentException.class, () -> plan("sigma-w2", "1", null, null, "30", "lecun", "zeros"));
        assertEquals("--schemes: zeros draws no random weights, so sigma-w2 cannot set their variance", z.getMessage());
        IllegalArgumentException both = assertThrows(
                IllegalArgumentException.class, () -> plan("weight-scale", "1", "sigma-w2", "1", "30", "lecun"));
        assertEquals(
                "--param2: weight-scale and sigma-w2 both set the weights' scale; sweep one of them",
                both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> plan("sigma-w2", "1", "weight-scale", "1", "30", "lecun"));
    }
}
