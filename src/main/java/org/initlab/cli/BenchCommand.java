package org.initlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.platform.Nd4jRuntime;
import org.initlab.settings.LabParameters;
import org.initlab.train.Comparison;
import org.initlab.train.Engine;
import org.initlab.train.EpochResult;
import org.initlab.train.EvalSplit;
import org.initlab.train.Nd4jEvaluator;
import org.initlab.train.RunControl;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.initlab.train.TrainingRun;
import org.initlab.train.TrainingSet;

/**
 * {@code bench}: the reference network's speed, printed as {@code name value} lines. Training seconds
 * per epoch count SGD steps only (the same figure numpy's yardstick measures); evaluation is timed apart.
 */
public final class BenchCommand {
    private BenchCommand() {}

    /** What the arguments ask to time, validated; nothing runs yet. */
    public record Plan(int epochs, int nd4jEpochs, Path data, boolean full, boolean profile, boolean deep) {}

    public static Plan plan(String[] args) throws UsageException {
        CliArgs a = CliArgs.parse(
                args, 1, CliArgs.options(LabParameters.benchOptions(), "data"), Set.of("full", "profile", "deep"));
        int epochs = a.get(LabParameters.BENCH_EPOCHS).intValue();
        // Without --nd4j-epochs: the catalogue's 2, or fewer when fewer epochs are timed.
        int nd4jEpochs = a.has(LabParameters.BENCH_ND4J_EPOCHS.option())
                ? a.get(LabParameters.BENCH_ND4J_EPOCHS).intValue()
                : (int) Math.min(epochs, LabParameters.BENCH_ND4J_EPOCHS.defaultValue());
        Path dir = a.dataFolder();
        return new Plan(epochs, nd4jEpochs, dir, a.flag("full"), a.flag("profile"), a.flag("deep"));
    }

    public static int run(String[] args, PrintStream out) throws UsageException, IOException, InterruptedException {
        Plan plan = plan(args);
        int epochs = plan.epochs(), nd4jEpochs = plan.nd4jEpochs();
        Path dir = plan.data();
        long loadMs = Nd4jRuntime.ensureLoaded();
        Dataset data = DatasetLoader.load(dir);
        NetworkSpec spec = NetworkSpec.reference(data.inputSize(), 30, data.classes());
        TrainingConfig reference = TrainingConfig.reference();
        InitScheme standard = InitScheme.of(InitCatalog.byId("standard"));
        InitScheme lecun = InitScheme.of(InitCatalog.byId("lecun"));

        out.println("nd4j_load_ms " + loadMs);
        out.println("nd4j_threads " + Nd4jRuntime.threadReport().replace(' ', ','));
        out.println("cores " + Runtime.getRuntime().availableProcessors());
        if (plan.deep()) { // the deep and wide networks only (docs/performance.md, "Deep and wide networks")
            DeepBench.run(data, out);
            out.println("peak_rss_mb " + peakRssMb());
            return 0;
        }
        // Warm-up: one epoch so the JIT has compiled the hot path before anything is timed.
        train(spec, reference.withEpochs(1), List.of(standard), data, 1);

        // The full comparison first, so its peak memory is not the other phases'.
        if (plan.full()) {
            boolean reset = resetPeakRss();
            long t0 = System.nanoTime();
            List<RunResult> full = train(spec, reference, List.of(standard, lecun), data, 2);
            out.printf(Locale.ROOT, "comparison_wall_s %.2f%n", (System.nanoTime() - t0) / 1e9);
            if (reset) out.println("comparison_peak_rss_mb " + peakRssMb());
            for (RunResult r : full)
                out.printf(
                        Locale.ROOT, "comparison_best_%s %d%n", r.run().scheme().id(), r.bestCorrect());
        }
        List<RunResult> single = train(spec, reference.withEpochs(epochs), List.of(standard), data, 1);
        out.printf(Locale.ROOT, "median_s_per_epoch %.4f%n", median(trainSeconds(single)));
        lockstep(spec, data, out);
        if (plan.profile()) StepProfileReport.print(spec, data, out);
        List<RunResult> both = train(spec, reference.withEpochs(epochs), List.of(standard, lecun), data, 2);
        out.printf(Locale.ROOT, "concurrent_median_s_per_epoch %.4f%n", median(trainSeconds(both)));
        out.printf(Locale.ROOT, "concurrent_median_wall_s_per_epoch %.4f%n", median(wallPerEpoch(both)));
        if (nd4jEpochs > 0) {
            List<RunResult> nd4j =
                    train(spec, reference.withEpochs(nd4jEpochs).withEngine(Engine.ND4J), List.of(standard), data, 1);
            out.printf(Locale.ROOT, "nd4j_median_s_per_epoch %.4f%n", median(trainSeconds(nd4j)));
        }
        out.printf(Locale.ROOT, "eval_ms %.2f%n", evalMillis(spec, data));
        out.println("peak_rss_mb " + peakRssMb());
        return 0;
    }

