package org.initlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.train.Comparison;
import org.initlab.train.Engine;
import org.initlab.train.EpochMode;
import org.initlab.train.EpochResult;
import org.initlab.train.EvalSplit;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.RunSummary;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.initlab.report.SummaryTable;
import org.initlab.report.RunCsv;

/**
 * {@code compare}: trains schemes × seeds and prints the reference's lines ({@code standard seed=1 Epoch 0:
 * 9040 / 10000}, {@code best: N / 10000}), then a summary, and optionally writes a CSV.
 */
public final class CompareCommand {
    static final Set<String> OPTIONS = Set.of("data", "schemes", "epochs", "seeds", "hidden", "eta", "batch", "batches-per-epoch", "loss",
            "csv", "json", "png", "activation", "output", "lambda", "eval", "epoch-mode", "engine", "threads", "bias", "target");
    public static final int MAX_HIDDEN_UNITS = 100_000;

    private CompareCommand() {}

    /** The comparison the arguments describe, fully validated; nothing is trained yet. */
    public record Plan(Path data, Comparison comparison, Path csv, Path json, Path png, double targetPercent) {}

    public static Plan plan(String[] args) throws UsageException {
        CliArgs a = CliArgs.parse(args, 1, OPTIONS, Set.of());
        Path data = a.has("data") ? Path.of(a.string("data", "")) : DatasetLoader.bundledMnist();
        if (!java.nio.file.Files.isDirectory(data)) throw new UsageException("--data: " + data + " is not a folder (expected the four MNIST IDX files)");
        List<InitScheme> schemes = parseSchemes(a.string("schemes", "standard,lecun"), a.choice("bias", BiasInit.STANDARD_NORMAL, BiasInit::parse));
        List<Long> seeds = parseSeeds(a.string("seeds", "1"));
        int[] hidden = parseHidden(a.string("hidden", "30"));
        Loss loss = a.choice("loss", Loss.QUADRATIC, Loss::parse);
        OutputLayer output = a.choice("output", OutputLayer.SIGMOID, OutputLayer::parse);
        Activation activation = a.choice("activation", Activation.SIGMOID, Activation::parse);
        int[] sizes = NetworkSpec.layerSizes(784, hidden, 10);
        NetworkSpec spec;
        TrainingConfig config;
        try {
            spec = new NetworkSpec(sizes, activation, output, loss);
            config = new TrainingConfig(
                    a.decimal("eta", 3.0, 0, 1e6),
                    a.integer("batch", 10, 1, TrainingConfig.MAX_BATCH),
                    a.integer("batches-per-epoch", 5000, 1, TrainingConfig.MAX_BATCHES_PER_EPOCH),
                    a.integer("epochs", 30, 1, TrainingConfig.MAX_EPOCHS),
                    a.nonNegative("lambda", 0.0, 1e6),
                    a.choice("epoch-mode", EpochMode.BATCHES, EpochMode::parse),
                    a.choice("eval", EvalSplit.TEST, EvalSplit::parse),
                    10, 1000,
                    a.choice("engine", Engine.JAVA, Engine::parse));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int threads = a.integer("threads", Comparison.defaultThreads(), 1, 256);
        Path csv = a.has("csv") ? Path.of(a.string("csv", "")) : null;
        double target = a.decimal("target", RunSummary.REFERENCE_TARGET_PERCENT, 0, 100);
        Path json = a.has("json") ? Path.of(a.string("json", "")) : null;
        Path png = a.has("png") ? Path.of(a.string("png", "")) : null;
        return new Plan(data, new Comparison(spec, config, schemes, seeds, threads), csv, json, png, target);
    }

    static List<InitScheme> parseSchemes(String text, BiasInit bias) throws UsageException {
        List<InitScheme> schemes = new ArrayList<>();
        for (String id : text.split(",")) {
            if (id.isBlank()) throw new UsageException("--schemes: empty scheme name in '" + text + "'");
            try {
                InitScheme s = new InitScheme(InitCatalog.byId(id), bias);
                if (schemes.stream().anyMatch(x -> x.id().equals(s.id()))) throw new UsageException("--schemes: '" + id.strip() + "' is listed twice");
                schemes.add(s);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--schemes: " + e.getMessage());
            }
        }
        return schemes;
    }

    static List<Long> parseSeeds(String text) throws UsageException {
        List<Long> seeds = new ArrayList<>();
        for (String s : text.split(",")) {
            long seed = CliArgs.parseLong("seeds", s, 0, Long.MAX_VALUE);
            if (seeds.contains(seed)) throw new UsageException("--seeds: " + seed + " is listed twice");
            seeds.add(seed);
        }
        if (seeds.size() > 1000) throw new UsageException("--seeds: at most 1000 seeds");
        return seeds;
    }

    static int[] parseHidden(String text) throws UsageException {
        String[] parts = text.split(",");
        if (parts.length > 100) throw new UsageException("--hidden: at most 100 hidden layers");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) sizes[i] = CliArgs.parseInt("hidden", parts[i], 1, MAX_HIDDEN_UNITS);
        return sizes;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws UsageException, IOException, InterruptedException {
        Plan plan = plan(args);
        Dataset dataset = DatasetLoader.load(plan.data());
        Comparison comparison = plan.comparison();
        if (!dataset.verified()) err.println("note: " + plan.data() + " has no checksum manifest; its files were not verified");
        TrainingListener printer = new TrainingListener() {
            @Override
            public void epochEnded(EpochResult e) {
                synchronized (out) {
                    out.printf(Locale.ROOT, "%s seed=%d Epoch %d: %d / %d%n", e.run().scheme().id(), e.run().seed(), e.epoch(), e.correct(), e.total());
                    out.flush();
                }
            }
        };
        long t0 = System.nanoTime();
        List<RunResult> results = comparison.run(dataset, printer, new RunControl());
        double wall = (System.nanoTime() - t0) / 1e9;
        for (RunResult r : results) {
            out.printf(Locale.ROOT, "%s seed=%d best: %d / %d%n", r.run().scheme().id(), r.run().seed(), r.bestCorrect(), r.total());
            if (r.status() != RunStatus.COMPLETED) out.printf(Locale.ROOT, "%s seed=%d %s: %s%n", r.run().scheme().id(), r.run().seed(), r.status(), r.message());
        }
        out.println();
        out.print(SummaryTable.format(results, plan.targetPercent()));
        out.printf(Locale.ROOT, "wall time %.1f s for %d runs on %d threads%n", wall, results.size(), Math.min(results.size(), Comparison.defaultThreads()));
        if (plan.csv() != null) {
            RunCsv.write(plan.csv(), comparison, results);
            out.println("wrote " + plan.csv());
        }
        if (plan.json() != null) {
            org.initlab.report.RunJson.save(plan.json(), comparison, dataset, results);
            out.println("wrote " + plan.json());
        }
        if (plan.png() != null) {
            org.initlab.report.AccuracyChartPng.write(plan.png(), "Test accuracy: " + comparison.spec() + ", η " + comparison.config().eta(), results);
            out.println("wrote " + plan.png());
        }
        return results.stream().anyMatch(r -> r.status() == RunStatus.FAILED) ? 1 : 0;
    }
}
