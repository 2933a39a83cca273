package org.initlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.format.Numbers;
import org.initlab.io.OutputPaths;
import org.initlab.report.AccuracyChartPng;
import org.initlab.report.RunCsv;
import org.initlab.report.RunJson;
import org.initlab.report.SummaryTable;
import org.initlab.settings.ExperimentSettings;
import org.initlab.settings.IdListParam;
import org.initlab.settings.LabParameters;
import org.initlab.settings.Param;
import org.initlab.settings.Presets;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.EvalSplit;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.TrainRange;
import org.initlab.train.TrainingListener;

/**
 * {@code compare}: trains schemes × seeds and prints the reference's lines ({@code standard seed=1 Epoch 0:
 * 9040 / 10000}, {@code best: N / 10000}), then a summary, and optionally writes a CSV.
 */
public final class CompareCommand {
    /** Starts from a built-in preset's settings and schemes (settings/Presets); the other options change them. */
    static final String PRESET = "preset";

    static final Set<String> OPTIONS =
            CliArgs.options(LabParameters.compareOptions(), "data", "csv", "json", "png", PRESET);

    private CompareCommand() {}

    /** The comparison the arguments describe, fully validated; nothing is trained yet. */
    public record Plan(Path data, Comparison comparison, Path csv, Path json, Path png, double targetPercent) {}

    public static Plan plan(String[] args) throws UsageException {
        CliArgs a = CliArgs.parse(args, 1, OPTIONS, Set.of());
        Path data = a.dataFolder();
        CliArgs.checkOutputs(CliArgs.readsData(new OutputPaths.Check(), data)
                .output("csv", a.typed("csv"))
                .output("json", a.typed("json"))
                .output("png", a.typed("png")));
        // The options are the experiment's settings texts under their parameter ids; ExperimentSettings reads them as
        // it reads the window's.
        Map<String, String> texts = new LinkedHashMap<>();
        Presets.Preset preset = preset(a);
        if (preset != null) texts.putAll(preset.settings().values());
        for (Param<?> p : LabParameters.compareOptions()) {
            if (p != LabParameters.SCHEMES && p != LabParameters.THREADS && a.has(p.option()))
                texts.put(p.id(), a.string(p.option(), ""));
        }
        List<String> schemeIds = a.has(LabParameters.SCHEMES.option()) || preset == null
                ? IdListParam.ids(a.string(LabParameters.SCHEMES.option(), LabParameters.SCHEMES.defaultText()))
                : preset.settings().schemes();
        // The network's inputs are the data's image size (28×28 for MNIST), read from its header: compare takes what
        // sweep takes.
        DataShape shape = DataShape.read(data).orElse(null);
        int inputs = shape == null ? ExperimentSettings.DEFAULT_INPUTS : shape.pixels();
        ExperimentSettings.Result parsed =
                ExperimentSettings.parse(texts, schemeIds, inputs, ExperimentSettings.DEFAULT_CLASSES);
        if (!parsed.ok()) throw new UsageException(parsed.problems().get(0).onCommandLine());
        ExperimentSettings settings = parsed.settings();
        int threads = a.get(LabParameters.THREADS).intValue();
        Comparison comparison;
        try {
            comparison = settings.comparison(inputs, ExperimentSettings.DEFAULT_CLASSES, threads);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        checkAgainstData(settings.eval(), data, shape);
        String memory = MemoryCheck.problem(
                comparison.spec(),
                comparison.config().batchSize(),
                comparison.runKeys().size(),
                threads,
                shape,
                Runtime.getRuntime().maxMemory());
        if (memory != null) throw new UsageException(memory);
        return new Plan(data, comparison, a.path("csv"), a.path("json"), a.path("png"), settings.target());
    }

    /** The preset {@code --preset} names, or null without the option; an unknown id is refused with the known ones. */
    static Presets.Preset preset(CliArgs a) throws UsageException {
        if (!a.has(PRESET)) return null;
        String id = a.string(PRESET, "").strip();
        return Presets.byId(id)
                .orElseThrow(() -> new UsageException(
                        "--preset: unknown preset '" + id + "'; known: " + String.join(", ", Presets.ids())));
    }

    static String threads(int n) {
        return n == 1 ? "1 thread" : n + " threads";
    }

    /** The validation split holds out the last 10,000 training images: a smaller training file is refused before any work. */
    static void checkAgainstData(EvalSplit eval, Path data, DataShape shape) throws UsageException {
        if (eval != EvalSplit.VALIDATION || shape == null || shape.trainImages() > TrainRange.VALIDATION_SIZE) return;
        throw new UsageException("--eval validation: the validation split holds out the last "
                + Numbers.grouped(TrainRange.VALIDATION_SIZE) + " training images, and " + data + " has "
                + Numbers.grouped(shape.trainImages()) + "; use --eval test");
    }

    public static int run(String[] args, PrintStream out, PrintStream err)
            throws UsageException, IOException, InterruptedException {
        Plan plan = plan(args);
        Dataset dataset = DatasetLoader.load(plan.data());
        Comparison comparison = plan.comparison();
        if (!dataset.verified())
            err.println("note: " + plan.data() + " has no checksum manifest; its files were not verified");
        TrainingListener printer = new TrainingListener() {
            @Override
            public void epochEnded(EpochResult e) {
                synchronized (out) {
                    out.printf(
                            Locale.ROOT,
                            "%s seed=%d Epoch %d: %d / %d%n",
                            e.run().scheme().id(),
                            e.run().seed(),
                            e.epoch(),
                            e.correct(),
                            e.total());
                    out.flush();
                }
            }
        };
        long t0 = System.nanoTime();
        List<RunResult> results = comparison.run(dataset, printer, new RunControl());
        double wall = (System.nanoTime() - t0) / 1e9;
        for (RunResult r : results) {
            if (r.epochs().isEmpty())
                out.printf(
                        Locale.ROOT,
                        "%s seed=%d best: none (no epoch was measured)%n",
                        r.run().scheme().id(),
                        r.run().seed());
            else
                out.printf(
                        Locale.ROOT,
                        "%s seed=%d best: %d / %d%n",
                        r.run().scheme().id(),
                        r.run().seed(),
                        r.bestCorrect(),
                        r.total());
            if (r.status() != RunStatus.COMPLETED)
                out.printf(
                        Locale.ROOT,
                        "%s seed=%d %s: %s%n",
                        r.run().scheme().id(),
                        r.run().seed(),
                        r.status(),
                        r.message());
        }
        out.println();
        out.print(SummaryTable.format(results, plan.targetPercent()));
        out.printf(
                Locale.ROOT,
                "wall time %.1f s for %d runs on %s%n",
                wall,
                results.size(),
                threads(Math.min(results.size(), comparison.threads())));
        if (plan.csv() != null) {
            RunCsv.write(plan.csv(), comparison, results);
            out.println("wrote " + plan.csv());
        }
        if (plan.json() != null) {
            RunJson.save(plan.json(), comparison, dataset, results);
            out.println("wrote " + plan.json());
        }
        if (plan.png() != null) {
            AccuracyChartPng.write(
                    plan.png(),
                    "Test accuracy: " + comparison.spec() + ", η "
                            + comparison.config().eta(),
                    results);
            out.println("wrote " + plan.png());
        }
        return results.stream().anyMatch(r -> r.status() == RunStatus.FAILED) ? 1 : 0;
    }
}
