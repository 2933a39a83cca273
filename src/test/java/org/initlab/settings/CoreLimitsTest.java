package org.initlab.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.InitCatalog;
import org.initlab.theory.ZSpec;
import org.initlab.train.Engine;
import org.initlab.train.EpochMode;
import org.initlab.train.EvalSplit;
import org.initlab.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The core records refuse exactly what the catalogue refuses, in the catalogue's words. */
class CoreLimitsTest {
    private static TrainingConfig config(double eta, long batch, long perEpoch, long epochs, double lambda) {
        return new TrainingConfig(
                eta,
                (int) batch,
                (int) perEpoch,
                (int) epochs,
                lambda,
                EpochMode.BATCHES,
                EvalSplit.TEST,
                10,
                1000,
                Engine.JAVA);
    }

    private static void refused(Param<?> p, String text, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertEquals(p.parse(text).problem().named(), e.getMessage());
    }

    @Test
    void trainingConfigTakesTheCataloguesLimits() {
        WholeParam b = LabParameters.BATCH, n = LabParameters.BATCHES_PER_EPOCH, e = LabParameters.EPOCHS;
        config(LabParameters.ETA.max(), b.max(), n.max(), e.max(), LabParameters.LAMBDA.max()); // every maximum at once
        config(Math.nextUp(0), b.min(), n.min(), e.min(), LabParameters.LAMBDA.min());
        refused(b, Long.toString(b.max() + 1), () -> config(3, b.max() + 1, 10, 1, 0));
        refused(n, Long.toString(n.max() + 1), () -> config(3, 10, n.max() + 1, 1, 0));
        refused(e, Long.toString(e.max() + 1), () -> config(3, 10, 10, e.max() + 1, 0));
        refused(e, "0", () -> config(3, 10, 10, 0, 0));
        refused(LabParameters.ETA, "0.0", () -> config(0, 10, 10, 1, 0));
        refused(LabParameters.ETA, "1000000.0000000001", () -> config(Math.nextUp(1e6), 10, 10, 1, 0));
        refused(LabParameters.LAMBDA, "-1.0", () -> config(3, 10, 10, 1, -1));
    }

    @Test
    void networkSpecTakesTheHiddenLayersLimits() {
        WholeListParam h = LabParameters.HIDDEN;
        int[] most = new int[h.maxCount()];
        Arrays.fill(most, 1);
        new NetworkSpec(NetworkSpec.layerSizes(784, most, 10), Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        new NetworkSpec(new int[] {1, (int) h.max(), 1}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
        int[] tooManyLayers = new int[h.maxCount() + 1];
        Arrays.fill(tooManyLayers, 1);
        IllegalArgumentException tooMany = assertThrows(
                IllegalArgumentException.class,
                () -> new NetworkSpec(
                        NetworkSpec.layerSizes(784, tooManyLayers, 10),
                        Activation.SIGMOID,
                        OutputLayer.SIGMOID,
                        Loss.QUADRATIC));
        assertEquals(
                h.parse(String.join(",", java.util.Collections.nCopies(h.maxCount() + 1, "1")))
                        .problem()
                        .named(),
                tooMany.getMessage());
        refused(
                h,
                Long.toString(h.max() + 1),
                () -> new NetworkSpec(
                        new int[] {1, (int) h.max() + 1, 1}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC));
        // The parameter budget still applies, with the message ExperimentSettings gives too.
        int[] big = {784, (int) h.max(), 10};
        IllegalArgumentException budget = assertThrows(
                IllegalArgumentException.class,
                () -> new NetworkSpec(big, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC));
        assertEquals(NetworkSpec.tooLargeMessage(big), budget.getMessage());
    }

    @Test
    void zSpecTakesTheZViewsLimits() {
        new ZSpec(
                LabParameters.Z_INPUTS.maxInt(),
                0,
                InitCatalog.byId("standard"),
                30,
                LabParameters.Z_BIAS_SIGMA.max(),
                LabParameters.Z_SAMPLES.maxInt(),
                1);
        refused(
                LabParameters.Z_INPUTS,
                "1000001",
                () -> new ZSpec(1_000_001, 0, InitCatalog.byId("standard"), 30, 1, 10, 1));
        refused(
                LabParameters.Z_SAMPLES,
                "1000001",
                () -> new ZSpec(10, 0, InitCatalog.byId("standard"), 30, 1, 1_000_001, 1));
    }
}
