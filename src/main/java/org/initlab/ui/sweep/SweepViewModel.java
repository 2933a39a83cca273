package org.initlab.ui.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.initlab.data.Dataset;
import org.initlab.report.RunJson;
import org.initlab.settings.LabSettings;
import org.initlab.sweep.DepthScaleCurve;
import org.initlab.sweep.Shard;
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

/**
 * The Sweep tab's state and commands, composed of the grid editor ({@link SweepGridModel}), the progress
 * ({@link SweepProgress}), the results as plain data ({@link SweepResults}) and the theory's curve
 * ({@link SweepTheory}). It exists to run a sweep: the sweep trains on its own threads, the theory curve is
 * computed on another, and what they finish queues up until {@link #applyPending()} takes it in once per pulse.
 */
public final class SweepViewModel {
    /** A run as the results table lists it. */
    public record Row(int index, String cell, String scheme, long seed, String finalAccuracy, String best, String diverged) {}

    /** The heat map as data: rows are the second parameter's values, columns the first's; NaN where no run is in yet. */
    public record HeatMap(String xName, String yName, List<String> xLabels, List<String> yLabels, double[][] value, boolean[][] diverged, int[][] firstRun) {}

    private final Supplier<Dataset> dataset;
    private final SweepGridModel grid;
    private final SweepProgress progress = new SweepProgress();
    private final SweepResults results = new SweepResults();
    private final SweepTheory theory = new SweepTheory();
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private SweepPlan plan;

    public SweepViewModel(Supplier<Dataset> dataset, Supplier<LabSettings> baseSettings) {
        this.dataset = dataset;
        this.grid = new SweepGridModel(baseSettings);
    }

    public StringProperty paramProperty() { return grid.paramProperty(); }
    public StringProperty valuesProperty() { return grid.valuesProperty(); }
    /** The second parameter's id, or "" for none. */
    public StringProperty param2Property() { return grid.param2Property(); }
    public StringProperty values2Property() { return grid.values2Property(); }
    public StringProperty schemesProperty() { return grid.schemesProperty(); }
    public StringProperty seedsProperty() { return grid.seedsProperty(); }
    public StringProperty epochsProperty() { return grid.epochsProperty(); }
    public StringProperty batchesPerEpochProperty() { return grid.batchesPerEpochProperty(); }
    /** Why the grid cannot run ("" when it can), in the settings model's words. */
    public StringProperty problemProperty() { return grid.problemProperty(); }
    public StringProperty statusProperty() { return progress.statusProperty(); }
    public StringProperty etaProperty() { return progress.etaProperty(); }
    public BooleanProperty runningProperty() { return progress.runningProperty(); }
    public IntegerProperty cellsDoneProperty() { return progress.cellsDoneProperty(); }
    public IntegerProperty cellsTotalProperty() { return progress.cellsTotalProperty(); }
    public DoubleProperty progressProperty() { return progress.progressProperty(); }
    /** The theory's choice on the x axis (σ = 1/√n_in as a weight scale of the first scheme), NaN when there is none. */
    public DoubleProperty theoryXProperty() { return results.theoryXProperty(); }
    public BooleanProperty logXProperty() { return results.logXProperty(); }
    public StringProperty xNameProperty() { return results.xNameProperty(); }
    /** The x axis's span in its own units (log₁₀ when {@link #logXProperty()}): the first parameter's values, all known before any run ends. */
    public ObjectProperty<double[]> xSpanProperty() { return results.xSpanProperty(); }
    /** One line per scheme (x in log₁₀ units when {@link #logXProperty()}), band ± one sd over seeds. */
    public ObservableList<PlotLine> curves() { return results.curves(); }
    public ObjectProperty<HeatMap> heatMapProperty() { return results.heatMapProperty(); }
    public ObservableList<Row> rows() { return results.rows(); }
    /**
     * The depth theory's 6 ξ_c over a depth × σ_w² heat map, as pieces of line in the map's grid coordinates
     * (column i, row j at the centre of cell (i, j)), clipped to the values swept; empty
     * when the map is not depth × σ_w² or the theory has not been computed yet (it is, off the FX thread, when
     * the sweep starts). See {@link DepthScaleCurve}.
     */
    public ObservableList<PlotLine> theoryCurve() { return theory.curve(); }
    /** The curve's legend ("6 ξ_c, tanh, σ_b² = 1"), "" without a curve. */
    public StringProperty theoryLabelProperty() { return theory.labelProperty(); }

