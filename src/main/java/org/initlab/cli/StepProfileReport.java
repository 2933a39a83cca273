package org.initlab.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.initlab.core.NetworkSpec;
import org.initlab.data.Dataset;
import org.initlab.train.EvalSplit;
import org.initlab.train.SparseImages;
import org.initlab.train.StepProfile;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingSet;

/**
 * {@code bench --profile}: the reference step's seconds per network-epoch, phase by phase, alone and in a
 * lockstep group of 8, beside its arithmetic: the 16-lane fused multiply-adds an epoch needs.
 */
final class StepProfileReport {
    private static final int[] GROUPS = {1, 8};

    private StepProfileReport() {}

    static void print(NetworkSpec spec, Dataset data, PrintStream out) {
        TrainingSet set = TrainingSet.of(data, EvalSplit.TEST);
        TrainingConfig config = TrainingConfig.reference();
        for (int g : GROUPS) {
            ReferenceGroup group = new ReferenceGroup(spec, set, config, g);
            StepProfile profile = new StepProfile();
            group.group.profile(profile);
            group.steps(500); // warm-up
            profile.reset();
            group.steps(config.batchesPerEpoch());
            double networkEpochs = g * profile.batches() / (double) config.batchesPerEpoch();
            for (StepProfile.Phase phase : StepProfile.Phase.values()) {
                out.printf(
                        Locale.ROOT,
                        "profile_%d_%s_s %.4f%n",
                        g,
                        phase.name().toLowerCase(Locale.ROOT),
                        profile.seconds(phase) / networkEpochs);
            }
            out.printf(Locale.ROOT, "profile_%d_total_s %.4f%n", g, profile.totalSeconds() / networkEpochs);
        }
        out.printf(Locale.ROOT, "profile_fma_per_epoch %d%n", fmaPerEpoch(spec, set, config));
    }

    /**
     * The 16-lane fused multiply-adds of one reference epoch: per example, the first layer's sum and update
     * over its non-zero pixels (a row of 30 units is 2 vectors; the mean over all training images), and the dense second layer's forward pass,
     * backpropagation and update (each 30 × 1 or 10 × 2 vectors). Activations are not counted. For the
     * reference's two layers, which is what the profile trains.
     */
    static long fmaPerEpoch(NetworkSpec spec, TrainingSet set, TrainingConfig config) {
        double meanNnz =
                SparseImages.of(set.images()).nonZero() / (double) set.images().count();
        int lanes = 16, hidden = spec.size(1), out = spec.size(2);
        int v1 = (hidden + lanes - 1) / lanes, v2 = (out + lanes - 1) / lanes;
        // first layer: sum + update over the non-zero pixels; second: forward + update (hidden rows of out),
        // backpropagation + the transposed copy's update (out rows of hidden); both biases.
        double perExample = 2 * meanNnz * v1 + 2 * hidden * v2 + 2 * out * v1 + v1 + v2;
        return Math.round(perExample * config.batchSize() * config.batchesPerEpoch());
    }
}
