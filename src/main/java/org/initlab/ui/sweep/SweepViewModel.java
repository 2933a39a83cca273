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
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.initlab.data.Dataset;
import org.initlab.report.RunJson;
import org.initlab.settings.LabParameters;
import org.initlab.settings.LabSettings;
import org.initlab.sweep.DepthScaleCurve;
import org.initlab.sweep.MapNumbers;
import org.initlab.sweep.PresetGrid;
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
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotLine;

/**
 * The Sweep tab's state and commands, composed of the grid editor ({@link SweepGridModel}), the progress
 * ({@link SweepProgress}), the results as plain data ({@link SweepResults}) and the theory's curve
 * ({@link SweepTheory}). It exists to run a sweep: the sweep trains and the theory curve is computed through
 * the window's {@link BackgroundRunner}, and what they finish queues up as {@link SweepEvent}s until
 * {@link #applyPending()} (the window's pump) takes them in once per pulse, in order.
 */
public final class SweepViewModel {
    /** A run as the results table lists it. */
    public record Row(
            int index, String cell, String scheme, long seed, String finalAccuracy, String best, String diverged) {}

    /** The heat map as data: rows are the second parameter's values, columns the first's; NaN where no run is in yet. */
    public record HeatMap(
            String xName,
            String yName,
            List<String> xLabels,
            List<String> yLabels,
            double[][] value,
            boolean[][] diverged,
            int[][] firstRun) {}

    private final Supplier<Dataset> dataset;
    /** Puts a preset's settings in the side panel (by preset id); null: they override it for this tab's sweeps only. */
    private final java.util.function.Consumer<String> applyPreset;

    private final SweepGridModel grid;
    private final SweepProgress progress = new SweepProgress();
    private final SweepResults results = new SweepResults();
    private final SweepTheory theory = new SweepTheory();
    private final ConcurrentLinkedQueue<SweepEvent> inbox = new ConcurrentLinkedQueue<>();
    private final BackgroundRunner runner;
    /** The sweep's events taken in, in order: what a language switch replays in the new window ({@link #keep()}). */
    private final List<SweepEvent> taken = new ArrayList<>();

    private SweepPlan plan;
    /** The grid as typed when the shown sweep started. */
    private List<String> swept = List.of();

    private boolean disposed;
    /** True once the shown sweep has ended with every run in (a lesson waits for it). */
    private final BooleanProperty complete = new javafx.beans.property.SimpleBooleanProperty(false);
    /** The finished map's numbers for lessons, computed once when the sweep ends; null before, or for other sweeps. */
    private MapNumbers mapNumbers;
    /** Whether the shown sweep has ended, and the critical σ_w² its theory found. */
    private boolean ended, theoryFailed;

    private double theoryCritical = Double.NaN;

    public SweepViewModel(BackgroundRunner runner, Supplier<Dataset> dataset, Supplier<LabSettings> baseSettings) {
        this(runner, dataset, baseSettings, null);
    }

    /** {@code applyPreset} puts a preset's settings in the side panel, as the Presets menu does. */
    public SweepViewModel(
            BackgroundRunner runner,
            Supplier<Dataset> dataset,
            Supplier<LabSettings> baseSettings,
            java.util.function.Consumer<String> applyPreset) {
        this.runner = runner;
        this.dataset = dataset;
        this.applyPreset = applyPreset;
        this.grid = new SweepGridModel(baseSettings);
    }

    /** Runs sweeps in the calling thread (tests). */
    public SweepViewModel(Supplier<Dataset> dataset, Supplier<LabSettings> baseSettings) {
        this(BackgroundRunner.SYNCHRONOUS, dataset, baseSettings);
    }

    public StringProperty paramProperty() {
        return grid.paramProperty();
    }

    public StringProperty valuesProperty() {
        return grid.valuesProperty();
    }
    /** The second parameter's id, or "" for none. */
    public StringProperty param2Property() {
        return grid.param2Property();
    }

    public StringProperty values2Property() {
        return grid.values2Property();
    }

    public StringProperty schemesProperty() {
        return grid.schemesProperty();
    }

    public StringProperty seedsProperty() {
        return grid.seedsProperty();
    }

    public StringProperty epochsProperty() {
        return grid.epochsProperty();
    }

    public StringProperty batchesPerEpochProperty() {
        return grid.batchesPerEpochProperty();
    }
    /** Why the grid cannot run ("" when it can), in the settings model's words. */
    public StringProperty problemProperty() {
        return grid.problemProperty();
    }

