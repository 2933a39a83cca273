package org.initlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.io.OutputPaths;
import org.initlab.settings.ExperimentSettings;
import org.initlab.settings.IdListParam;
import org.initlab.settings.LabParameters;
import org.initlab.settings.Param;
import org.initlab.settings.Presets;
import org.initlab.sweep.DepthAgreement;
import org.initlab.sweep.DepthScaleCurve;
import org.initlab.sweep.PresetGrid;
import org.initlab.sweep.Shard;
import org.initlab.sweep.SweepPlan;
import org.initlab.sweep.SweepResult;
import org.initlab.sweep.SweepRun;
import org.initlab.sweep.SweepRunner;
import org.initlab.train.Comparison;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.StepPoint;
import org.initlab.train.TrainingListener;

/**
 * {@code sweep}: one parameter (or two as a grid) over values × schemes × seeds, every compare option
 * applying to every run. Prints a line per finished run and a table per cell; with {@code --csv} each run
 * is appended as it ends, and a restart with the same arguments and file skips the runs already there.
 */
public final class SweepCommand {
    /** Starts from a built-in preset's settings and schemes (settings/Presets); the other options change them. */
    static final String PRESET = "preset";

    static final Set<String> OPTIONS;

    static {
        Set<String> o = new java.util.LinkedHashSet<>(CompareCommand.OPTIONS);
        o.remove("json");
        o.remove("png");
        o.addAll(List.of(
                SweepPlan.PARAM,
                SweepPlan.VALUES,
                SweepPlan.PARAM2,
                SweepPlan.VALUES2,
                "shard",
                "json",
                "png",
                PRESET));
        OPTIONS = o;
    }

    private SweepCommand() {}

    public record Plan(Path data, SweepPlan sweep, Shard shard, Path csv, int threads) {}

