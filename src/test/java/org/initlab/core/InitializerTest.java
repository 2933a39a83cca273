package org.initlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.UniformInit;
import org.initlab.core.init.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InitializerTest {
    private static final int FAN_IN = 784, FAN_OUT = 30;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "standard",
                "lecun",
                "lecun-uniform",
                "xavier",
                "xavier-uniform",
                "he",
                "he-uniform",
                "uniform",
                "custom:0.25"
            })
    void empiricalStandardDeviationMatchesTheFormula(String id) {
        WeightInit init = InitCatalog.byId(id);
        float[] w = new float[FAN_IN * FAN_OUT];
        init.fill(w, FAN_IN, FAN_OUT, new SplittableRandom(42));
        double mean = 0, sq = 0;
        for (float v : w) {
            mean += v;
            sq += (double) v * v;
        }
        mean /= w.length;
        double std = Math.sqrt(sq / w.length - mean * mean);
        double expected = init.std(FAN_IN, FAN_OUT);
        assertEquals(expected, std, 0.02 * expected, id + " std");
        assertEquals(0, mean, 0.05 * expected, id + " mean");
        if (init instanceof UniformInit u) {
            double limit = u.limit(FAN_IN, FAN_OUT);
            for (float v : w) assertTrue(Math.abs(v) <= limit, id + " stays inside ±" + limit);
        }
    }

    @Test
    void formulasGiveTheReferenceValues() {
        assertEquals(1.0, InitCatalog.byId("standard").std(FAN_IN, FAN_OUT));
        assertEquals(1 / Math.sqrt(784), InitCatalog.byId("lecun").std(FAN_IN, FAN_OUT), 1e-12);
        assertEquals(Math.sqrt(2.0 / 814), InitCatalog.byId("xavier").std(FAN_IN, FAN_OUT), 1e-12);
        assertEquals(Math.sqrt(2.0 / 784), InitCatalog.byId("he").std(FAN_IN, FAN_OUT), 1e-12);
        assertEquals(0.5 / Math.sqrt(3), InitCatalog.byId("uniform").std(FAN_IN, FAN_OUT), 1e-12);
        assertEquals(0.0, InitCatalog.byId("zeros").std(FAN_IN, FAN_OUT));
    }

    @Test
    void zerosAreZeros() {
        float[] w = {1, 2, 3};
        InitCatalog.byId("zeros").fill(w, 3, 1, new SplittableRandom(1));
        for (float v : w) assertEquals(0f, v);
    }

    @Test
    void biasRules() {
        float[] b = new float[20_000];
        BiasInit.STANDARD_NORMAL.fill(b, new SplittableRandom(3));
        double sq = 0;
        for (float v : b) sq += v * v;
        assertEquals(1.0, Math.sqrt(sq / b.length), 0.02);
        BiasInit.parse("constant:0.1").fill(b, new SplittableRandom(3));
        assertEquals(0.1f, b[123]);
        assertEquals(BiasInit.ZEROS, BiasInit.parse("zeros"));
        assertThrows(IllegalArgumentException.class, () -> BiasInit.parse("gauss"));
    }

    @Test
    void unknownAndBadIdsGetClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InitCatalog.byId("glorot"));
        assertTrue(
                e.getMessage().contains("unknown scheme 'glorot'")
                        && e.getMessage().contains("lecun"),
                e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InitCatalog.byId("custom:abc"))
                .getMessage()
                .contains("not a number"));
        assertThrows(IllegalArgumentException.class, () -> InitCatalog.byId("custom:-1"));
        assertThrows(IllegalArgumentException.class, () -> InitCatalog.byId("custom:NaN"));
        assertEquals("custom:0.5", InitCatalog.byId("custom:0.5").id());
        assertEquals("lecun", InitCatalog.byId(" LECUN ").id());
    }
}
