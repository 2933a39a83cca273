package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.Dataset;
import org.initlab.platform.BackgroundPriority;

/**
 * A comparison: every scheme × every seed, trained in parallel over the cores (one run per thread, one
 * ND4J thread per op). Runs with the same seed share the mini-batch order, so the schemes are compared
 * on exactly the same data (a paired comparison); each scheme draws its weights from its own stream.
 */
public final class Comparison {
    private final NetworkSpec spec;
    private final TrainingConfig config;
    private final List<InitScheme> schemes;
    private final List<Long> seeds;
    private final int threads;

    public Comparison(
            NetworkSpec spec, TrainingConfig config, List<InitScheme> schemes, List<Long> seeds, int threads) {
        if (schemes.isEmpty()) throw new IllegalArgumentException("choose at least one scheme");
        if (seeds.isEmpty()) throw new IllegalArgumentException("choose at least one seed");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.spec = spec;
        this.config = config;
        this.schemes = List.copyOf(schemes);
        this.seeds = List.copyOf(seeds);
        this.threads = threads;
    }

    /** One run per core; {@code -Dinitlab.threads=N} overrides. */
    public static int defaultThreads() {
        Integer override = Integer.getInteger("initlab.threads");
        return override != null && override > 0
                ? override
                : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public NetworkSpec spec() {
        return spec;
    }

    public TrainingConfig config() {
        return config;
    }

    public List<InitScheme> schemes() {
        return schemes;
    }

    public List<Long> seeds() {
        return seeds;
    }

    /** Runs trained at once. */
    public int threads() {
        return threads;
    }

    /** The runs in display order: for each seed, each scheme. */
    public List<RunKey> runKeys() {
        List<RunKey> keys = new ArrayList<>();
        for (long seed : seeds) for (InitScheme s : schemes) keys.add(new RunKey(keys.size(), s, seed));
        return keys;
    }

    /**
     * Builds what runs on {@code dataset} share — the sparse training images and the evaluators — ahead of
     * time (the window does it while loading): built in a run's first moments they allocate ~100 MB at once,
     * which set off a garbage collection just as the charts start to move.
     */
    public static void prepare(Dataset dataset, TrainingConfig config) {
        TrainingSet data = TrainingSet.of(dataset, config.evalSplit());
        Evaluation.of(data, config);
        SparseImages.of(data.images());
    }

    /**
     * Some mini-batches on the reference network, thrown away, so the JIT compiles the training kernels
     * before the first run (the window does it once the data is in, and cancels it when Run is pressed).
     * Otherwise the first run's first second runs them interpreted: slowly, and making ~150 MB of vector
     * temporaries whose collections paused the window mid-pulse.
     */
    public static RunResult warmUp(Dataset dataset, RunControl control) throws InterruptedException {
        NetworkSpec spec = NetworkSpec.reference(dataset.inputSize(), 30, dataset.classes());
        TrainingConfig config = TrainingConfig.reference()
                .withEpochs(1)
                .withBatchesPerEpoch(WARM_UP_BATCHES)
                .withProbes(0);
        return new Comparison(spec, config, List.of(InitScheme.of(InitCatalog.byId("lecun"))), List.of(0L), 1)
                .run(dataset, TrainingListener.NONE, control)
                .get(0);
    }

    static final int WARM_UP_BATCHES = 1000;

    /** Trains every run and returns their results in {@link #runKeys()} order; blocks until done or cancelled. */
    public List<RunResult> run(Dataset dataset, TrainingListener listener, RunControl control)
            throws InterruptedException {
        TrainingSet data = TrainingSet.of(dataset, config.evalSplit());
        if (data.inputs() != spec.inputs())
            throw new IllegalArgumentException(
                    "network expects " + spec.inputs() + " inputs, the dataset has " + data.inputs());
        Evaluation evaluation = Evaluation.of(data, config);
        SparseImages.of(data.images()); // build once, before the runs race for it
        List<RunKey> keys = runKeys();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, keys.size()), r -> {
            Thread t = new Thread(BackgroundPriority.lowered(r), "initlab-train-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (RunKey key : keys) {
                TrainingRun run = new TrainingRun(key, spec, config, data, evaluation);
                futures.add(pool.submit(() -> safely(run, key, data.range(), listener, control)));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> f : futures) results.add(f.get());
            return results;
        } catch (InterruptedException e) {
            control.cancel();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private RunResult safely(
            TrainingRun run, RunKey key, TrainRange range, TrainingListener listener, RunControl control) {
        if (control.isCancelled()) {
            RunResult r = new RunResult(
                    key,
                    RunStatus.CANCELLED,
                    List.of(),
                    "cancelled before it started",
                    0,
                    range,
                    NetworkStats.EMPTY,
                    List.of());
            listener.runEnded(r);
            return r;
        }
        try {
            return run.run(listener, control);
        } catch (RuntimeException | OutOfMemoryError e) {
            RunResult r = new RunResult(
                    key, RunStatus.FAILED, List.of(), String.valueOf(e), 0, range, NetworkStats.EMPTY, List.of());
            listener.runEnded(r);
            return r;
        }
    }
}
