package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepPlanTest {
    static SweepPlan plan(String param, String values, String param2, String values2, String seeds, String... schemes) {
        Map<String, String> sweep = new LinkedHashMap<>();
        sweep.put("param", param);
        sweep.put("values", values);
        if (param2 != null) {
            sweep.put("param2", param2);
            sweep.put("values2", values2);
        }
        return SweepPlan.parse(sweep, Map.of("seeds", seeds, "epochs", "1"), List.of(schemes));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "weight-scale|0|--values: weight scale: 0 is outside the allowed range (above 0, at most 1000000)",
                "weight-scale|-1,1|--values: weight scale: -1 is outside",
                "weight-scale|1,x|--values: weight scale: 'x' is not a number",
                "weight-scale|1,1|--values: '1' is listed twice",
                "depth|0|--values: depth (hidden layers): 0 is outside the allowed range 1 to 1000",
                "depth|1.5|--values: depth (hidden layers): '1.5' is not a whole number",
                "hidden-width|100001|--values: hidden width: 100001 is outside the allowed range 1 to 100000",
                "eta|0|--values: learning rate η: 0 is outside",
                "batch|60001|--values: mini-batch size: 60001 is outside the allowed range 1 to 60000",
                "sigma|1|--param: unknown parameter 'sigma'",
            })
    void everyValueIsCheckedByItsParametersLimits(String param, String values, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> plan(param, values, null, null, "1", "lecun"));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void aCellWhoseNetworkIsTooLargeIsRefusedByTheSettingsModel() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> plan("depth", "1,100", "hidden-width", "10,5000", "1", "lecun"));
        assertTrue(e.getMessage().startsWith("cell depth=100, hidden-width=5000: "), e.getMessage());
    }

    @Test
    void theRunLimitCountsTheGrid() {
        String values = String.join(
                ",",
                java.util.stream.IntStream.rangeClosed(1, 400)
                        .mapToObj(Integer::toString)
                        .toList());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> plan("batch", values, "hidden-width", values, "1", "lecun"));
        assertEquals(
                "the sweep has 160,000 runs (160,000 cells × 1 schemes × 1 seeds); at most 100,000 are allowed",
                e.getMessage());
    }

    @Test
    void shardsAreDisjointAndTheirUnionIsTheWholeSweep() {
        SweepPlan p = plan("weight-scale", "0.01,0.1,1,10,100", "depth", "1,2,3", "1,2,3", "lecun", "standard");
        List<SweepRun> all = p.runs();
        assertEquals(90, all.size());
        for (int n : new int[] {1, 2, 7, 90, 100}) {
            Set<String> union = new HashSet<>();
            int sum = 0;
            for (int k = 1; k <= n; k++) {
                for (SweepRun r : p.runs(new Shard(k, n)))
                    assertTrue(union.add(r.key(p.axes())), "run in two shards: " + r);
                sum += p.runs(new Shard(k, n)).size();
            }
            assertEquals(all.size(), sum);
            assertEquals(all.stream().map(r -> r.key(p.axes())).collect(java.util.stream.Collectors.toSet()), union);
        }
    }

    @Test
    void keysAreDistinctAndTheDefinitionReadsBackToTheSameSweep() {
        SweepPlan p = plan("eta", "0.3,3", "batch", "10,100", "1,2", "lecun");
        assertEquals(
                p.runs().size(),
                p.runs().stream().map(r -> r.key(p.axes())).distinct().count());
        SweepPlan back = SweepPlan.fromDefinition(p.definition());
        assertEquals(p.definition(), back.definition());
        assertEquals(p.id(), back.id());
        // Typed differently, the same sweep.
        assertEquals(
                p.id(),
                plan("eta", "3e-1, 3.0", "batch", "10,100", "1,2", "lecun").id());
        assertTrue(!p.id().equals(
                        plan("eta", "0.3,3", "batch", "10,100", "1,3", "lecun").id()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"0/3", "4/3", "x", "1/0", "a/b"})
    void badShardsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Shard.parse(text));
    }

    @Test
    void depthAndWidthMakeTheHiddenLayersAndTheScaleMultipliesTheWeights() {
        SweepPlan p = plan("depth", "3", "hidden-width", "20", "1", "lecun");
        SweepRun r = p.runs().get(0);
        assertEquals(List.of(20L, 20L, 20L), p.settings(r).hidden());
        SweepPlan s = plan("weight-scale", "1,0.5", null, null, "1", "lecun");
        assertEquals(
                "lecun",
                p.scheme(s.runs().get(0), s.settings(s.runs().get(0))).weights().id());
        var scaled = s.scheme(s.runs().get(1), s.settings(s.runs().get(1))).weights();
        assertEquals(0.5 / Math.sqrt(784), scaled.std(784, 30), 1e-12);
    }
}
