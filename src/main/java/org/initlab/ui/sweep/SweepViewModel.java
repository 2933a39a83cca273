package org.initlab.ui.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.core.init.InitCatalog;
import org.initlab.data.Dataset;
import org.initlab.report.RunJson;
import org.initlab.settings.LabParameters;
import org.initlab.settings.LabSettings;
import org.initlab.format.Numbers;
import org.initlab.sweep.DepthScaleCurve;
import org.initlab.sweep.Shard;
import org.initlab.sweep.SweepAxis;
import org.initlab.sweep.SweepPlan;
import org.initlab.sweep.SweepResult;
import org.initlab.sweep.SweepRun;
import org.initlab.sweep.SweepRunner;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.RunControl;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;

/**
 * The Sweep tab's state and commands: the grid as typed, the sweep's progress, and what its results draw
 * — a curve per scheme with a band of ± one sd over seeds (one parameter), or a heat map (two) — as plain
 * data. The sweep trains on its own threads; finished runs queue up and {@link #applyPending()} takes
 * them in once per pulse.
 */
public final class SweepViewModel {
    /** A run as the results table lists it. */
    public record Row(int index, String cell, String scheme, long seed, String finalAccuracy, String best, String diverged) {}

    /** The heat map as data: rows are the second parameter's values, columns the first's; NaN where no run is in yet. */
    public record HeatMap(String xName, String yName, List<String> xLabels, List<String> yLabels, double[][] value, boolean[][] diverged, int[][] firstRun) {}

    private final Supplier<Dataset> dataset;
    private final Supplier<LabSettings> baseSettings;
    private final StringProperty param = new SimpleStringProperty(SweepAxis.WEIGHT_SCALE.id());
    private final StringProperty values = new SimpleStringProperty("0.01,0.03,0.1,0.3,1,3,10,30,100");
    private final StringProperty param2 = new SimpleStringProperty("");
    private final StringProperty values2 = new SimpleStringProperty("");
    private final StringProperty schemes = new SimpleStringProperty("lecun");
    private final StringProperty seeds = new SimpleStringProperty("1,2,3");
    private final StringProperty epochs = new SimpleStringProperty("1");
    private final StringProperty batchesPerEpoch = new SimpleStringProperty("5000");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final IntegerProperty cellsDone = new SimpleIntegerProperty(0), cellsTotal = new SimpleIntegerProperty(0);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final DoubleProperty theoryX = new SimpleDoubleProperty(Double.NaN);
    private final BooleanProperty logX = new SimpleBooleanProperty(true);
    private final StringProperty xName = new SimpleStringProperty("");
    /** The x axis's span in its own units (log₁₀ when {@link #logXProperty()}): the first parameter's values, all known before any run ends. */
    private final ObjectProperty<double[]> xSpan = new SimpleObjectProperty<>();
    private final ObservableList<PlotLine> curves = FXCollections.observableArrayList();
    private final ObjectProperty<HeatMap> heatMap = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<PlotLine> theoryCurve = FXCollections.observableArrayList();
    private final StringProperty theoryLabel = new SimpleStringProperty("");

    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private SweepPlan plan;
    private RunControl control;
    private final Map<Integer, SweepResult> results = new HashMap<>();
    private final Map<Integer, RunResult> runs = new HashMap<>();
    private final Map<Integer, Integer> doneInCell = new HashMap<>();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private long startedNanos;
    private int trainedNow, total;

    public SweepViewModel(Supplier<Dataset> dataset, Supplier<LabSettings> baseSettings) {
        this.dataset = dataset;
        this.baseSettings = baseSettings;
    }

    public StringProperty paramProperty() { return param; }
    public StringProperty valuesProperty() { return values; }
    /** The second parameter's id, or "" for none. */
    public StringProperty param2Property() { return param2; }
    public StringProperty values2Property() { return values2; }
    public StringProperty schemesProperty() { return schemes; }
    public StringProperty seedsProperty() { return seeds; }
    public StringProperty epochsProperty() { return epochs; }
    public StringProperty batchesPerEpochProperty() { return batchesPerEpoch; }
    /** Why the grid cannot run ("" when it can), in the settings model's words. */
    public StringProperty problemProperty() { return problem; }
    public StringProperty statusProperty() { return status; }
    public StringProperty etaProperty() { return eta; }
    public BooleanProperty runningProperty() { return running; }
    public IntegerProperty cellsDoneProperty() { return cellsDone; }
    public IntegerProperty cellsTotalProperty() { return cellsTotal; }
    public DoubleProperty progressProperty() { return progress; }
    /** The theory's choice on the x axis (σ = 1/√n_in as a weight scale of the first scheme), NaN when there is none. */
    public DoubleProperty theoryXProperty() { return theoryX; }
    public BooleanProperty logXProperty() { return logX; }
    public StringProperty xNameProperty() { return xName; }
    public ObjectProperty<double[]> xSpanProperty() { return xSpan; }
    /** One line per scheme (x in log₁₀ units when {@link #logXProperty()}), band ± one sd over seeds. */
    public ObservableList<PlotLine> curves() { return curves; }
    public ObjectProperty<HeatMap> heatMapProperty() { return heatMap; }
    public ObservableList<Row> rows() { return rows; }
    /**
     * The depth theory's 6 ξ_c over a depth × σ_w² heat map, as pieces of line in the map's grid coordinates
     * (column i, row j at the centre of cell (i, j)), clipped to the values swept; empty
     * when the map is not depth × σ_w² or the theory has not been computed yet (it is, off the FX thread, when
     * the sweep starts). See {@link DepthScaleCurve}.
     */
    public ObservableList<PlotLine> theoryCurve() { return theoryCurve; }
    /** The curve's legend ("6 ξ_c, tanh, σ_b² = 1"), "" without a curve. */
    public StringProperty theoryLabelProperty() { return theoryLabel; }

