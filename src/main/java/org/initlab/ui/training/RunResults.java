package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.core.init.InitScheme;
import org.initlab.math.SigmoidMath;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.Gradients;
import org.initlab.train.NetworkStats;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.StepPoint;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;
import org.initlab.ui.controls.SchemeChoice;

/**
 * What the window shows of a comparison: one {@link RunRow} per run, the accuracy and saturation lines
 * (with several seeds per scheme, a mean line per scheme with its min–max band), the summary text, and
 * counters the views redraw on. Everything arrives as {@link TrainingEvent}s: from a live run through the
 * mailbox, and from an opened file through {@link TrainingEvent#replay} — one way in.
 */
public final class RunResults {
    /**
     * At most this many z values per layer and snapshot are kept for the per-layer view (memory stays bounded
     * for deep nets). Above the reference's 30,000 (1,000 probe images × 30 units), so that layer is shared
     * with the hidden-layer snapshot, not copied: each copy lived the whole run, and young collections copy
     * what lives. A documented contract (docs/performance.md), tested by identity.
     */
    static final int LAYER_SAMPLE_CAP = 32_768;

    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final Map<Integer, RunRow> rowsByIndex = new HashMap<>();
    private final ObservableList<PlotLine> accuracyLines = FXCollections.observableArrayList();
    private final ObservableList<PlotLine> saturationLines = FXCollections.observableArrayList();
    private final ObservableList<PlotLine> gradientLines = FXCollections.observableArrayList();
    private final SeedMeans accuracyMeans = new SeedMeans(RunRow::accuracy);
    private final SeedMeans saturationMeans = new SeedMeans(RunRow::saturation);
    private final StepCurves stepCurves = new StepCurves();
    private final BooleanProperty showSeeds = new SimpleBooleanProperty(false);
    /** Threshold t on σ'(z) below which a neuron counts as saturated (shared with the theory views). */
    private final DoubleProperty saturationThreshold = new SimpleDoubleProperty(NetworkStats.SATURATION_THRESHOLD);

    private final StringProperty summary = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper snapshots = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper epochsSeen = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper plannedEpochs = new ReadOnlyIntegerWrapper(0);
    /** The snapshot the views look at: -1 follows the newest; else 0 is initialization, s is after epoch s − 1. */
    private final IntegerProperty cursor = new SimpleIntegerProperty(-1);

    private final ReadOnlyIntegerWrapper viewed = new ReadOnlyIntegerWrapper(0);
    /** Schemes whose mean line and band changed in the events being applied: recomputed once when they are in. */
    private final java.util.Set<String> accuracyBandsStale = new java.util.LinkedHashSet<>(),
            saturationBandsStale = new java.util.LinkedHashSet<>();
    /** How many scheme bands were computed (for the test that a replay computes each once). */
    int bandComputations;

    private Comparison comparison;
    private double targetPercent;
    private long runStartNanos;

    RunResults() {
        saturationThreshold.addListener((o, a, b) -> {
            rows.forEach(this::recomputeSaturation);
            updateStaleBands();
        });
        showSeeds.addListener((o, a, b) -> {
            rebuildAccuracyLines();
            rebuildSaturationLines();
            stepCurves.showEverySeed(b);
        });
        cursor.addListener((o, a, b) -> updateViewed());
        epochsSeen.addListener((o, a, b) -> updateViewed());
    }

    private void updateViewed() {
        int newest = Math.max(0, epochsSeen.get() - 1);
        viewed.set(cursor.get() < 0 ? newest : Math.min(cursor.get(), newest));
    }

    public ObservableList<RunRow> rows() {
        return rows;
    }

    public ObservableList<PlotLine> accuracyLines() {
        return accuracyLines;
    }

    public ObservableList<PlotLine> saturationLines() {
        return saturationLines;
    }

    /** The learning curves per chosen step ({@code evalSteps}), when the comparison chooses steps. */
    public StepCurves stepCurves() {
        return stepCurves;
    }
    /** One line per run: log₁₀ of the first hidden layer's mean |∂C/∂z| (the gradient view). */
    public ObservableList<PlotLine> gradientLines() {
        return gradientLines;
    }

    public BooleanProperty showSeedsProperty() {
        return showSeeds;
    }

