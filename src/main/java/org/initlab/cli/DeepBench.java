package org.initlab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.Dataset;
import org.initlab.math.Seeds;
import org.initlab.train.BatchSampler;
import org.initlab.train.DenseSgdStep;
import org.initlab.train.Engine;
import org.initlab.train.EpochMode;
import org.initlab.train.EvalSplit;
import org.initlab.train.Nd4jEvaluator;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingSet;

/**
 * {@code bench --deep}: the deep and wide networks of {@code shared/bench/deep_numpy.py}, the same work —
 * 784 → D×W → 10, softmax and cross-entropy, plain SGD, weights N(0, 1/n_in) (LeCun normal), biases 0,
 * TensorFlow's training split walked in shuffled order — timed over the same number of steps on one thread
 * and on two, with each phase's share and the memory the step keeps.
 */
final class DeepBench {
    /** One of deep_numpy.py's configurations. */
    record Config(String name, int depth, int width, Activation activation, int batch, int steps, double eta) {
        NetworkSpec spec(int inputs, int classes) {
            int[] hidden = new int[depth];
            Arrays.fill(hidden, width);
            return new NetworkSpec(
                    NetworkSpec.layerSizes(inputs, hidden, classes),
                    activation,
                    OutputLayer.SOFTMAX,
                    Loss.CROSS_ENTROPY);
        }
    }

    static final Config[] CONFIGS = {
        new Config("deep20x100", 20, 100, Activation.TANH, 64, 300, 0.05),
        new Config("deep50x300", 50, 300, Activation.TANH, 128, 100, 0.01),
        new Config("wide3x1024", 3, 1024, Activation.RELU, 64, 300, 0.05),
    };

    private DeepBench() {}

    static void run(Dataset data, PrintStream out) {
        TrainingSet set = TrainingSet.of(data, EvalSplit.TEST);
        InitScheme lecun = new InitScheme(InitCatalog.byId("lecun"), BiasInit.ZEROS);
        out.println("deep_kernels " + DenseSgdStep.kernelName());
        for (Config c : CONFIGS) {
            NetworkSpec spec = c.spec(data.inputSize(), data.classes());
            TrainingConfig config = config(c);
            // Warm-up on a network of its own, a third of the steps, so the JIT has compiled the kernels before
            // anything is timed.
            train(spec, lecun, set, config, 1, c.steps() / 3, null);
            long[] phases = new long[DenseSgdStep.Phase.values().length];
            Run one = train(spec, lecun, set, config, 1, c.steps(), phases);
            long[] phasesTwo = new long[DenseSgdStep.Phase.values().length];
            Run two = train(spec, lecun, set, config, 2, c.steps(), phasesTwo);
            out.printf(Locale.ROOT, "deep_s_per_step_%s %.7f%n", c.name(), one.seconds / c.steps());
            // The stepping thread's CPU time: on a loaded machine the wall time also counts the waits for a core.
            if (one.cpuSeconds >= 0)
                out.printf(Locale.ROOT, "deep_cpu_s_per_step_%s %.7f%n", c.name(), one.cpuSeconds / c.steps());
            out.printf(Locale.ROOT, "deep_s_per_step_2_threads_%s %.7f%n", c.name(), two.seconds / c.steps());
            out.printf(Locale.ROOT, "deep_two_thread_speedup_%s %.2f%n", c.name(), one.seconds / two.seconds);
            shares(out, c.name(), phases);
            // On two threads the update runs beside the backpropagation: its share is in "backward".
            shares(out, "2_threads_" + c.name(), phasesTwo);
            out.printf(Locale.ROOT, "deep_loss_last_step_%s %.6f%n", c.name(), one.lastCost);
            Nd4jEvaluator test = new Nd4jEvaluator(data.test(), null);
            out.printf(
                    Locale.ROOT,
                    "deep_acc_test_%s %.4f%n",
                    c.name(),
                    test.correct(one.net) / (double) data.test().count());
            // The evaluation of the 10,000 test images that a sweep's step points and epochs run (warm: the second).
            long e0 = System.nanoTime();
            test.correct(one.net);
            out.printf(Locale.ROOT, "deep_eval_ms_%s %.1f%n", c.name(), (System.nanoTime() - e0) / 1e6);
            memory(out, c.name(), spec, set, config, one.offHeapBytes);
            if (!Arrays.equals(one.bits, two.bits)) out.println("deep_bits_differ_" + c.name() + " 1_and_2_threads");
        }
        // The deepest network the lab builds at the usual width: memory against its parameters, and a few steps.
        NetworkSpec deepest = new Config("deep1000x100", 1000, 100, Activation.TANH, 64, 20, 0.01)
                .spec(data.inputSize(), data.classes());
        TrainingConfig deepestConfig = config(new Config("deep1000x100", 1000, 100, Activation.TANH, 64, 20, 0.01));
        Run d = train(deepest, lecun, set, deepestConfig, 1, 20, null);
        out.printf(Locale.ROOT, "deep_s_per_step_deep1000x100 %.5f%n", d.seconds / 20);
        memory(out, "deep1000x100", deepest, set, deepestConfig, d.offHeapBytes);
    }

