package org.initlab.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitScheme;
import org.initlab.data.Dataset;
import org.initlab.platform.BackgroundPriority;
import org.initlab.train.Comparison;
import org.initlab.train.Engine;
import org.initlab.train.Evaluation;
import org.initlab.train.LockstepRuns;
import org.initlab.train.RunControl;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.initlab.train.TrainingRun;
import org.initlab.train.TrainingSet;

/**
 * Trains a sweep's runs (one shard's) over threads, each run on one thread as {@code compare} trains it,
 * and hands each finished run to a listener and, when a file is given, appends it to the CSV before the
 * next. Runs already in the file are skipped. A diverged run is a result like any other; a failed one is
 * reported and the sweep goes on.
 */
public final class SweepRunner {
    /** Called from the training threads: quick and thread-safe. */
    public interface Listener {
        /** Before training: the shard's runs and how many of them the file already holds. */
        default void started(int runs, int alreadyDone) {}

        /** A finished run ({@code fromFile}: read back from the CSV, not trained now); {@code result} is null for those. */
        default void runEnded(SweepResult r, RunResult result, boolean fromFile) {}

        default void runFailed(SweepRun run, String message) {}

        /** The training events of the runs trained now (keyed by their index in the plan), as the Training tab gets them. */
        default TrainingListener training() {
            return TrainingListener.NONE;
        }
    }

    /** How a sweep ended. */
    public record Outcome(
            int runs,
            int trained,
            int skipped,
            int diverged,
            int failed,
            boolean cancelled,
            boolean complete,
            double wallSeconds) {}

    private SweepRunner() {}