    public boolean isGrid() {
        return plan != null && plan.axes().size() == 2;
    }

    /** The grid as the sweep reads it: the sweep's options and the side panel's settings (seeds, epochs and batches from this tab). */
    SweepPlan readPlan() {
        Map<String, String> sweep = new LinkedHashMap<>();
        sweep.put(SweepPlan.PARAM, param.get());
        sweep.put(SweepPlan.VALUES, values.get());
        if (param2.get() != null && !param2.get().isBlank()) {
            sweep.put(SweepPlan.PARAM2, param2.get());
            sweep.put(SweepPlan.VALUES2, values2.get());
        }
        Map<String, String> settings = new LinkedHashMap<>(baseSettings.get().values());
        settings.putAll(overrides);
        settings.remove(LabParameters.SEED.id());
        settings.remove(LabParameters.SEEDS_PER_SCHEME.id());
        settings.put(LabParameters.SEEDS.id(), seeds.get());
        settings.put(LabParameters.EPOCHS.id(), epochs.get());
        settings.put(LabParameters.BATCHES_PER_EPOCH.id(), batchesPerEpoch.get());
        return SweepPlan.parse(sweep, settings, org.initlab.settings.IdListParam.ids(schemes.get()));
    }

    /** A setting (by id) that replaces the side panel's for this tab's sweeps (the start-up hook's). */
    public void override(String id, String value) {
        overrides.put(id, value);
    }

