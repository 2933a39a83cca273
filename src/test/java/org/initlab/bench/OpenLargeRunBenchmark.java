package org.initlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.report.RunJson;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunControl;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.training.LabViewModel;

/**
 * How long the window takes to open a large saved run: RUNS runs (RUNS/100 schemes custom:σ × 100 seeds, the most a
 * file holds) of EPOCHS epochs,
 * each a copy of one trained run under its own key, written with RunJson, then read and replayed into the
 * window's view-model (what File > Open does on the FX thread, here on the main thread).
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx3g --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:$(cat cp.txt) OpenLargeRunBenchmark 7000 4
 * </pre>
 */
public final class OpenLargeRunBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7000,
                epochs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<InitScheme> schemes = new ArrayList<>();
        for (int i = 1; i <= runs / 100; i++) schemes.add(InitScheme.of(InitCatalog.byId("custom:" + i / 10.0)));
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 100; s++) seeds.add(s);
        TrainingConfig config = TrainingConfig.reference().withEpochs(epochs).withBatchesPerEpoch(5);
        Comparison one = new Comparison(
                NetworkSpec.reference(784, 30, 10),
                config,
                List.of(InitScheme.of(InitCatalog.byId("standard"))),
                List.of(1L),
                1);
        RunResult trained = one.run(TestData.mnist(), TrainingListener.NONE, new RunControl())
                .get(0);
        Comparison big = new Comparison(one.spec(), config, schemes, seeds, 2);
        List<RunResult> results = new ArrayList<>();
        for (RunKey key : big.runKeys()) results.add(copy(trained, key));
        Path file = Files.createTempFile("initlab-large-run", ".json");
        try {
            RunJson.save(file, big, TestData.mnist(), results);
            // CPU time of this thread as well as wall time: on a shared machine the wall time is mostly waiting.
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = System.nanoTime(), c0 = cpu.getCurrentThreadCpuTime();
            RunJson.SavedRun saved = RunJson.load(file);
            long t1 = System.nanoTime(), c1 = cpu.getCurrentThreadCpuTime();
            LabViewModel vm = new LabViewModel(BackgroundRunner.SYNCHRONOUS);
            vm.openSavedRun(saved);
            long t2 = System.nanoTime(), c2 = cpu.getCurrentThreadCpuTime();
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%d runs × %d epochs, %.1f MB: read %.2f s (CPU %.2f s), shown %.2f s (CPU %.2f s), %d rows%n",
                    runs,
                    epochs,
                    Files.size(file) / 1e6,
                    (t1 - t0) / 1e9,
                    (c1 - c0) / 1e9,
                    (t2 - t1) / 1e9,
                    (c2 - c1) / 1e9,
                    vm.results().rows().size());
        } finally {
            Files.deleteIfExists(file);
        }
        System.exit(0);
    }

    private static RunResult copy(RunResult r, RunKey key) {
        List<EpochResult> epochs = new ArrayList<>();
        for (EpochResult e : r.epochs()) {
            epochs.add(new EpochResult(
                    key,
                    e.epoch(),
                    e.correct(),
                    e.total(),
                    e.meanCost(),
                    e.trainSeconds(),
                    e.evalMillis(),
                    List.of(),
                    e.meanAbsDelta(),
                    e.stats()));
        }
        List<ProbePoint> probes = new ArrayList<>();
        for (ProbePoint p : r.probes())
            probes.add(new ProbePoint(
                    key, p.epochPosition(), p.examplesSeen(), p.meanCost(), p.correct(), p.total(), p.gradients()));
        return new RunResult(
                key, r.status(), epochs, r.message(), r.wallSeconds(), r.trainRange(), r.initial(), probes);
    }
}