    public static Outcome run(
            SweepPlan plan, Shard shard, Dataset dataset, Path csv, int threads, Listener listener, RunControl control)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<SweepRun> runs = plan.runs(shard);
        SweepCsv.Writer writer = csv == null ? null : new SweepCsv.Writer(csv, plan, shard);
        try {
            Map<String, SweepResult> done = writer == null ? Map.of() : writer.done();
            List<SweepRun> pending = new ArrayList<>();
            for (SweepRun r : runs) if (!done.containsKey(r.key(plan.axes()))) pending.add(r);
            listener.started(runs.size(), runs.size() - pending.size());
            for (SweepResult r : done.values()) listener.runEnded(r, null, true);
            TrainingSet data = TrainingSet.of(dataset, plan.base().eval());
            ConcurrentLinkedQueue<List<SweepRun>> queue = new ConcurrentLinkedQueue<>(groups(plan, pending, dataset));
            AtomicInteger trained = new AtomicInteger(), diverged = new AtomicInteger(), failed = new AtomicInteger();
            AtomicReference<IOException> writeError = new AtomicReference<>();
            int workers = Math.max(1, Math.min(threads, pending.size()));
            CountDownLatch latch = new CountDownLatch(workers);
            List<Thread> pool = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(
                        BackgroundPriority.lowered(() -> {
                            try {
                                List<SweepRun> unit;
                                work:
                                while (!control.isCancelled()
                                        && writeError.get() == null
                                        && (unit = queue.poll()) != null) {
                                    List<RunResult> results;
                                    try {
                                        results = unit.size() == 1
                                                ? List.of(train(
                                                        plan, unit.get(0), data, dataset, listener.training(), control))
                                                : trainGroup(plan, unit, data, dataset, listener.training(), control);
                                    } catch (RuntimeException | OutOfMemoryError e) {
                                        for (SweepRun run : unit) {
                                            failed.incrementAndGet();
                                            listener.runFailed(run, String.valueOf(e));
                                        }
                                        continue;
                                    }
                                    for (int u = 0; u < unit.size(); u++) {
                                        SweepRun run = unit.get(u);
                                        RunResult result = results.get(u);
                                        if (result.status() == RunStatus.CANCELLED) break work;
                                        if (result.status() == RunStatus.FAILED) {
                                            failed.incrementAndGet();
                                            listener.runFailed(run, result.message());
                                            continue;
                                        }
                                        SweepResult r = SweepResult.of(
                                                run,
                                                result,
                                                plan.epochs(),
                                                data.evaluation().count(),
                                                plan.evalSteps());
                                        if (r.isDiverged()) diverged.incrementAndGet();
                                        if (writer != null) {
                                            try {
                                                writer.append(r);
                                            } catch (IOException e) {
                                                writeError.compareAndSet(null, e);
                                                control.cancel();
                                                break work;
                                            }
                                        }
                                        trained.incrementAndGet();
                                        listener.runEnded(r, result, false);
                                    }
                                }
                            } finally {
                                latch.countDown();
                            }
                        }),
                        "initlab-sweep-" + (w + 1));
                t.setDaemon(true);
                pool.add(t);
                t.start();
            }
            try {
                latch.await();
            } catch (InterruptedException e) {
                control.cancel();
                throw e;
            }
            if (writeError.get() != null) throw writeError.get();
            boolean complete = writer == null
                    ? trained.get() + failed.get() == pending.size() && !control.isCancelled()
                    : writer.finish();
            return new Outcome(
                    runs.size(),
                    trained.get(),
                    runs.size() - pending.size(),
                    diverged.get(),
                    failed.get(),
                    control.isCancelled(),
                    complete,
                    (System.nanoTime() - t0) / 1e9);
        } finally {
            if (writer != null) writer.close();
        }
    }

    /**
     * Runs at most trained in one lockstep group. A group shares only the batch's unpacking, so beyond 4
     * it gains little per network (bench: 39 and 45 network-epochs a second for 4 and 8 against 34 alone)
     * while larger units balance two threads worse.
     */
    public static final int LOCKSTEP_MAX = 4;

    /**
     * The pending runs as units of work: runs whose settings are the same but for the scheme (so the same
     * mini-batches: the same seed, batch size, epochs; the same network shape) train in lockstep
     * ({@link LockstepRuns}), split into the fewest groups of at most {@link #LOCKSTEP_MAX}, of sizes that
     * differ by at most one (6 runs as 3 + 3, not 4 + 2: even units keep both threads busy to the end;
     * the catalogue took 8.0 s so against 9.0 s). Any other run is a unit alone. Units in plan order of
     * their first run.
     */
    static List<List<SweepRun>> groups(SweepPlan plan, List<SweepRun> pending, Dataset dataset) {
        Map<String, List<SweepRun>> byKey = new java.util.LinkedHashMap<>();
        List<List<SweepRun>> order = new ArrayList<>(); // a key's runs, or a lone run, at its first run
        for (SweepRun r : pending) {
            Comparison c = plan.comparison(r, dataset.inputSize(), dataset.classes());
            // Networks on the dense engine are units alone: one per core, none waiting behind another in a group.
            if (c.config().engine() != Engine.JAVA
                    || Engine.dense(c.spec(), c.config().batchSize())) {
                order.add(List.of(r));
                continue;
            }
            String key = r.seed() + "|" + plan.cellTexts(r.values(), r.seed()) + "|" + c.spec();
            byKey.computeIfAbsent(key, k -> {
                        List<SweepRun> same = new ArrayList<>();
                        order.add(same);
                        return same;
                    })
                    .add(r);
        }
        List<List<SweepRun>> units = new ArrayList<>();
        for (List<SweepRun> runs : order) {
            int parts = (runs.size() + LOCKSTEP_MAX - 1) / LOCKSTEP_MAX;
            for (int p = 0, from = 0; p < parts; p++) {
                int size = runs.size() / parts + (p < runs.size() % parts ? 1 : 0);
                units.add(List.copyOf(runs.subList(from, from + size)));
                from += size;
            }
        }
        return units;
    }

    /** Runs of one unit in lockstep: each exactly as {@link #train} gives it alone (LockstepRuns), but the timings. */
    static List<RunResult> trainGroup(
            SweepPlan plan, List<SweepRun> unit, TrainingSet data, Dataset dataset, RunControl control) {
        return trainGroup(plan, unit, data, dataset, TrainingListener.NONE, control);
    }

    static List<RunResult> trainGroup(
            SweepPlan plan,
            List<SweepRun> unit,
            TrainingSet data,
            Dataset dataset,
            TrainingListener listener,
            RunControl control) {
        List<RunKey> keys = new ArrayList<>();
        List<NetworkSpec> specs = new ArrayList<>();
        List<TrainingConfig> configs = new ArrayList<>();
        for (SweepRun run : unit) {
            Comparison c = plan.comparison(run, dataset.inputSize(), dataset.classes());
            keys.add(new RunKey(run.index(), c.schemes().get(0), run.seed()));
            specs.add(c.spec());
            configs.add(c.config());
        }
        if (!LockstepRuns.compatible(keys, specs, configs)) {
            List<RunResult> alone = new ArrayList<>();
            for (SweepRun run : unit) alone.add(train(plan, run, data, dataset, listener, control));
            return alone;
        }
        return LockstepRuns.run(keys, specs, configs, data, listener, control);
    }

    /** One run, exactly as {@code compare} trains that scheme and seed with these settings. */
    static RunResult train(SweepPlan plan, SweepRun run, TrainingSet data, Dataset dataset, RunControl control) {
        return train(plan, run, data, dataset, TrainingListener.NONE, control);
    }

    static RunResult train(
            SweepPlan plan,
            SweepRun run,
            TrainingSet data,
            Dataset dataset,
            TrainingListener listener,
            RunControl control) {
        Comparison c = plan.comparison(run, dataset.inputSize(), dataset.classes());
        InitScheme scheme = c.schemes().get(0);
        Evaluation evaluation = Evaluation.of(data, c.config());
        return new TrainingRun(new RunKey(run.index(), scheme, run.seed()), c.spec(), c.config(), data, evaluation)
                .run(listener, control);
    }
}