    public DoubleProperty saturationThresholdProperty() {
        return saturationThreshold;
    }
    /** The summary table as text (per run, and mean ± sd per scheme with several seeds); set when a run ends. */
    public StringProperty summaryProperty() {
        return summary;
    }
    /** Counts every hidden-layer snapshot of every run (views that show the newest of each run redraw on it). */
    public ReadOnlyIntegerProperty snapshotsProperty() {
        return snapshots.getReadOnlyProperty();
    }
    /** Hidden-layer snapshots available so far (initialization counts as one); views redraw when it grows. */
    public ReadOnlyIntegerProperty epochsSeenProperty() {
        return epochsSeen.getReadOnlyProperty();
    }
    /** Epochs of the shown comparison, known before it trains: the charts' x range. */
    public ReadOnlyIntegerProperty plannedEpochsProperty() {
        return plannedEpochs.getReadOnlyProperty();
    }
    /**
     * The window's one epoch cursor, which every run-dependent view follows: -1 follows the newest snapshot
     * (the default, and again after each new comparison); 0 is initialization, s the state after epoch s − 1.
     */
    public IntegerProperty cursorProperty() {
        return cursor;
    }
    /** The snapshot the views show: the cursor, or the newest while it follows (0 with nothing yet). */
    public ReadOnlyIntegerProperty viewedSnapshotProperty() {
        return viewed.getReadOnlyProperty();
    }
    /** The comparison the rows and charts show (planned, running, finished or opened), or null. */
    public Comparison comparison() {
        return comparison;
    }

    public int schemesShown() {
        return comparison == null ? 0 : comparison.schemes().size();
    }

    /** Shows {@code c}: the charts' x range follows it, and "first epoch reaching" uses {@code target}. */
    void show(Comparison c, double target) {
        comparison = c;
        targetPercent = target;
        plannedEpochs.set(c.config().epochs());
        // Planned rows serve a comparison that differs only in settings such as the chosen steps.
        if (!rows.isEmpty()) {
            stepCurves.create(c, rows);
            stepCurves.showEverySeed(showSeeds.get());
        }
    }

    void runStartsNow() {
        runStartNanos = System.nanoTime();
    }

    void clear() {
        cursor.set(-1);
        summary.set("");
        accuracyMeans.clear();
        saturationMeans.clear();
        accuracyBandsStale.clear();
        saturationBandsStale.clear();
        epochsSeen.set(0);
        snapshots.set(0);
        rows.clear();
        rowsByIndex.clear();
        accuracyLines.clear();
        saturationLines.clear();
        gradientLines.clear();
        stepCurves.clear();
    }

    /** One row per run of the shown comparison (and a mean line per scheme with several seeds). */
    void createRows() {
        Comparison c = comparison;
        for (RunKey key : c.runKeys()) {
            String name = schemeName(key.scheme())
                    + (c.seeds().size() > 1 ? I18n.f("row.seed", Long.toString(key.seed())) : "");
            RunRow row = new RunRow(key, name, c.spec().hidden());
            rows.add(row);
            rowsByIndex.put(key.index(), row);
            gradientLines.add(row.gradient());
        }
        for (var scheme : c.schemes()) {
            String name = I18n.f(
                    "row.mean", schemeName(scheme), Integer.toString(c.seeds().size()));
            accuracyMeans.addScheme(scheme.id(), name);
            saturationMeans.addScheme(scheme.id(), name);
        }
        rebuildAccuracyLines();
        rebuildSaturationLines();
        stepCurves.create(c, rows);
        stepCurves.showEverySeed(showSeeds.get());
    }

    private void rebuildSaturationLines() {
        saturationLines.setAll(saturationMeans.shown(rows, multiSeed(), showSeeds.get()));
    }

    /** Marks the saturation band of {@code key}'s scheme for recomputing once the events being applied are in. */
    private void updateSaturationBand(RunKey key) {
        if (multiSeed()) saturationBandsStale.add(key.scheme().id());
    }