    public StringProperty statusProperty() {
        return progress.statusProperty();
    }

    public StringProperty etaProperty() {
        return progress.etaProperty();
    }

    public BooleanProperty runningProperty() {
        return progress.runningProperty();
    }

    public IntegerProperty cellsDoneProperty() {
        return progress.cellsDoneProperty();
    }

    public IntegerProperty cellsTotalProperty() {
        return progress.cellsTotalProperty();
    }

    public DoubleProperty progressProperty() {
        return progress.progressProperty();
    }
    /** The theory's choice on the x axis (σ = 1/√n_in as a weight scale of the first scheme), NaN when there is none. */
    public DoubleProperty theoryXProperty() {
        return results.theoryXProperty();
    }

    public BooleanProperty logXProperty() {
        return results.logXProperty();
    }

    public StringProperty xNameProperty() {
        return results.xNameProperty();
    }
    /** The x axis's span in its own units (log₁₀ when {@link #logXProperty()}): the first parameter's values, all known before any run ends. */
    public ObjectProperty<double[]> xSpanProperty() {
        return results.xSpanProperty();
    }
    /** One line per scheme (x in log₁₀ units when {@link #logXProperty()}), band ± one sd over seeds. */
    public ObservableList<PlotLine> curves() {
        return results.curves();
    }

    public ObjectProperty<HeatMap> heatMapProperty() {
        return results.heatMapProperty();
    }

    public ObservableList<Row> rows() {
        return results.rows();
    }
    /** The training time the map and curves show: the i-th chosen step (--eval-steps), {@link #timesProperty()} for the end. */
    public ReadOnlyIntegerProperty timeProperty() {
        return results.timeProperty();
    }

    public ReadOnlyIntegerProperty timesProperty() {
        return results.timesProperty();
    }
    /** "after step 300", or the end of training. */
    public ReadOnlyStringProperty timeLabelProperty() {
        return results.timeLabelProperty();
    }
    /** The heat map's title for the time shown: final accuracy at the end, "Accuracy after step 300" at a chosen step. */
    public ReadOnlyStringProperty heatTitleProperty() {
        return results.heatTitleProperty();
    }

    /** The curve's title for the time shown. */
    public ReadOnlyStringProperty curveTitleProperty() {
        return results.curveTitleProperty();
    }

    /** The map's agreement with depth < 6 ξ_c at that time, empty when the map is not depth × σ_w². */
    public ReadOnlyStringProperty agreementProperty() {
        return results.agreementProperty();
    }

    /** Shows the results at the i-th chosen step (the scrubber), or at the end for i = {@link #timesProperty()}. */
    public void showTime(int i) {
        results.showTime(i);
    }
    /**
     * The depth theory's 6 ξ_c over a depth × σ_w² heat map, as pieces of line in the map's grid coordinates
     * (column i, row j at the centre of cell (i, j)), clipped to the values swept; empty
     * when the map is not depth × σ_w² or the theory has not been computed yet (it is, off the FX thread, when
     * the sweep starts). See {@link DepthScaleCurve}.
     */
    public ObservableList<PlotLine> theoryCurve() {
        return theory.curve();
    }
    /** The curve's legend ("6 ξ_c, tanh, σ_b² = 1"), "" without a curve. */
    public StringProperty theoryLabelProperty() {
        return theory.labelProperty();
    }

    public boolean isGrid() {
        return plan != null && plan.axes().size() == 2;
    }

    /** A setting (by id) that replaces the side panel's for this tab's sweeps (the start-up hook's). */
    public void override(String id, String value) {
        grid.override(id, value);
    }

    /**
     * A deep preset, ready to run with one press of Run: its settings (the deep recipe, the chosen steps) in the
     * side panel and its grid in this tab's fields. Not while a sweep runs.
     */
    public void usePreset(String id) {
        if (progress.runningProperty().get() || disposed) return;
        PresetGrid g = PresetGrid.of(id).orElseThrow(() -> new IllegalArgumentException("no sweep grid for " + id));
        if (applyPreset != null) applyPreset.accept(id);
        else g.preset().settings().values().forEach(grid::override);
        grid.use(g);
        validate();
    }

    /** The sweep the grid describes now, as Run would start it; null (the problem shown) when it cannot run. */
    SweepPlan plannedSweep() {
        return grid.check();
    }

