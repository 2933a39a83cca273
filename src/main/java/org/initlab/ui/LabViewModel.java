package org.initlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.initlab.core.Loss;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.core.init.WeightInit;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.theory.SigmoidMath;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.Nd4jRuntime;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunControl;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.RunSummary;
import org.initlab.train.TrainingConfig;

/**
 * The training view's model: the settings as typed, their validation, the commands, and the live
 * results (one {@link RunRow} per run). No scene-graph code; the app drains training events into it once
 * per pulse ({@link #applyPendingEvents()}), tests call the same method after a synchronous run.
 */
public final class LabViewModel {
    public static final int MAX_HIDDEN = 10_000;

    private final BackgroundRunner runner;
    private final EventMailbox mailbox = new EventMailbox();

    // Settings as typed. Defaults reproduce the reference experiment.
    private final NumberField hidden = NumberField.integer("Hidden neurons", 30, 1, MAX_HIDDEN);
    private final NumberField eta = NumberField.positiveDecimal("Learning rate η", 3.0, 0, 1_000_000);
    private final NumberField batch = NumberField.integer("Mini-batch size", 10, 1, 10_000);
    private final NumberField batchesPerEpoch = NumberField.integer("Mini-batches per epoch", 5000, 1, 1_000_000);
    private final NumberField epochs = NumberField.integer("Epochs", 30, 1, 1000);
    private final NumberField seed = NumberField.integer("Seed", 1, 0, Long.MAX_VALUE);
    private final List<NumberField> fields = List.of(hidden, eta, batch, batchesPerEpoch, epochs, seed);
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(Loss.QUADRATIC);
    private final ObservableList<SchemeChoice> schemes = FXCollections.observableArrayList();
    private final DoubleProperty targetPercent = new SimpleDoubleProperty(RunSummary.REFERENCE_TARGET_PERCENT);
    /** Threshold t on σ'(z) below which a neuron counts as saturated (shared with the theory views). */
    private final DoubleProperty saturationThreshold = new SimpleDoubleProperty(0.01);

    private final ReadOnlyObjectWrapper<LabState> state = new ReadOnlyObjectWrapper<>(LabState.LOADING);
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Loading ND4J's native library and MNIST in the background…");
    private final StringProperty validationMessage = new SimpleStringProperty("");
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> accuracySeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> saturationSeries = FXCollections.observableArrayList();
    private final Map<Integer, RunRow> rowsByIndex = new HashMap<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper epochsSeen = new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private final BooleanBinding runDisabled;

    private RunControl control;
    private Comparison comparison;
    private long runStartNanos;

    public LabViewModel(BackgroundRunner runner) {
        this.runner = runner;
        for (WeightInit w : InitCatalog.all()) {
            schemes.add(new SchemeChoice(w, w.id().equals("standard") || w.id().equals("lecun")));
        }
        for (NumberField f : fields) f.errorProperty().addListener((o, a, b) -> updateValidation());
        for (SchemeChoice c : schemes) c.selectedProperty().addListener((o, a, b) -> updateValidation());
        updateValidation();
        runDisabled = Bindings.createBooleanBinding(
                () -> !validationMessage.get().isEmpty() || dataset.get() == null || state.get().isBusy() || state.get() == LabState.LOADING,
                validationMessage, dataset, state);
        saturationThreshold.addListener((o, a, b) -> rows.forEach(this::recomputeSaturation));
    }

    // ---- settings -------------------------------------------------------------------------------
    public NumberField hiddenField() { return hidden; }
    public NumberField etaField() { return eta; }
    public NumberField batchField() { return batch; }
    public NumberField batchesPerEpochField() { return batchesPerEpoch; }
    public NumberField epochsField() { return epochs; }
    public NumberField seedField() { return seed; }
    public ObjectProperty<Loss> lossProperty() { return loss; }
    public ObservableList<SchemeChoice> schemes() { return schemes; }
    public DoubleProperty targetPercentProperty() { return targetPercent; }
    public DoubleProperty saturationThresholdProperty() { return saturationThreshold; }