    public boolean isGrid() {
        return plan != null && plan.axes().size() == 2;
    }

    /** A setting (by id) that replaces the side panel's for this tab's sweeps (the start-up hook's). */
    public void override(String id, String value) {
        grid.override(id, value);
    }

    /** Checks the grid; returns whether it can run (the problem is shown otherwise). */
    public boolean validate() {
        SweepPlan p = grid.check();
        if (p == null) return false;
        progress.statusProperty().set(I18n.f("sweep.planned", Long.toString(p.runCount()), Integer.toString(p.cells().size())));
        return true;
    }

    /** Starts the sweep on background threads (FX thread). */
    public void start() {
        if (progress.runningProperty().get()) return;
        Dataset d = dataset.get();
        if (d == null) {
            grid.problemProperty().set(I18n.t("sweep.noData"));
            return;
        }
        SweepPlan p = grid.check();
        if (p == null) return;
        plan = p;
        RunControl c = progress.reset(p);
        inbox.clear();
        results.reset(p, SweepTheory.choice(p));
        theory.clear();
        results.redraw();
        if (DepthScaleCurve.applies(p)) SweepTheory.start(p, () -> plan != p, inbox::add);
        progress.started(p);
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

    /** Shows a computed curve (FX thread; also for tests, which compute it synchronously). */
    void showTheory(DepthScaleCurve.Curve c) {
        theory.show(c);
    }

    public void cancel() {
        progress.cancel();
    }

    /**
     * A run as the Training tab replays it, keyed as a one-run comparison: the epochs with their statistics (the
     * saturation chart and the per-layer views draw from them) and the start's, without the raw z snapshots.
     */
    private static RunResult strip(SweepPlan p, SweepRun run, RunResult r, Dataset d) {
        if (r == null) return null;
        Comparison c = p.comparison(run, d.inputSize(), d.classes());
        RunKey key = c.runKeys().get(0);
        List<EpochResult> epochs = new ArrayList<>();
        for (EpochResult e : r.epochs()) {
            epochs.add(new EpochResult(key, e.epoch(), e.correct(), e.total(), e.meanCost(), e.trainSeconds(), e.evalMillis(), List.of(),
                    e.meanAbsDelta(), e.stats()));
        }
        return new RunResult(key, r.status(), epochs, r.message(), r.wallSeconds(), r.trainRange(), r.initial(), List.of());
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
                newRows.add(results.put(r, (RunResult) pair[1]));
                progress.runIn(r.run().cell());
            } else if (o instanceof SweepTheory.Computed th) {
                if (th.plan() == plan) theory.show(th.curve());
            } else if (o instanceof String message) {
                progress.failed(message);
            } else if (o instanceof SweepRunner.Outcome out) {
                progress.finished(out);
            }
        }
        if (!changed) return false;
        results.addRows(newRows);
        progress.update(results.size());
        results.redraw();
        return true;
    }

    /** A finished run of this window's sweep as a saved run, for the Training tab; empty if it is not in (yet). */
    public Optional<RunJson.SavedRun> savedRun(int runIndex) {
        return results.savedRun(runIndex, dataset.get());
    }

    /** The first run in of a heat-map cell (any seed). */
    public Optional<RunJson.SavedRun> savedRunOfCell(int firstRun) {
        return results.savedRunOfCell(firstRun, dataset.get());
    }
}