    /**
     * Network-epochs per second of the reference network trained in lockstep groups of 1, 2, 4 and 8 on one
     * thread (LockstepGroup): the same mini-batches, each group member its own weights.
     */
    private static void lockstep(NetworkSpec spec, Dataset data, PrintStream out) {
        TrainingSet set = TrainingSet.of(data, EvalSplit.TEST);
        TrainingConfig config = TrainingConfig.reference();
        int batches = 2000;
        for (int round = 0; round < 2; round++) { // the first round warms the group kernels up
            for (int g : new int[] {1, 2, 4, 8}) {
                ReferenceGroup group = new ReferenceGroup(spec, set, config, g);
                int n = round == 0 ? 300 : batches;
                long bytes0 = allocatedBytes();
                long t0 = System.nanoTime();
                group.steps(n);
                double s = (System.nanoTime() - t0) / 1e9;
                long bytes = allocatedBytes() - bytes0;
                if (round == 1) {
                    out.printf(
                            Locale.ROOT,
                            "lockstep_network_epochs_per_second_%d %.2f%n",
                            g,
                            g * (n / (double) config.batchesPerEpoch()) / s);
                    // A compiled step allocates about 100 bytes (its cost array); vectors the JIT failed to keep in
                    // registers add kilobytes.
                    if (bytes >= 0) out.printf(Locale.ROOT, "lockstep_allocated_bytes_per_step_%d %d%n", g, bytes / n);
                }
            }
        }
    }

    /** Bytes this thread has allocated so far, or -1 where the JVM does not count them. */
    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        return bean instanceof com.sun.management.ThreadMXBean sun ? sun.getCurrentThreadAllocatedBytes() : -1;
    }

    private static List<RunResult> train(
            NetworkSpec spec, TrainingConfig config, List<InitScheme> schemes, Dataset data, int threads)
            throws InterruptedException {
        return new Comparison(spec, config, schemes, List.of(1L), threads)
                .run(data, TrainingListener.NONE, new RunControl());
    }

    private static double[] trainSeconds(List<RunResult> runs) {
        return runs.stream()
                .flatMap(r -> r.epochs().stream())
                .mapToDouble(EpochResult::trainSeconds)
                .toArray();
    }

    /** Per-epoch wall time of concurrent runs: each run's total wall time over its epochs. */
    private static double[] wallPerEpoch(List<RunResult> runs) {
        return runs.stream()
                .mapToDouble(r -> r.wallSeconds() / r.epochs().size())
                .toArray();
    }

    private static double evalMillis(NetworkSpec spec, Dataset data) {
        Nd4jEvaluator eval = new Nd4jEvaluator(data.test(), null);
        var net = TrainingRun.initialNetwork(spec, new RunKey(0, InitScheme.of(InitCatalog.byId("lecun")), 1));
        for (int i = 0; i < 5; i++) eval.correct(net);
        double[] ms = new double[21];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            eval.correct(net);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return median(ms);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Resets the kernel's peak-RSS mark (Linux: "5" to /proc/self/clear_refs), so the next reading covers what follows. */
    static boolean resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Peak resident set size from /proc (Linux); -1 where it is not available. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