    /** Checks the grid; returns whether it can run (the problem is shown otherwise). */
    public boolean validate() {
        try {
            SweepPlan p = readPlan();
            problem.set("");
            status.set(I18n.f("sweep.planned", Long.toString(p.runCount()), Integer.toString(p.cells().size())));
            return true;
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
    }

    /** Starts the sweep on background threads (FX thread). */
    public void start() {
        if (running.get()) return;
        Dataset d = dataset.get();
        if (d == null) {
            problem.set(I18n.t("sweep.noData"));
            return;
        }
        SweepPlan p;
        try {
            p = readPlan();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        plan = p;
        control = new RunControl();
        results.clear();
        runs.clear();
        doneInCell.clear();
        rows.clear();
        inbox.clear();
        total = (int) p.runCount();
        trainedNow = 0;
        cellsDone.set(0);
        cellsTotal.set(p.cells().size());
        progress.set(0);
        eta.set("");
        SweepAxis x = p.axes().get(0);
        logX.set(x.logScale());
        xName.set(x.id());
        theoryX.set(theoryChoice(p));
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : p.values().get(0)) {
            lo = Math.min(lo, xOf(v));
            hi = Math.max(hi, xOf(v));
        }
        if (Double.isFinite(theoryX.get())) {
            lo = Math.min(lo, xOf(theoryX.get()));
            hi = Math.max(hi, xOf(theoryX.get()));
        }
        xSpan.set(new double[] {lo, hi});
        curves.clear();
        heatMap.set(null);
        theoryCurve.clear();
        theoryLabel.set("");
        redraw();
        if (DepthScaleCurve.applies(p)) startTheory(p);
        running.set(true);
        status.set(I18n.f("sweep.running", Long.toString(p.runCount())));
        startedNanos = System.nanoTime();
        RunControl c = control;
        Thread t = new Thread(() -> {
            try {
                SweepRunner.Outcome o = SweepRunner.run(p, Shard.ALL, d, null, Comparison.defaultThreads(), new SweepRunner.Listener() {
                    @Override
                    public void runEnded(SweepResult r, RunResult result, boolean fromFile) {
                        inbox.add(new Object[] {r, strip(p, r.run(), result, d)});
                    }

                    @Override
                    public void runFailed(SweepRun run, String message) {
                        inbox.add(message);
                    }
                }, c);
                inbox.add(o);
            } catch (Exception | OutOfMemoryError e) {
                inbox.add(String.valueOf(e));
                inbox.add(new SweepRunner.Outcome(0, 0, 0, 0, 1, true, false, 0));
            }
        }, "initlab-sweep");
        t.setDaemon(true);
        t.start();
    }

    /** A computed curve, for the sweep it was computed for. */
    private record Theory(SweepPlan plan, DepthScaleCurve.Curve curve) {}

    /** Computes the 6 ξ_c curve on a thread of its own (the theory takes a second or a few) and queues it for the next pulse. */
    private void startTheory(SweepPlan p) {
        Thread t = new Thread(() -> {
            try {
                DepthScaleCurve.compute(p, () -> plan != p).ifPresent(c -> inbox.add(new Theory(p, c)));
            } catch (RuntimeException e) {
                inbox.add(I18n.f("sweep.theoryFailed", String.valueOf(e.getMessage())));
            }
        }, "initlab-sweep-theory");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Shows a computed curve (FX thread; also for tests, which compute it synchronously). */
    void showTheory(DepthScaleCurve.Curve c) {
        List<PlotLine> lines = new ArrayList<>();
        String name = I18n.f("sweep.theoryCurve", Numbers.whole(DepthScaleCurve.MULTIPLE), c.phi().id(),
                Numbers.whole(Double.parseDouble(String.format(Locale.ROOT, "%.4g", c.sigmaB2()))));
        for (List<double[]> piece : c.pieces()) {
            PlotLine l = new PlotLine(name);
            l.setAll(piece.stream().map(pt -> new PlotPoint(pt[0], pt[1], name)).toList(), List.of());
            lines.add(l);
        }
        theoryLabel.set(name);
        theoryCurve.setAll(lines);
    }

    public void cancel() {
        if (control != null) control.cancel();
    }

    /** The theory's weight scale for the first scheme: σ = 1/√n_in over the scheme's own σ at the first layer. */
    static double theoryChoice(SweepPlan p) {
        if (p.axes().get(0) != SweepAxis.WEIGHT_SCALE) return Double.NaN;
        int nIn = org.initlab.settings.ExperimentSettings.DEFAULT_INPUTS;
        int nOut = p.base().hidden().get(0).intValue();
        double std = InitCatalog.byId(p.schemes().get(0)).std(nIn, nOut);
        return std > 0 ? (1 / Math.sqrt(nIn)) / std : Double.NaN;
    }

    /** A run as the Training tab replays it: the epochs only (no z snapshots), keyed as a one-run comparison. */
    private static RunResult strip(SweepPlan p, SweepRun run, RunResult r, Dataset d) {
        if (r == null) return null;
        Comparison c = p.comparison(run, d.inputSize(), d.classes());
        RunKey key = c.runKeys().get(0);
        List<EpochResult> epochs = new ArrayList<>();
        for (EpochResult e : r.epochs()) {
            epochs.add(new EpochResult(key, e.epoch(), e.correct(), e.total(), e.meanCost(), e.trainSeconds(), e.evalMillis(), List.of(), e.meanAbsDelta()));
        }
        return new RunResult(key, r.status(), epochs, r.message(), r.wallSeconds());
    }

    /** Takes in what finished since the last pulse and redraws once (FX thread). Returns whether anything changed. */
    public boolean applyPending() {
        boolean changed = false;
        Object o;
        List<Row> newRows = new ArrayList<>();
        while ((o = inbox.poll()) != null) {
            changed = true;
            if (o instanceof Object[] pair) {
                SweepResult r = (SweepResult) pair[0];
                results.put(r.run().index(), r);
                if (pair[1] != null) runs.put(r.run().index(), (RunResult) pair[1]);
                trainedNow++;
                int perCell = plan.schemes().size() * plan.seeds().size();
                if (doneInCell.merge(r.run().cell(), 1, Integer::sum) == perCell) cellsDone.set(cellsDone.get() + 1);
                newRows.add(row(r));
            } else if (o instanceof Theory th) {
                if (th.plan() == plan) showTheory(th.curve());
            } else if (o instanceof String message) {
                status.set(I18n.f("sweep.failed", message));
            } else if (o instanceof SweepRunner.Outcome out) {
                running.set(false);
                status.set(I18n.f(out.cancelled() ? "sweep.cancelled" : "sweep.done", Integer.toString(out.trained()), Integer.toString(out.diverged()),
                        String.format(Locale.ROOT, "%.1f", out.wallSeconds())));
                eta.set("");
            }
        }
        if (!changed) return false;
        rows.addAll(newRows);
        progress.set(total == 0 ? 0 : results.size() / (double) total);
        if (running.get() && trainedNow > 0) {
            double elapsed = (System.nanoTime() - startedNanos) / 1e9;
            double left = elapsed / trainedNow * (total - results.size());
            eta.set(I18n.f("sweep.eta", String.format(Locale.ROOT, "%.0f", left)));
        }
        redraw();
        return true;
    }

    private Row row(SweepResult r) {
        return new Row(r.run().index(), plan.describe(r.run().values()), r.run().scheme(), r.run().seed(), pct(r.finalPercent()), pct(r.bestPercent()),
                r.diverged() == null ? "" : r.diverged());
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }

    private void redraw() {
        if (plan == null) return;
        if (plan.axes().size() == 1) drawCurves();
        else drawHeatMap();
    }

    private double xOf(double v) {
        return logX.get() ? Math.log10(v) : v;
    }

    private void drawCurves() {
        List<PlotLine> lines = new ArrayList<>();
        for (String scheme : plan.schemes()) {
            List<PlotPoint> pts = new ArrayList<>();
            List<double[]> band = new ArrayList<>();
            for (int c = 0; c < plan.cells().size(); c++) {
                double[] stats = stats(c, scheme);
                if (stats == null) continue;
                double x = xOf(plan.cells().get(c).get(0));
                pts.add(new PlotPoint(x, stats[0], plan.describe(plan.cells().get(c)) + " " + scheme + ": " + pct(stats[0]) + " ± " + pct(stats[1]) + "%"));
                band.add(new double[] {x, stats[0] - stats[1], stats[0] + stats[1]});
            }
            PlotLine line = curves.size() > lines.size() && curves.get(lines.size()).name().equals(scheme) ? curves.get(lines.size()) : new PlotLine(scheme);
            line.setAll(pts, band);
            lines.add(line);
        }
        double t = theoryX.get();
        if (Double.isFinite(t)) {
            String name = I18n.t("sweep.theory");
            PlotLine mark = curves.size() > lines.size() && curves.get(lines.size()).name().equals(name) ? curves.get(lines.size()) : new PlotLine(name);
            mark.setAll(List.of(new PlotPoint(xOf(t), 0, name), new PlotPoint(xOf(t), 100, name)), List.of());
            lines.add(mark);
        }
        if (!lines.equals(curves)) curves.setAll(lines);
    }

    /** Mean and sd over seeds of the final accuracy of a cell and scheme; null when none is in. */
    private double[] stats(int cell, String scheme) {
        List<Double> v = new ArrayList<>();
        int schemeIndex = plan.schemes().indexOf(scheme);
        int first = (cell * plan.schemes().size() + schemeIndex) * plan.seeds().size();
        for (int s = 0; s < plan.seeds().size(); s++) {
            SweepResult r = results.get(first + s);
            if (r != null) v.add(Double.isNaN(r.finalPercent()) ? 100.0 * 0 : r.finalPercent());
        }
        if (v.isEmpty()) return null;
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double sd = v.size() < 2 ? 0 : Math.sqrt(v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (v.size() - 1));
        return new double[] {mean, sd};
    }

    private void drawHeatMap() {
        SweepAxis ax = plan.axes().get(0), ay = plan.axes().get(1);
        List<Double> xs = plan.values().get(0), ys = plan.values().get(1);
        double[][] value = new double[ys.size()][xs.size()];
        boolean[][] div = new boolean[ys.size()][xs.size()];
        int[][] first = new int[ys.size()][xs.size()];
        String scheme = plan.schemes().get(0);
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                int cell = i * ys.size() + j;
                double[] s = stats(cell, scheme);
                value[j][i] = s == null ? Double.NaN : s[0];
                first[j][i] = cell * plan.schemes().size() * plan.seeds().size();
                for (int k = 0; k < plan.seeds().size(); k++) {
                    SweepResult r = results.get(first[j][i] + k);
                    if (r != null && r.isDiverged()) div[j][i] = true;
                }
            }
        }
        heatMap.set(new HeatMap(ax.id(), ay.id() + " (" + scheme + ", " + plan.base().activation().id() + ")", xs.stream().map(ax::format).toList(), ys.stream().map(ay::format).toList(), value, div, first));
    }

    /** A finished run of this window's sweep as a saved run, for the Training tab; empty if it is not in (yet). */
    public Optional<RunJson.SavedRun> savedRun(int runIndex) {
        RunResult r = runs.get(runIndex);
        Dataset d = dataset.get();
        if (r == null || plan == null || d == null) return Optional.empty();
        SweepRun run = plan.runs().get(runIndex);
        return Optional.of(new RunJson.SavedRun(plan.comparison(run, d.inputSize(), d.classes()), List.of(r), d.name()));
    }

    /** The first run in of a heat-map cell (any seed). */
    public Optional<RunJson.SavedRun> savedRunOfCell(int firstRun) {
        for (int k = 0; plan != null && k < plan.seeds().size(); k++) {
            Optional<RunJson.SavedRun> s = savedRun(firstRun + k);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }
}