    public static Plan plan(String[] args) throws UsageException {
        CliArgs a = CliArgs.parse(args, 1, OPTIONS, Set.of());
        if (a.has("json") || a.has("png")) {
            throw new UsageException(
                    "--" + (a.has("json") ? "json" : "png")
                            + " is compare's; a sweep writes its results with --csv (the window draws its curve and map, with PNG export)");
        }
        Path data = a.dataFolder();
        CliArgs.checkOutputs(CliArgs.readsData(new OutputPaths.Check(), data).output("csv", a.typed("csv")));
        Map<String, String> settings = new LinkedHashMap<>();
        Presets.Preset preset = CompareCommand.preset(a);
        List<String> presetSchemes = preset == null ? null : preset.settings().schemes();
        PresetGrid grid = null;
        if (preset != null) {
            settings.putAll(preset.settings().values());
            // Without --param the preset's own grid (axes and seeds); with it, the axes given.
            grid = a.has(SweepPlan.PARAM) ? null : PresetGrid.of(preset.id()).orElse(null);
            if (grid != null) settings.put(LabParameters.SEEDS.id(), grid.seeds());
        }
        for (Param<?> p : LabParameters.compareOptions()) {
            if (p != LabParameters.SCHEMES && p != LabParameters.THREADS && a.has(p.option()))
                settings.put(p.id(), a.string(p.option(), ""));
        }
        Map<String, String> sweep = new LinkedHashMap<>(grid == null ? Map.of() : grid.axes());
        for (String k : List.of(SweepPlan.PARAM, SweepPlan.VALUES, SweepPlan.PARAM2, SweepPlan.VALUES2))
            if (a.has(k)) sweep.put(k, a.string(k, ""));
        List<String> schemeIds = a.has(LabParameters.SCHEMES.option()) || presetSchemes == null
                ? IdListParam.ids(a.string(LabParameters.SCHEMES.option(), LabParameters.SCHEMES.defaultText()))
                : presetSchemes;
        SweepPlan plan;
        Shard shard;
        try {
            plan = SweepPlan.parse(sweep, settings, schemeIds);
            shard = a.has("shard") ? Shard.parse(a.string("shard", "")) : Shard.ALL;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int threads = a.get(LabParameters.THREADS).intValue();
        checkAgainstData(plan, shard, data, threads);
        return new Plan(data, plan, shard, a.path("csv"), threads);
    }

    /**
     * The shard's runs against the data, before the CSV is touched: networks sized for its images (not
     * MNIST's 784 pixels), the validation split, the memory of the largest run at the threads asked for.
     */
    private static void checkAgainstData(SweepPlan plan, Shard shard, Path data, int threads) throws UsageException {
        DataShape shape = DataShape.read(data).orElse(null);
        CompareCommand.checkAgainstData(plan.base().eval(), data, shape);
        int inputs = shape == null ? ExperimentSettings.DEFAULT_INPUTS : shape.pixels();
        List<SweepRun> runs = plan.runs(shard);
        Set<String> seen = new java.util.HashSet<>();
        for (SweepRun run : runs) {
            Comparison c;
            try {
                c = plan.comparison(run, inputs, ExperimentSettings.DEFAULT_CLASSES);
            } catch (IllegalArgumentException e) {
                throw new UsageException("cell " + plan.describe(run.values()) + ": " + e.getMessage());
            }
            if (!seen.add(c.spec() + "/" + c.config().batchSize())) continue;
            String memory = MemoryCheck.problem(
                    c.spec(),
                    c.config().batchSize(),
                    runs.size(),
                    threads,
                    shape,
                    Runtime.getRuntime().maxMemory());
            if (memory != null)
                throw new UsageException(
                        (plan.cells().size() > 1 ? "cell " + plan.describe(run.values()) + ": " : "") + memory);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err)
            throws UsageException, IOException, InterruptedException {
        Plan p = plan(args);
        SweepPlan plan = p.sweep();
        Dataset dataset = DatasetLoader.load(p.data());
        if (!dataset.verified())
            err.println("note: " + p.data() + " has no checksum manifest; its files were not verified");
        out.printf(
                Locale.ROOT,
                "sweep %s: %d cells × %d schemes × %d seeds = %d runs%s%n",
                plan.id(),
                plan.cells().size(),
                plan.schemes().size(),
                plan.seeds().size(),
                plan.runCount(),
                p.shard().isAll()
                        ? ""
                        : "; shard " + p.shard() + ": " + plan.runs(p.shard()).size() + " runs");
        Map<Integer, SweepResult> results = new java.util.concurrent.ConcurrentHashMap<>();
        SweepRunner.Listener printer = new SweepRunner.Listener() {
            @Override
            public void started(int runs, int alreadyDone) {
                if (alreadyDone > 0)
                    out.printf(
                            Locale.ROOT,
                            "%d of %d runs are already in %s; training the other %d%n",
                            alreadyDone,
                            runs,
                            p.csv(),
                            runs - alreadyDone);
            }

            @Override
            public void runEnded(SweepResult r, RunResult result, boolean fromFile) {
                results.put(r.run().index(), r);
                if (fromFile) return;
                synchronized (out) {
                    out.printf(
                            Locale.ROOT,
                            "%s %s seed=%d: %s%s (%.1f s)%n",
                            plan.describe(r.run().values()),
                            r.run().scheme(),
                            r.run().seed(),
                            lastText(r),
                            r.isDiverged() ? " DIVERGED: " + r.diverged() : "",
                            r.seconds());
                    out.flush();
                }
            }

            @Override
            public TrainingListener training() {
                // A deep run takes minutes: each chosen step is printed as it is measured.
                return new TrainingListener() {
                    @Override
                    public void stepEvaluated(StepPoint point) {
                        SweepRun run = plan.runs().get(point.run().index());
                        synchronized (out) {
                            out.printf(
                                    Locale.ROOT,
                                    "%s %s seed=%d: step %d: %.2f%% (training images %.2f%%)%n",
                                    plan.describe(run.values()),
                                    run.scheme(),
                                    run.seed(),
                                    point.step(),
                                    point.accuracyPercent(),
                                    point.trainPercent());
                            out.flush();
                        }
                    }
                };
            }

            @Override
            public void runFailed(SweepRun run, String message) {
                synchronized (out) {
                    out.printf(
                            Locale.ROOT,
                            "%s %s seed=%d FAILED: %s%n",
                            plan.describe(run.values()),
                            run.scheme(),
                            run.seed(),
                            message);
                }
            }
        };
        SweepRunner.Outcome o =
                SweepRunner.run(plan, p.shard(), dataset, p.csv(), p.threads(), printer, new RunControl());
        out.println();
        out.print(table(plan, new ArrayList<>(results.values())));
        out.print(stepTable(plan, new ArrayList<>(results.values())));
        out.print(agreement(plan, new ArrayList<>(results.values())));
        out.printf(
                Locale.ROOT,
                "wall time %.1f s: %d runs trained, %d from the file, %d diverged, %d failed on %s%n",
                o.wallSeconds(),
                o.trained(),
                o.skipped(),
                o.diverged(),
                o.failed(),
                CompareCommand.threads(p.threads()));
        if (p.csv() != null) out.println((o.complete() ? "wrote " : "incomplete: ") + p.csv());
        return o.failed() > 0 ? 1 : 0;
    }

    private static String lastText(SweepResult r) {
        int last = -1;
        for (int c : r.correct()) if (c >= 0) last = c;
        return last < 0 ? "no epoch" : last + " / " + r.total();
    }

    /** Per cell and scheme, with evaluation steps: the mean accuracy over seeds after each chosen step, on the test and the training images. */
    static String stepTable(SweepPlan plan, List<SweepResult> results) {
        List<Integer> steps = plan.evalSteps();
        if (steps.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(
                "\naccuracy % after each chosen step (evaluation set / training sample, mean over seeds):\n");
        sb.append(String.join(
                " ",
                plan.axes().stream()
                        .map(ax -> String.format(Locale.ROOT, "%12s", ax.column()))
                        .toList()));
        sb.append(String.format(Locale.ROOT, " %-12s", "scheme"));
        for (int step : steps) sb.append(String.format(Locale.ROOT, " %15s", "step " + step));
        sb.append('\n');
        for (int c = 0; c < plan.cells().size(); c++) {
            for (String scheme : plan.schemes()) {
                final int cell = c;
                List<SweepResult> rs = results.stream()
                        .filter(r -> r.run().cell() == cell && r.run().scheme().equals(scheme))
                        .toList();
                if (rs.isEmpty()) continue;
                List<String> vals = new ArrayList<>();
                for (int i = 0; i < plan.axes().size(); i++)
                    vals.add(String.format(
                            Locale.ROOT,
                            "%12s",
                            plan.axes().get(i).format(plan.cells().get(c).get(i))));
                sb.append(String.join(" ", vals)).append(String.format(Locale.ROOT, " %-12s", scheme));
                for (int i = 0; i < steps.size(); i++) {
                    final int k = i;
                    double test = rs.stream()
                            .mapToDouble(r -> r.stepPercent(k))
                            .average()
                            .orElse(Double.NaN);
                    double train = rs.stream()
                            .mapToDouble(r -> r.stepTrainPercent(k))
                            .average()
                            .orElse(Double.NaN);
                    sb.append(String.format(
                            Locale.ROOT,
                            " %15s",
                            Double.isNaN(test) ? "—" : String.format(Locale.ROOT, "%.2f / %.2f", test, train)));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** A depth × σ_w² map's agreement with the theory (DepthAgreement) at each chosen step and at the end; empty for other sweeps. */
    static String agreement(SweepPlan plan, List<SweepResult> results) {
        List<DepthAgreement.Agreement> all = DepthAgreement.of(plan, results);
        if (all.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT,
                "%nthe map against the theory (trained: above %.0f%% on the evaluation set; trainable in theory: depth < %.0f ξ_c):%n",
                DepthAgreement.TRAINED_PERCENT,
                DepthScaleCurve.MULTIPLE));
        for (DepthAgreement.Agreement a : all)
            sb.append("  ").append(a.describe()).append('\n');
        return sb.toString();
    }

    /** Per cell and scheme: final accuracy mean ± sd over seeds, best, diverged runs. */
    static String table(SweepPlan plan, List<SweepResult> results) {
        StringBuilder sb = new StringBuilder();
        String head = String.join(
                " ",
                plan.axes().stream()
                        .map(ax -> String.format(Locale.ROOT, "%12s", ax.column()))
                        .toList());
        sb.append(head)
                .append(String.format(
                        Locale.ROOT,
                        " %-12s %5s %18s %8s %8s%n",
                        "scheme",
                        "seeds",
                        "final % (mean±sd)",
                        "best %",
                        "diverged"));
        for (int c = 0; c < plan.cells().size(); c++) {
            for (String scheme : plan.schemes()) {
                final int cell = c;
                List<SweepResult> rs = results.stream()
                        .filter(r -> r.run().cell() == cell && r.run().scheme().equals(scheme))
                        .toList();
                if (rs.isEmpty()) continue;
                double[] fin = rs.stream()
                        .mapToDouble(SweepResult::finalPercent)
                        .filter(Double::isFinite)
                        .toArray();
                double mean = java.util.Arrays.stream(fin).average().orElse(Double.NaN);
                double sd = fin.length < 2
                        ? 0
                        : Math.sqrt(java.util.Arrays.stream(fin)
                                        .map(x -> (x - mean) * (x - mean))
                                        .sum()
                                / (fin.length - 1));
                double best = rs.stream()
                        .mapToDouble(SweepResult::bestPercent)
                        .filter(Double::isFinite)
                        .max()
                        .orElse(Double.NaN);
                long div = rs.stream().filter(SweepResult::isDiverged).count();
                List<String> vals = new ArrayList<>();
                for (int i = 0; i < plan.axes().size(); i++)
                    vals.add(String.format(
                            Locale.ROOT,
                            "%12s",
                            plan.axes().get(i).format(plan.cells().get(c).get(i))));
                sb.append(String.join(" ", vals))
                        .append(String.format(
                                Locale.ROOT,
                                " %-12s %5d %10.2f ± %5.2f %8.2f %8d%n",
                                scheme,
                                rs.size(),
                                mean,
                                sd,
                                best,
                                div));
            }
        }
        return sb.toString();
    }
}