    /** Checks the grid; returns whether it can run (the problem is shown otherwise). */
    public boolean validate() {
        SweepPlan p = grid.check();
        if (p == null) return false;
        if (!taken.isEmpty() && texts().equals(swept)) return true; // the last sweep's grid: its status stays
        // No sweep shown yet: a two-parameter grid shows its map's empty cells and scrubber as it is typed.
        if (taken.isEmpty() && !progress.runningProperty().get()) {
            results.reset(p, SweepTheory.choice(p));
            if (p.axes().size() == 2) results.redraw();
        }
        progress.statusProperty()
                .set(I18n.f(
                        "sweep.planned",
                        Long.toString(p.runCount()),
                        Integer.toString(p.cells().size())));
        return true;
    }

    /** Starts the sweep in the background (FX thread). */
    public void start() {
        if (progress.runningProperty().get() || disposed) return;
        Dataset d = dataset.get();
        if (d == null) {
            grid.problemProperty().set(I18n.t("sweep.noData"));
            return;
        }
        SweepPlan p = grid.check();
        if (p == null) return;
        plan = p;
        swept = texts();
        taken.clear();
        complete.set(false);
        mapNumbers = null;
        ended = false;
        theoryFailed = false;
        RunControl c = progress.reset(p);
        inbox.clear();
        results.reset(p, SweepTheory.choice(p));
        theory.clear();
        results.redraw();
        progress.started(p);
        if (DepthScaleCurve.applies(p)) SweepTheory.start(runner, p, () -> plan != p || disposed, inbox::add);
        runner.submit(
                "sweep",
                () -> SweepRunner.run(
                        p,
                        Shard.ALL,
                        d,
                        null,
                        Comparison.defaultThreads(),
                        new SweepRunner.Listener() {
                            @Override
                            public void runEnded(SweepResult r, RunResult result, boolean fromFile) {
                                inbox.add(new SweepEvent.RunIn(p, r, strip(p, r.run(), result, d)));
                            }

                            @Override
                            public void runFailed(SweepRun run, String message) {
                                inbox.add(new SweepEvent.RunFailed(p, message));
                            }
                        },
                        c),
                o -> inbox.add(new SweepEvent.Finished(p, o)),
                e -> inbox.add(new SweepEvent.Failed(p, e.getMessage() == null ? String.valueOf(e) : I18n.explain(e))));
    }

    /** Shows a computed curve (FX thread; also for tests, which compute it synchronously). */
    void showTheory(DepthScaleCurve.Curve c) {
        theory.show(c);
    }

    public void cancel() {
        progress.cancel();
    }

    /** The window drops this view-model (language switch, closing): a running sweep stops, nothing more is taken in. */
    public void dispose() {
        disposed = true;
        progress.cancel();
        inbox.clear();
    }