    // ---- state and results ----------------------------------------------------------------------
    public ReadOnlyObjectProperty<LabState> stateProperty() { return state.getReadOnlyProperty(); }
    public ObjectProperty<Dataset> datasetProperty() { return dataset; }
    public StringProperty statusProperty() { return status; }
    public StringProperty validationMessageProperty() { return validationMessage; }
    public BooleanBinding runDisabledProperty() { return runDisabled; }
    public ObservableList<RunRow> rows() { return rows; }
    public ObservableList<XYChart.Series<Number, Number>> accuracySeries() { return accuracySeries; }
    public ObservableList<XYChart.Series<Number, Number>> saturationSeries() { return saturationSeries; }
    public EventMailbox mailbox() { return mailbox; }

    private void updateValidation() {
        List<String> problems = new ArrayList<>();
        for (NumberField f : fields) if (!f.isValid()) problems.add(f.errorProperty().get());
        if (schemes.stream().noneMatch(c -> c.selectedProperty().get())) problems.add("Schemes: choose at least one scheme to compare");
        if (hidden.isValid() && (long) hidden.intValue() * 794 > NetworkSpec.MAX_PARAMETERS) problems.add("Hidden neurons: the network would be too large");
        validationMessage.set(String.join("\n", problems));
    }

    // ---- commands -------------------------------------------------------------------------------
    /** Loads ND4J and the bundled MNIST off the FX thread; the status bar says what happens. */
    public void loadBundledData() {
        loadDataset(DatasetLoader.bundledMnist());
    }

    /** Loads a dataset folder; on failure the previous dataset stays in use and the message says why. */
    public void loadDataset(Path dir) {
        LabState before = state.get();
        if (before.isBusy()) return;
        state.set(LabState.LOADING);
        long t0 = System.nanoTime();
        runner.submit("load", () -> {
            long nd4jMs = Nd4jRuntime.ensureLoaded();
            return new Object[] {DatasetLoader.load(dir), nd4jMs};
        }, result -> {
            Dataset d = (Dataset) result[0];
            dataset.set(d);
            state.set(LabState.READY);
            status.set(String.format(Locale.ROOT, "Ready — %s: %,d training and %,d test images%s; ND4J loaded in %.1f s, data in %.1f s",
                    d.name(), d.train().count(), d.test().count(), d.verified() ? ", checksums verified" : " (no manifest: not verified)",
                    (Long) result[1] / 1000.0, (System.nanoTime() - t0) / 1e9));
        }, error -> {
            state.set(dataset.get() == null ? LabState.FAILED : LabState.READY);
            status.set("Could not load " + dir + ": " + error.getMessage() + (dataset.get() == null ? "" : " — still using " + dataset.get().name()));
        });
    }

    /** The comparison the current settings describe (valid settings only). */
    public Comparison currentComparison() {
        Dataset d = dataset.get();
        int inputs = d == null ? 784 : d.inputSize(), classes = d == null ? 10 : d.classes();
        NetworkSpec spec = NetworkSpec.reference(inputs, hidden.intValue(), classes).withLoss(loss.get());
        TrainingConfig config = TrainingConfig.reference().withEta(eta.doubleValue()).withEpochs(epochs.intValue())
                .withBatchesPerEpoch(batchesPerEpoch.intValue());
        config = new TrainingConfig(config.eta(), batch.intValue(), config.batchesPerEpoch(), config.epochs(), 0, config.epochMode(),
                config.evalSplit(), config.probesPerEpoch(), config.probeSize(), config.engine());
        List<InitScheme> chosen = schemes.stream().filter(c -> c.selectedProperty().get()).map(c -> InitScheme.of(c.init())).toList();
        return new Comparison(spec, config, chosen, List.of(seed.longValue()), Comparison.defaultThreads());
    }

