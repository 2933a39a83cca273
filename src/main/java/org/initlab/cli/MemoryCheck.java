package org.initlab.cli;

import java.util.Locale;
import org.initlab.core.NetworkSpec;
import org.initlab.sweep.SweepRunner;
import org.initlab.train.TrainRange;

/**
 * The heap a command asks for, estimated before anything is allocated and refused with the figures when
 * it is more than this JVM may use ({@link Runtime#maxMemory()}). Per run, in floats: the weights three
 * times (the network, the step's copy and its transpose), the batch's z, activations and deltas of every
 * layer and its scaled input. Runs train in lockstep groups of up to 4 per thread. The data: a byte per
 * pixel, plus 4 bytes per training pixel (its sparse index) and per evaluated pixel (a float copy). ND4J's
 * evaluation is off the heap and not counted: {@code compare --hidden 60000 --threads 1} runs in a 2 GB heap
 * (3.9 GB resident), and this check lets it.
 */
final class MemoryCheck {
    /** Networks alive at once per thread: a lockstep group (SweepRunner.LOCKSTEP_MAX). */
    static final int PER_THREAD = SweepRunner.LOCKSTEP_MAX;

    private MemoryCheck() {}

    /** Bytes one run holds while it trains, at batch size {@code batch}. */
    static long trainingBytes(NetworkSpec spec, int batch) {
        int[] s = spec.sizes();
        long params = 0, units = 0, widest = 0;
        for (int l = 0; l + 1 < s.length; l++) params += (long) s[l] * s[l + 1] + s[l + 1];
        for (int l = 1; l < s.length; l++) units += s[l];
        for (int n : s) widest = Math.max(widest, n);
        return 4 * (3 * params + 3L * batch * units + (long) batch * widest);
    }

    static long dataBytes(DataShape d) {
        return d.bytes()
                + 4L * d.trainImages() * d.pixels()
                + 4L * Math.min(d.testImages(), TrainRange.VALIDATION_SIZE) * d.pixels();
    }

    /** The problem with training {@code runs} runs of the largest {@code spec} on {@code threads} threads, or null when it fits. */
    static String problem(NetworkSpec spec, int batch, long runs, int threads, DataShape data, long available) {
        int[] s = spec.sizes();
        for (int n : s) {
            if ((long) batch * n > Integer.MAX_VALUE) {
                return String.format(
                        Locale.ROOT,
                        "a batch of %,d images through a layer of %,d units is %,d values, more than one Java array holds (%,d)",
                        batch,
                        n,
                        (long) batch * n,
                        Integer.MAX_VALUE);
            }
        }
        long atOnce = Math.min(runs, (long) threads * PER_THREAD);
        long perRun = trainingBytes(spec, batch), dataBytes = data == null ? 0 : dataBytes(data);
        long need = dataBytes + atOnce * perRun;
        if (need <= available) return null;
        return String.format(
                Locale.ROOT,
                "not enough memory: about %,d MB needed (%,d runs at once × %,d MB for weights, gradients and activations at batch %,d; "
                        + "the data %,d MB), and this JVM may use %,d MB: use fewer --threads, a smaller --batch or network, or a larger -Xmx",
                mb(need),
                atOnce,
                mb(perRun),
                batch,
                mb(dataBytes),
                mb(available));
    }

    private static long mb(long bytes) {
        return (bytes + 999_999) / 1_000_000;
    }
}