    private static void shares(PrintStream out, String name, long[] phases) {
        long total = Arrays.stream(phases).sum();
        for (DenseSgdStep.Phase p : DenseSgdStep.Phase.values()) {
            out.printf(
                    Locale.ROOT,
                    "deep_share_%s_%s %.3f%n",
                    name,
                    p.name().toLowerCase(Locale.ROOT),
                    phases[p.ordinal()] / (double) total);
        }
    }

    private static void memory(
            PrintStream out, String name, NetworkSpec spec, TrainingSet set, TrainingConfig config, long offHeap) {
        long params = NetworkSpec.parameterCount(spec.sizes());
        out.printf(Locale.ROOT, "deep_parameters_%s %d%n", name, params);
        out.printf(Locale.ROOT, "deep_step_memory_mb_%s %.1f%n", name, offHeap / 1e6);
        // The step's memory over the parameters' own 4 bytes each (the network's arrays on the heap are one more).
        out.printf(Locale.ROOT, "deep_step_memory_per_parameter_bytes_%s %.2f%n", name, offHeap / (double) params);
    }

    private static TrainingConfig config(Config c) {
        return new TrainingConfig(
                c.eta(), c.batch(), 1000, 1, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 1000, Engine.JAVA);
    }

    private record Run(double seconds, double cpuSeconds, double lastCost, Mlp net, long offHeapBytes, int[] bits) {}

    /** {@code steps} steps from a fresh network (seed 1) on seed 1's batches; the seconds count the steps only. */
    private static Run train(
            NetworkSpec spec,
            InitScheme scheme,
            TrainingSet set,
            TrainingConfig config,
            int threads,
            int steps,
            long[] phases) {
        Mlp net = scheme.initialize(spec, Seeds.rng(1, Seeds.init(scheme.id())));
        DenseSgdStep step = new DenseSgdStep(net, set, config, threads);
        step.profile(phases);
        BatchSampler sampler =
                new BatchSampler(set.first(), set.count(), config.batchSize(), Seeds.rng(1, Seeds.BATCHES));
        int[] batch = new int[config.batchSize()];
        double cost = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : -1;
        long t0 = System.nanoTime();
        for (int s = 0; s < steps; s++) cost = step.step(batch, sampler.next(batch));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = c0 < 0 ? -1 : (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        Mlp trained = step.network();
        int[] bits = new int[trained.spec().layers()];
        for (int l = 0; l < bits.length; l++) bits[l] = Arrays.hashCode(trained.weights(l));
        return new Run(seconds, cpuSeconds, cost / config.batchSize(), trained, step.offHeapBytes(), bits);
    }
}