    public void run() {
        if (runDisabled.get()) return;
        Comparison c;
        try {
            c = currentComparison();
        } catch (IllegalArgumentException e) {
            validationMessage.set(e.getMessage());
            return;
        }
        clearResults();
        comparison = c;
        for (RunKey key : c.runKeys()) {
            RunRow row = new RunRow(key, key.scheme().weights().id() + "  " + key.scheme().weights().formula());
            rows.add(row);
            rowsByIndex.put(key.index(), row);
            accuracySeries.add(row.accuracySeries());
            saturationSeries.add(row.saturationSeries());
        }
        control = new RunControl();
        RunControl myControl = control;
        Dataset d = dataset.get();
        runStartNanos = System.nanoTime();
        state.set(LabState.RUNNING);
        status.set("Training " + c.runKeys().size() + " runs on " + Math.min(c.runKeys().size(), Comparison.defaultThreads()) + " threads…");
        runner.submit("training", () -> c.run(d, mailbox, myControl), results -> finished(results, myControl), error -> {
            applyPendingEvents();
            state.set(LabState.FAILED);
            status.set("Training failed: " + error);
        });
    }

    private void finished(List<RunResult> results, RunControl finishedControl) {
        applyPendingEvents();
        if (finishedControl != control) return;
        double wall = (System.nanoTime() - runStartNanos) / 1e9;
        long diverged = results.stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
        boolean cancelled = finishedControl.isCancelled();
        state.set(cancelled ? LabState.CANCELLED : LabState.FINISHED);
        status.set(String.format(Locale.ROOT, "%s after %.1f s%s", cancelled ? "Cancelled" : "Finished", wall,
                diverged > 0 ? " — " + diverged + " run(s) diverged" : ""));
    }

    public void pauseOrResume() {
        if (control == null) return;
        if (state.get() == LabState.RUNNING) {
            control.pause();
            state.set(LabState.PAUSED);
            status.set("Paused — Resume continues from the same mini-batch");
        } else if (state.get() == LabState.PAUSED) {
            control.resume();
            state.set(LabState.RUNNING);
            status.set("Training…");
        }
    }

    public void cancel() {
        if (control == null || !state.get().isBusy()) return;
        control.cancel();
        state.set(LabState.CANCELLING);
        status.set("Cancelling…");
    }

    /** Back to the reference settings and empty charts (not during a run). */
    public void reset() {
        if (state.get().isBusy()) return;
        fields.forEach(NumberField::reset);
        schemes.forEach(SchemeChoice::reset);
        loss.set(Loss.QUADRATIC);
        clearResults();
        if (dataset.get() != null) state.set(LabState.READY);
    }

    /** Stops training for good (window closing). */
    public void shutdown() {
        if (control != null) control.cancel();
    }

    private void clearResults() {
        epochsSeen.set(0);
        mailbox.clear();
        rows.clear();
        rowsByIndex.clear();
        accuracySeries.clear();
        saturationSeries.clear();
    }

    // ---- events -> properties (FX thread, once per pulse) ----------------------------------------
    public void applyPendingEvents() {
        for (EventMailbox.Event e : mailbox.drain()) {
            if (e.started() != null) started(e.started(), e.startZ());
            else if (e.probe() != null) probe(e.probe());
            else if (e.epoch() != null) epoch(e.epoch());
            else if (e.ended() != null) ended(e.ended());
        }
    }

    private void started(RunKey key, List<float[]> z) {
        RunRow row = rowsByIndex.get(key.index());
        if (row == null) return;
        if (!z.isEmpty()) row.hiddenZ().add(z.get(0));
        recomputeSaturation(row);
    }