    /**
     * The mean lines and bands of the schemes marked stale, each computed once over its seeds (x = epochs trained):
     * a file's replay of thousands of runs costs one pass over its values, not one per event.
     */
    private void updateStaleBands() {
        if (accuracyBandsStale.isEmpty() && saturationBandsStale.isEmpty()) return;
        Map<String, List<RunRow>> byScheme = new HashMap<>();
        for (RunRow r : rows)
            byScheme.computeIfAbsent(r.key().scheme().id(), k -> new ArrayList<>())
                    .add(r);
        for (String id : accuracyBandsStale) {
            List<RunRow> runs = byScheme.getOrDefault(id, List.of());
            if (runs.isEmpty()) continue;
            String weights = runs.get(0).key().scheme().weights().id();
            accuracyMeans.update(
                    id,
                    values(
                            runs,
                            r -> r.epochs().stream()
                                    .map(EpochResult::accuracyPercent)
                                    .toList()),
                    1,
                    e -> I18n.f(
                            "point.mean",
                            weights,
                            Integer.toString(e.epoch()),
                            String.format(Locale.ROOT, "%.2f", e.mean()),
                            String.format(Locale.ROOT, "%.2f", e.sd()),
                            String.format(Locale.ROOT, "%.2f", e.min()),
                            String.format(Locale.ROOT, "%.2f", e.max()),
                            Integer.toString(e.runs())));
            bandComputations++;
        }
        for (String id : saturationBandsStale) {
            saturationMeans.update(
                    id,
                    values(
                            byScheme.getOrDefault(id, List.of()),
                            r -> r.saturation().points().stream()
                                    .map(PlotPoint::y)
                                    .toList()),
                    0,
                    b -> "");
            bandComputations++;
        }
        accuracyBandsStale.clear();
        saturationBandsStale.clear();
    }

    private static List<List<Double>> values(
            List<RunRow> runs, java.util.function.Function<RunRow, List<Double>> values) {
        List<List<Double>> byRun = new ArrayList<>();
        for (RunRow r : runs) byRun.add(values.apply(r));
        return byRun;
    }

    static String schemeName(InitScheme s) {
        return s.weights().id() + "  " + SchemeChoice.formula(s.weights());
    }

    private boolean multiSeed() {
        return comparison != null && comparison.seeds().size() > 1;
    }

    /** One line per run for single seeds; with several, a mean line per scheme (and every seed on demand). */
    private void rebuildAccuracyLines() {
        accuracyLines.setAll(accuracyMeans.shown(rows, multiSeed(), showSeeds.get()));
    }