    public boolean isDisposed() {
        return disposed;
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
            epochs.add(e.withoutSnapshots(key));
        }
        return new RunResult(
                key, r.status(), epochs, r.message(), r.wallSeconds(), r.trainRange(), r.initial(), List.of());
    }

    /** Takes in what finished since the last pulse and redraws once (FX thread). Returns whether anything changed. */
    public boolean applyPending() {
        if (disposed) return false;
        boolean changed = false;
        SweepEvent event;
        List<Row> newRows = new ArrayList<>();
        while ((event = inbox.poll()) != null) {
            if (event.plan() != plan) continue; // an earlier sweep's late word
            changed = true;
            taken.add(event);
            if (event instanceof SweepEvent.RunIn in) {
                newRows.add(results.put(in.result(), in.run()));
                progress.runIn(in.result().run().cell());
            } else if (event instanceof SweepEvent.RunFailed f) {
                progress.failed(f.message());
            } else if (event instanceof SweepEvent.Finished f) {
                progress.finished(f.outcome());
                ended();
            } else if (event instanceof SweepEvent.Failed f) {
                progress.stopped(results.size(), f.message());
            } else if (event instanceof SweepEvent.TheoryComputed t) {
                showTheory(t.curve());
                results.setTrainable(t.trainableDepths());
                theoryCritical = t.curve().criticalSigmaW2();
                if (ended) numbersIfComplete();
            } else if (event instanceof SweepEvent.TheoryFailed t) {
                progress.note(t.message());
                theoryFailed = true;
                if (ended) numbersIfComplete();
            }
        }
        if (!changed) return false;
        results.addRows(newRows);
        progress.update(results.size());
        results.redraw();
        return true;
    }

    /** The sweep has ended: with every run in, it is complete (its map's numbers once the theory is in). */
    private void ended() {
        ended = true;
        numbersIfComplete();
    }

    private void numbersIfComplete() {
        if (results.size() != plan.runCount()) return;
        if (DepthScaleCurve.applies(plan) && !theoryFailed) {
            if (results.trainable() == null) return; // the theory is still being computed: its event completes it
            mapNumbers = MapNumbers.of(plan, results.all(), results.trainable(), theoryCritical)
                    .orElse(null);
        }
        complete.set(true);
    }

    /** True once the shown sweep has ended with every run in. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete;
    }

    /** The shown depth × σ_w² map's numbers once its sweep is complete; empty before, and for other sweeps. */
    public Optional<MapNumbers> mapNumbers() {
        return Optional.ofNullable(mapNumbers);
    }

    /**
     * Fills the grid from a lesson step (param, values, param2, values2, schemes, seeds, epochs, batches), the
     * other settings being the side panel's. Not while a sweep runs.
     */
    public void fillGrid(java.util.Map<String, String> grid) {
        if (progress.runningProperty().get() || disposed) return;
        StringBuilder spec = new StringBuilder();
        grid.forEach((k, v) -> spec.append(k).append('=').append(v).append(';'));
        List<String> unknown = fill(spec.toString());
        if (!unknown.isEmpty()) throw new IllegalArgumentException("unknown sweep grid keys " + unknown);
        if (!grid.containsKey(SweepPlan.PARAM2)) {
            param2Property().set("");
            values2Property().set("");
        }
        validate();
    }

    /** What a language switch carries to the new window's Sweep tab: the grid as typed, and the last sweep's plan and events. */
    public static final class Kept {
        private final List<String> grid;
        private final SweepPlan plan;
        private final List<SweepEvent> events;

        private Kept(SweepViewModel vm) {
            grid = vm.texts();
            plan = vm.plan;
            events = List.copyOf(vm.taken);
        }
    }

    private List<String> texts() {
        return gridTexts().stream().map(StringProperty::get).toList();
    }

    private List<StringProperty> gridTexts() {
        return List.of(
                paramProperty(),
                valuesProperty(),
                param2Property(),
                values2Property(),
                schemesProperty(),
                seedsProperty(),
                epochsProperty(),
                batchesPerEpochProperty());
    }

    /** This tab's state, for a new window (not while a sweep runs: the window is busy then). */
    public Kept keep() {
        return new Kept(this);
    }

    /** Takes over a kept state: the grid, and the last sweep's runs, rows and curve in this window's language (FX thread). */
    public void restore(Kept k) {
        List<StringProperty> texts = gridTexts();
        for (int i = 0; i < texts.size(); i++) texts.get(i).set(k.grid.get(i));
        if (k.plan == null) return;
        plan = k.plan;
        swept = texts();
        complete.set(false);
        mapNumbers = null;
        ended = false;
        theoryFailed = false;
        progress.reset(k.plan);
        results.reset(k.plan, SweepTheory.choice(k.plan));
        taken.clear();
        inbox.clear();
        inbox.addAll(k.events); // the rows, the status and the curve are made again, in this window's words
        applyPending();
    }

    /**
     * Fills the grid from a start-up hook's "param=weight-scale;values=0.01,0.1,1;seeds=1,2,3;epochs=1;batches=5000"
     * (param2, values2 and schemes too; any other settings-file key overrides the side panel's value for the
     * sweep). Returns the keys it does not know.
     */
    public List<String> fill(String spec) {
        List<String> unknown = new ArrayList<>();
        for (String part : spec.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String k = part.substring(0, eq).strip(), v = part.substring(eq + 1).strip();
            switch (k) {
                case "param" -> paramProperty().set(v);
                case "values" -> valuesProperty().set(v);
                case "param2" -> param2Property().set(v);
                case "values2" -> values2Property().set(v);
                case "schemes" -> schemesProperty().set(v);
                case "seeds" -> seedsProperty().set(v);
                case "epochs" -> epochsProperty().set(v);
                case "batches" -> batchesPerEpochProperty().set(v);
                default -> {
                    if (LabParameters.fileKeys().contains(k)) override(k, v);
                    else unknown.add(k);
                }
            }
        }
        return unknown;
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