    private void probe(ProbePoint p) {
        RunRow row = rowsByIndex.get(p.run().index());
        if (row == null) return;
        progress(row, p.epochPosition());
        // Probe points show the first epoch's rise; later they would only add the probe sample's noise.
        if (p.epochPosition() >= 1) return;
        XYChart.Data<Number, Number> point = new XYChart.Data<>(p.epochPosition(), p.accuracyPercent());
        point.setExtraValue(String.format(Locale.ROOT, "%s\nprobe at epoch %.1f: %d / %d", row.name(), p.epochPosition(), p.correct(), p.total()));
        row.accuracySeries().getData().add(point);
    }

    private void epoch(EpochResult e) {
        RunRow row = rowsByIndex.get(e.run().index());
        if (row == null) return;
        XYChart.Data<Number, Number> point = new XYChart.Data<>(e.epoch() + 1, e.accuracyPercent());
        point.setExtraValue(String.format(Locale.ROOT, "%s\nEpoch %d: %d / %d", row.name(), e.epoch(), e.correct(), e.total()));
        row.accuracySeries().getData().add(point);
        row.correctByEpoch().add(e.correct());
        row.trainSeconds().add(e.trainSeconds());
        if (!e.hiddenZ().isEmpty()) row.hiddenZ().add(e.hiddenZ().get(0));
        recomputeSaturation(row);
        int total = e.total();
        row.epoch0Property().set(percent(row.correctByEpoch().get(0), total));
        int best = row.correctByEpoch().stream().mapToInt(Integer::intValue).max().orElse(0);
        row.bestProperty().set("best: " + best + " / " + total);
        row.finalProperty().set(percent(e.correct(), total));
        String first = "";
        for (int i = 0; i < row.correctByEpoch().size(); i++) {
            if (100.0 * row.correctByEpoch().get(i) / total >= targetPercent.get()) {
                first = Integer.toString(i);
                break;
            }
        }
        row.firstReachingProperty().set(first.isEmpty() ? "not yet" : first);
        row.secondsPerEpochProperty().set(String.format(Locale.ROOT, "%.2f", row.trainSeconds().stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        progress(row, e.epoch() + 1);
    }

    private void ended(RunResult r) {
        RunRow row = rowsByIndex.get(r.run().index());
        if (row == null) return;
        row.statusProperty().set(r.status());
        row.messageProperty().set(r.message());
        if (r.status() == RunStatus.COMPLETED) {
            row.progressProperty().set(1);
            row.etaProperty().set("done");
            if (row.firstReachingProperty().get().equals("not yet")) row.firstReachingProperty().set("never");
        } else {
            row.etaProperty().set(r.status().name().toLowerCase(Locale.ROOT));
            if (r.status() == RunStatus.DIVERGED) row.accuracySeries().setName(row.name() + " (diverged)");
        }
    }

    private void progress(RunRow row, double epochsDone) {
        double total = comparison == null ? 1 : comparison.config().epochs();
        double p = Math.min(1, epochsDone / total);
        row.progressProperty().set(p);
        double elapsed = (System.nanoTime() - runStartNanos) / 1e9;
        row.etaProperty().set(p <= 0 ? "" : String.format(Locale.ROOT, "%.0f s left", elapsed * (1 - p) / p));
    }

    /** The saturated share per epoch for the current threshold, replaced in one change (one chart layout). */
    private void recomputeSaturation(RunRow row) {
        double t = saturationThreshold.get();
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        for (int i = 0; i < row.hiddenZ().size(); i++) {
            // x = epochs trained: 0 at initialization, e + 1 after epoch e.
            points.add(new XYChart.Data<>(i, 100 * SigmoidMath.saturatedFraction(row.hiddenZ().get(i), t)));
        }
        row.saturationSeries().getData().setAll(points);
        epochsSeen.set(Math.max(epochsSeen.get(), row.hiddenZ().size()));
    }

    /** Hidden-layer snapshots available so far (initialization counts as one); views redraw when it grows. */
    public javafx.beans.property.ReadOnlyIntegerProperty epochsSeenProperty() {
        return epochsSeen.getReadOnlyProperty();
    }

    private static String percent(int correct, int total) {
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * correct / total);
    }
}