    // ---- events (FX thread) ----------------------------------------------------------------------
    void apply(List<TrainingEvent> events) {
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Started s) started(s.run(), s.hiddenZ(), s.initial());
            else if (e instanceof TrainingEvent.Probed p) probe(p.point());
            else if (e instanceof TrainingEvent.EpochEnded x) epoch(x.result());
            else if (e instanceof TrainingEvent.Stepped x) stepped(x.point());
            else if (e instanceof TrainingEvent.Ended x) ended(x.result());
        }
        updateStaleBands();
        stepCurves.updateStale();
    }

    private void started(RunKey key, List<float[]> z, NetworkStats initial) {
        RunRow row = rowsByIndex.get(key.index());
        if (row == null) return;
        if (!initial.isEmpty()) row.setInitialStats(initial);
        addGradient(row, 0, initial.gradients());
        addSnapshot(row, z, initial);
    }

    /**
     * A snapshot (initialization or an epoch's end): its z, and its saturated share, appended (a threshold
     * change recomputes them from z). An opened run has no raw z: its share is the one the file kept (t = 0.01).
     */
    private void addSnapshot(RunRow row, List<float[]> z, NetworkStats stats) {
        row.layerZ().add(capped(z));
        row.snapshotStats().add(stats);
        int i = row.layerZ().size() - 1;
        if (!z.isEmpty()) {
            row.hiddenZ().add(z.get(0));
            row.saturation()
                    .points()
                    .add(new PlotPoint(i, 100 * SigmoidMath.saturatedFraction(z.get(0), saturationThreshold.get())));
        } else if (stats.saturatedShare().length > 0) {
            row.saturation().points().add(new PlotPoint(i, 100 * stats.saturatedShare()[0]));
        }
        updateSaturationBand(row.key());
        epochsSeen.set(Math.max(epochsSeen.get(), row.layerZ().size()));
        snapshots.set(snapshots.get() + 1);
    }

    private static List<float[]> capped(List<float[]> z) {
        List<float[]> out = new ArrayList<>();
        for (float[] layer : z)
            out.add(layer.length <= LAYER_SAMPLE_CAP ? layer : java.util.Arrays.copyOf(layer, LAYER_SAMPLE_CAP));
        return out;
    }

    private void probe(ProbePoint p) {
        RunRow row = rowsByIndex.get(p.run().index());
        if (row == null) return;
        // Progress text at most 4 times a second per run: each change costs the table a text layout.
        long now = System.nanoTime();
        if (now - row.lastProgressNanos() > 250_000_000L) {
            row.setLastProgressNanos(now);
            progress(row, p.epochPosition());
        }
        // Probe points show the first epoch's rise; later they would only add the probe sample's noise.
        addGradient(row, p.epochPosition(), p.gradients());
        if (p.epochPosition() >= 1) return;
        row.accuracy()
                .points()
                .add(new PlotPoint(
                        p.epochPosition(),
                        p.accuracyPercent(),
                        I18n.f(
                                "point.probe",
                                row.name(),
                                String.format(Locale.ROOT, "%.1f", p.epochPosition()),
                                Integer.toString(p.correct()),
                                Integer.toString(p.total()))));
    }

    private void epoch(EpochResult e) {
        RunRow row = rowsByIndex.get(e.run().index());
        if (row == null) return;
        row.accuracy()
                .points()
                .add(new PlotPoint(
                        e.epoch() + 1,
                        e.accuracyPercent(),
                        I18n.f(
                                "point.epoch",
                                row.name(),
                                Integer.toString(e.epoch()),
                                Integer.toString(e.correct()),
                                Integer.toString(e.total()))));
        row.addEpoch(e, targetPercent);
        updateBand(e.run());
        row.meanAbsDelta().add(e.meanAbsDelta());
        addGradient(row, e.epoch() + 1, e.stats().gradients());
        addSnapshot(row, e.hiddenZ(), e.stats());
        progress(row, e.epoch() + 1);
    }

    private void stepped(StepPoint p) {
        RunRow row = rowsByIndex.get(p.run().index());
        if (row != null) stepCurves.add(p, row.name());
    }

    private void ended(RunResult r) {
        RunRow row = rowsByIndex.get(r.run().index());
        if (row == null) return;
        row.statusProperty().set(r.status());
        row.messageProperty().set(r.message());
        if (!r.initial().isEmpty()) row.setInitialStats(r.initial()); // an opened run's, and a live one's again
        row.summarize(targetPercent);
        if (r.status() == RunStatus.COMPLETED) {
            row.progressProperty().set(1);
            row.etaProperty().set(I18n.t("row.done"));
        } else {
            row.etaProperty().set(I18n.t("runstatus." + r.status().name()));
            if (r.status() == RunStatus.DIVERGED)
                row.accuracy().nameProperty().set(row.name() + " (" + I18n.t("runstatus.DIVERGED") + ")");
        }
    }

    /**
     * The first hidden layer's mean |∂C/∂z| on the probe images at x epochs trained, on a log scale: measured at
     * initialization, at epoch 0's probe points and at each epoch's end (nothing when not measured, or for a
     * network without a hidden layer).
     */
    private static void addGradient(RunRow row, double x, Gradients g) {
        if (g.layers() < 2 || !(g.meanAbsDz()[0] > 0)) return; // [0] is the first hidden layer; the last, the output
        double dz = g.meanAbsDz()[0];
        row.gradient()
                .points()
                .add(new PlotPoint(
                        x,
                        Math.log10(dz),
                        I18n.f(
                                "point.gradient",
                                row.name(),
                                String.format(Locale.ROOT, "%.2f", x),
                                String.format(Locale.ROOT, "%.3g", dz))));
    }

    private void progress(RunRow row, double epochsDone) {
        double total = comparison == null ? 1 : comparison.config().epochs();
        double p = Math.min(1, epochsDone / total);
        row.progressProperty().set(p);
        double elapsed = (System.nanoTime() - runStartNanos) / 1e9;
        row.etaProperty()
                .set(p <= 0 ? "" : I18n.f("row.left", String.format(Locale.ROOT, "%.0f", elapsed * (1 - p) / p)));
    }

    /** Marks the accuracy band of {@code key}'s scheme (mean and min–max over its seeds after each epoch) for recomputing. */
    private void updateBand(RunKey key) {
        if (multiSeed()) accuracyBandsStale.add(key.scheme().id());
    }

    /** The saturated share per snapshot for the current threshold, replaced in one change (one chart layout). */
    private void recomputeSaturation(RunRow row) {
        double t = saturationThreshold.get();
        List<PlotPoint> points = new ArrayList<>();
        // x = epochs trained: 0 at initialization, e + 1 after epoch e. An opened run has no raw z to recompute from.
        if (row.hiddenZ().isEmpty()) return;
        for (int i = 0; i < row.hiddenZ().size(); i++)
            points.add(new PlotPoint(
                    i, 100 * SigmoidMath.saturatedFraction(row.hiddenZ().get(i), t)));
        row.saturation().points().setAll(points);
        updateSaturationBand(row.key());
        epochsSeen.set(Math.max(epochsSeen.get(), row.hiddenZ().size()));
        snapshots.set(snapshots.get() + 1);
    }
}
