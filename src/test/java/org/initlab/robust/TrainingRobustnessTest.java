package org.initlab.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.train.Comparison;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.junit.jupiter.api.Test;

class TrainingRobustnessTest {
    @Test
    void aDivergingRunIsMarkedAndTheOthersGoOn() throws InterruptedException {
        // Deep ReLU under N(0,1) weights and η = 1000 overflows; in the same comparison N(0, 1e6) weights explode at
        // once,
        // while the reference network under lecun trains on in a second comparison sharing nothing but the thread pool
        // size.
        NetworkSpec deep =
                new NetworkSpec(new int[] {784, 30, 10}, Activation.RELU, OutputLayer.SOFTMAX, Loss.CROSS_ENTROPY);
        TrainingConfig config =
                TrainingConfig.reference().withEta(1000).withEpochs(2).withBatchesPerEpoch(200);
        List<RunResult> bad = new Comparison(
                        deep, config, List.of(InitScheme.of(InitCatalog.byId("standard"))), List.of(1L), 1)
                .run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        assertEquals(RunStatus.DIVERGED, bad.get(0).status());
        assertTrue(
                bad.get(0).message().contains("diverged in epoch 0")
                        && bad.get(0).message().contains("η = 1000"),
                bad.get(0).message());

        TrainingConfig reference = TrainingConfig.reference().withEpochs(2).withBatchesPerEpoch(200);
        List<RunResult> mixed = new Comparison(
                        NetworkSpec.reference(784, 30, 10),
                        reference,
                        List.of(
                                InitScheme.of(InitCatalog.byId("custom:1000000")),
                                InitScheme.of(InitCatalog.byId("lecun"))),
                        List.of(1L),
                        2)
                .run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        assertEquals(RunStatus.DIVERGED, mixed.get(0).status());
        assertTrue(
                mixed.get(0).message().contains("weights exploded"),
                mixed.get(0).message());
        assertEquals(RunStatus.COMPLETED, mixed.get(1).status(), "the other run goes on");
        assertEquals(2, mixed.get(1).epochs().size());
    }

    @Test
    void theReferenceNetworkAtEta1000IsReportedAsDiverged() throws InterruptedException {
        // Sigmoid keeps every number finite, but after one step all outputs saturate and the cost sits near its
        // maximum.
        TrainingConfig config =
                TrainingConfig.reference().withEta(1000).withEpochs(3).withBatchesPerEpoch(500);
        List<RunResult> results = new Comparison(
                        NetworkSpec.reference(784, 30, 10),
                        config,
                        List.of(InitScheme.of(InitCatalog.byId("lecun")), InitScheme.of(InitCatalog.byId("standard"))),
                        List.of(1L),
                        2)
                .run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        for (RunResult r : results) {
            assertEquals(RunStatus.DIVERGED, r.status(), r.run().label());
            assertTrue(r.message().contains("learning stopped"), r.message());
            assertTrue(
                    r.epochs().size() <= 2,
                    "stopped by the first epoch without any gradient: "
                            + r.epochs().size());
        }
    }

    private static long trainingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("initlab-train") && t.isAlive())
                .count();
    }

    @Test
    void cancelAndRestartFiftyTimesLeavesNoThreadsAndNoRunBehind() throws Exception {
        NetworkSpec spec = NetworkSpec.reference(784, 30, 10);
        TrainingConfig config = TrainingConfig.reference();
        List<InitScheme> schemes = List.of(
                InitScheme.of(InitCatalog.byId("standard")),
                InitScheme.of(InitCatalog.byId("lecun")),
                InitScheme.of(InitCatalog.byId("xavier")));
        new Comparison(spec, config.withEpochs(1).withBatchesPerEpoch(10), schemes, List.of(1L), 2)
                .run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        int threadsBefore = Thread.activeCount();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        List<WeakReference<Object>> cancelled = new ArrayList<>();
        for (int i = 0; i < 50; i++)
            cancelMidEpoch(caller, new Comparison(spec, config, schemes, List.of((long) i), 2), i, cancelled);
        caller.shutdown();
        assertTrue(caller.awaitTermination(10, TimeUnit.SECONDS));
        for (int k = 0; k < 50 && trainingThreads() > 0; k++) Thread.sleep(100);
        assertEquals(0, trainingThreads(), "no training thread keeps running");
        assertTrue(
                Thread.activeCount() <= threadsBefore + 1,
                "threads back to baseline: " + threadsBefore + " → " + Thread.activeCount());
        // Nothing holds a cancelled comparison (its networks) or its control: a collection clears every weak reference.
        for (int k = 0; k < 20 && reachable(cancelled) > 0; k++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(0, reachable(cancelled), "cancelled comparisons still reachable");
    }

    /** One comparison started, cancelled mid-epoch and awaited; its locals end here, so only a leak keeps it. */
    private static void cancelMidEpoch(
            ExecutorService caller, Comparison comparison, int i, List<WeakReference<Object>> cancelled)
            throws Exception {
        RunControl control = new RunControl();
        cancelled.add(new WeakReference<>(comparison));
        cancelled.add(new WeakReference<>(control));
        Future<List<RunResult>> f =
                caller.submit(() -> comparison.run(TestData.mnist(), TrainingListener.NONE, control));
        Thread.sleep(20 + (i % 5) * 10); // mid-epoch
        control.cancel();
        List<RunResult> results = f.get(30, TimeUnit.SECONDS);
        assertTrue(results.stream().allMatch(r -> r.status() == RunStatus.CANCELLED), "run " + i);
    }

    private static long reachable(List<WeakReference<Object>> refs) {
        return refs.stream().filter(r -> r.get() != null).count();
    }
}
