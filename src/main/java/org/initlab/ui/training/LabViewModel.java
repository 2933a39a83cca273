package org.initlab.ui.training;

import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.FrameDelay;
import org.initlab.ui.base.I18n;
import org.initlab.ui.controls.LayerListField;
import org.initlab.ui.controls.NumberField;
import org.initlab.ui.controls.SchemeChoice;
import org.initlab.ui.controls.ValidatedText;

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
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.train.EpochMode;
import org.initlab.train.EvalSplit;
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
 * per pulse ({@link #applyEventsForOnePulse()}), tests drain everything after a synchronous run
 * ({@link #applyPendingEvents()}).
 */
public final class LabViewModel {
    public static final int MAX_HIDDEN = 10_000;

    private final BackgroundRunner runner;
    private FrameDelay frameDelay = FrameDelay.NONE;
    private boolean pumped;
    /** A finished run's remaining steps, one per pulse once its events are applied (see {@link #finished}). */
    private final java.util.Queue<Runnable> finishSteps = new java.util.ArrayDeque<>();
    private final EventMailbox mailbox = new EventMailbox();

    // Settings as typed. Defaults reproduce the reference experiment.
    private final LayerListField hidden = new LayerListField(I18n.t("field.hidden"), "30", MAX_HIDDEN);
    private final NumberField eta = NumberField.positiveDecimal(I18n.t("field.eta"), 3.0, 0, 1_000_000);
    private final NumberField batch = NumberField.integer(I18n.t("field.batch"), 10, 1, 10_000);
    private final NumberField batchesPerEpoch = NumberField.integer(I18n.t("field.batchesPerEpoch"), 5000, 1, 1_000_000);
    private final NumberField epochs = NumberField.integer(I18n.t("field.epochs"), 30, 1, 1000);
    private final NumberField seed = NumberField.integer(I18n.t("field.seed"), 1, 0, Long.MAX_VALUE);
    private final NumberField lambda = NumberField.decimal(I18n.t("field.lambda"), 0.0, 0, 1_000_000);
    private final NumberField seedsPerScheme = NumberField.integer(I18n.t("field.seedsPerScheme"), 1, 1, 20);
    private final NumberField target = NumberField.decimal(I18n.t("field.target"), RunSummary.REFERENCE_TARGET_PERCENT, 0, 100);
    private final List<NumberField> fields = List.of(eta, batch, batchesPerEpoch, epochs, seed, lambda, seedsPerScheme, target);
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(Loss.QUADRATIC);
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.SIGMOID);
    private final ObjectProperty<OutputLayer> output = new SimpleObjectProperty<>(OutputLayer.SIGMOID);
    private final ObjectProperty<String> biasRule = new SimpleObjectProperty<>("normal");
    private final ObjectProperty<EvalSplit> evalSplit = new SimpleObjectProperty<>(EvalSplit.TEST);
    private final ObjectProperty<EpochMode> epochMode = new SimpleObjectProperty<>(EpochMode.BATCHES);
    private final javafx.beans.property.BooleanProperty showSeeds = new javafx.beans.property.SimpleBooleanProperty(false);
    private final ObservableList<SchemeChoice> schemes = FXCollections.observableArrayList();
    /** Threshold t on σ'(z) below which a neuron counts as saturated (shared with the theory views). */
    private final DoubleProperty saturationThreshold = new SimpleDoubleProperty(0.01);

    private final ReadOnlyObjectWrapper<LabState> state = new ReadOnlyObjectWrapper<>(LabState.LOADING);
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty(I18n.t("status.loading"));
    private final StringProperty validationMessage = new SimpleStringProperty("");
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> accuracySeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> saturationSeries = FXCollections.observableArrayList();
    private final Map<Integer, RunRow> rowsByIndex = new HashMap<>();
    /** With several seeds per scheme: the mean series per scheme id, and its band {x, min, max} per series. */
    private final Map<String, XYChart.Series<Number, Number>> meanSeries = new java.util.LinkedHashMap<>();
    private final Map<XYChart.Series<Number, Number>, List<double[]>> bands = new HashMap<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyIntegerWrapper snapshots = new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private final javafx.beans.property.ReadOnlyIntegerWrapper epochsSeen = new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private final javafx.beans.property.ReadOnlyIntegerWrapper plannedEpochs = new javafx.beans.property.ReadOnlyIntegerWrapper(epochs.intValue());
    private final BooleanBinding runDisabled;
    /** Training or paused: settings, presets, dataset and language are locked. */
    private final BooleanBinding busy = Bindings.createBooleanBinding(() -> state.get().isBusy(), state);
    /** Busy, or a dataset loading (nothing can run then): the side panel's settings are greyed out. */
    private final BooleanBinding settingsLocked = Bindings.createBooleanBinding(() -> state.get().isBusy() || state.get() == LabState.LOADING, state);

    private List<RunResult> lastResults = List.of();
    private RunControl control;
    private RunControl warmUpControl;
    private Comparison comparison;
    /** The rows show the runs Run would start (nothing has run since start or reset), not results. */
    private boolean planShown;
    private long runStartNanos;

    public LabViewModel(BackgroundRunner runner) {
        this.runner = runner;
        for (WeightInit w : InitCatalog.all()) {
            schemes.add(new SchemeChoice(w, w.id().equals("standard") || w.id().equals("lecun")));
        }
        for (NumberField f : fields) f.errorProperty().addListener((o, a, b) -> updateValidation());
        hidden.errorProperty().addListener((o, a, b) -> updateValidation());
        hidden.textProperty().addListener((o, a, b) -> updateValidation());
        loss.addListener((o, a, b) -> updateValidation());
        output.addListener((o, a, b) -> updateValidation());
        for (SchemeChoice c : schemes) c.selectedProperty().addListener((o, a, b) -> updateValidation());
        updateValidation();
        runDisabled = Bindings.createBooleanBinding(
                () -> !validationMessage.get().isEmpty() || dataset.get() == null || state.get().isBusy() || state.get() == LabState.LOADING,
                validationMessage, dataset, state);
        saturationThreshold.addListener((o, a, b) -> rows.forEach(this::recomputeSaturation));
        showSeeds.addListener((o, a, b) -> rebuildDisplayedSeries());
        // Settings that change which runs Run starts, or their names, or the charts' frame (errors go through updateValidation).
        for (ValidatedText f : List.of(seed, seedsPerScheme, epochs, hidden)) f.textProperty().addListener((o, a, b) -> refreshPlan());
        activation.addListener((o, a, b) -> refreshPlan());
        dataset.addListener((o, a, b) -> refreshPlan());
    }

    // ---- settings -------------------------------------------------------------------------------
    public LayerListField hiddenField() { return hidden; }
    public NumberField lambdaField() { return lambda; }
    public NumberField seedsPerSchemeField() { return seedsPerScheme; }
    public NumberField targetField() { return target; }
    public ObjectProperty<Activation> activationProperty() { return activation; }
    public ObjectProperty<OutputLayer> outputProperty() { return output; }
    public ObjectProperty<String> biasRuleProperty() { return biasRule; }
    public ObjectProperty<EvalSplit> evalSplitProperty() { return evalSplit; }
    public ObjectProperty<EpochMode> epochModeProperty() { return epochMode; }
    public javafx.beans.property.BooleanProperty showSeedsProperty() { return showSeeds; }
    /** Bias rules offered in the side panel. */
    public static List<String> biasRules() { return List.of("normal", "zeros", "constant:0.1"); }
    public NumberField etaField() { return eta; }
    public NumberField batchField() { return batch; }
    public NumberField batchesPerEpochField() { return batchesPerEpoch; }
    public NumberField epochsField() { return epochs; }
    public NumberField seedField() { return seed; }
    public ObjectProperty<Loss> lossProperty() { return loss; }
    public ObservableList<SchemeChoice> schemes() { return schemes; }
    public DoubleProperty saturationThresholdProperty() { return saturationThreshold; }

    // ---- state and results ----------------------------------------------------------------------
    public ReadOnlyObjectProperty<LabState> stateProperty() { return state.getReadOnlyProperty(); }
    public ObjectProperty<Dataset> datasetProperty() { return dataset; }
    public StringProperty statusProperty() { return status; }
    public StringProperty validationMessageProperty() { return validationMessage; }
    public BooleanBinding runDisabledProperty() { return runDisabled; }
    public BooleanBinding busyProperty() { return busy; }
    public BooleanBinding settingsLockedProperty() { return settingsLocked; }
    public ObservableList<RunRow> rows() { return rows; }
    public ObservableList<XYChart.Series<Number, Number>> accuracySeries() { return accuracySeries; }
    public ObservableList<XYChart.Series<Number, Number>> saturationSeries() { return saturationSeries; }
    public EventMailbox mailbox() { return mailbox; }
    /** The band behind a series (min–max over seeds), empty for single runs. */
    public List<double[]> bandOf(XYChart.Series<Number, Number> series) { return bands.getOrDefault(series, List.of()); }
    /** The summary table as text (per run, and mean ± sd per scheme with several seeds); filled when a run ends. */
    public StringProperty summaryProperty() { return summary; }
    /** Number of schemes in the current (or last) comparison. */
    public int currentSchemesCount() { return comparison == null ? 0 : comparison.schemes().size(); }
    private boolean multiSeed() { return comparison != null && comparison.seeds().size() > 1; }

    private void updateValidation() {
        List<String> problems = new ArrayList<>();
        if (!hidden.isValid()) problems.add(hidden.errorProperty().get());
        for (NumberField f : fields) if (!f.isValid()) problems.add(f.errorProperty().get());
        if (output.get() == OutputLayer.SOFTMAX && loss.get() != Loss.CROSS_ENTROPY) problems.add(I18n.t("v.softmax"));
        if (schemes.stream().noneMatch(c -> c.selectedProperty().get())) problems.add(I18n.t("v.noScheme"));
        if (hidden.isValid()) {
            long params = NetworkSpec.parameterCount(NetworkSpec.layerSizes(784, hidden.sizes(), 10));
            if (params > NetworkSpec.MAX_PARAMETERS) {
                problems.add(I18n.f("v.tooLarge", String.format(Locale.ROOT, "%,d", params), String.format(Locale.ROOT, "%,d", NetworkSpec.megabytesPerRun(params)),
                        String.format(Locale.ROOT, "%,d", NetworkSpec.MAX_PARAMETERS)));
            }
        }
        validationMessage.set(String.join("\n", problems));
        refreshPlan();
    }

    /**
     * While nothing has run (from start, or after a reset) the table and the chart legend list the runs Run
     * would start, marked planned, and follow the settings. Besides telling the user what Run will do, the
     * rows, their cells and the legend are then built before training: built as it started, they cost the
     * first training pulse ~130 ms. Shown once a dataset is loaded, so they do not delay the first paint.
     */
    private void refreshPlan() {
        if (state.get().isBusy() || dataset.get() == null || (!rows.isEmpty() && !planShown)) return;
        Comparison c = null;
        if (validationMessage.get().isEmpty()) {
            try {
                c = currentComparison();
            } catch (IllegalArgumentException e) {
                c = null; // the validation message says why; Run is disabled
            }
        }
        if (c == null) {
            if (planShown) clearResults();
            planShown = false;
            return;
        }
        if (planShown && samePlannedRows(comparison, c)) {
            show(c);
            return;
        }
        clearResults();
        show(c);
        createRows(c);
        rows.forEach(r -> r.plannedProperty().set(true));
        planShown = true;
    }

    /** Same rows in the same order under the same names: the planned rows can serve the run. */
    private static boolean samePlannedRows(Comparison a, Comparison b) {
        return a != null && a.runKeys().equals(b.runKeys()) && a.seeds().size() == b.seeds().size() && a.spec().hidden() == b.spec().hidden();
    }

    // ---- commands -------------------------------------------------------------------------------
    /** Loads ND4J and the bundled MNIST off the FX thread; the status bar says what happens. */
    public void loadBundledData() {
        loadDataset(DatasetLoader.bundledMnist());
    }

    /** Loads one of the offered datasets, or says how to install it when it is absent (nothing changes then). */
    public void loadDataset(org.initlab.data.DatasetChoice choice) {
        if (!choice.isAvailable()) {
            status.set(I18n.f("status.notInstalled", choice.name(), choice.directory(), choice.installHint())
                    + (dataset.get() == null ? "" : I18n.f("status.stillUsing", dataset.get().name())));
            return;
        }
        loadDataset(choice.directory());
    }

    /** Loads a dataset folder; on failure the previous dataset stays in use and the message says why. */
    public void loadDataset(Path dir) {
        LabState before = state.get();
        if (before.isBusy()) return;
        state.set(LabState.LOADING);
        long t0 = System.nanoTime();
        runner.submit("load", () -> {
            long nd4jMs = Nd4jRuntime.ensureLoaded();
            Dataset loaded = DatasetLoader.load(dir);
            Comparison.prepare(loaded, TrainingConfig.reference());
            return new Object[] {loaded, nd4jMs};
        }, result -> {
            Dataset d = (Dataset) result[0];
            dataset.set(d);
            state.set(LabState.READY);
            warmUp(d);
            status.set(I18n.f("status.ready", d.name(), String.format(Locale.ROOT, "%,d", d.train().count()), String.format(Locale.ROOT, "%,d", d.test().count()),
                    I18n.t(d.verified() ? "status.verified" : "status.unverified"), String.format(Locale.ROOT, "%.1f", (Long) result[1] / 1000.0),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9)));
        }, error -> {
            state.set(dataset.get() == null ? LabState.FAILED : LabState.READY);
            status.set(I18n.f("status.loadFailed", dir, error.getMessage()) + (dataset.get() == null ? "" : I18n.f("status.stillUsing", dataset.get().name())));
        });
    }

    /** Compiles the training code in the background while the user reads the window; Run cancels it. */
    private void warmUp(Dataset d) {
        RunControl warming = new RunControl();
        warmUpControl = warming;
        runner.submit("warm-up", () -> {
            Comparison.warmUp(d, warming);
            return null;
        }, ignored -> { }, error -> { }); // nothing to show: a real run would meet the same error and report it
    }

    /** The comparison the current settings describe (valid settings only). */
    public Comparison currentComparison() {
        Dataset d = dataset.get();
        int inputs = d == null ? 784 : d.inputSize(), classes = d == null ? 10 : d.classes();
        NetworkSpec spec = new NetworkSpec(NetworkSpec.layerSizes(inputs, hidden.sizes(), classes), activation.get(), output.get(), loss.get());
        TrainingConfig ref = TrainingConfig.reference();
        TrainingConfig config = new TrainingConfig(eta.doubleValue(), batch.intValue(), batchesPerEpoch.intValue(), epochs.intValue(), lambda.doubleValue(),
                epochMode.get(), evalSplit.get(), ref.probesPerEpoch(), ref.probeSize(), ref.engine());
        BiasInit bias = BiasInit.parse(biasRule.get());
        List<InitScheme> chosen = schemes.stream().filter(c -> c.selectedProperty().get()).map(c -> new InitScheme(c.init(), bias)).toList();
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < seedsPerScheme.intValue(); k++) seeds.add(seed.longValue() + k);
        return new Comparison(spec, config, chosen, seeds, Comparison.defaultThreads());
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
        if (warmUpControl != null) warmUpControl.cancel(); // the run needs the cores
        if (planShown && samePlannedRows(comparison, c)) {
            // The planned rows become the run's rows: the table and legend are already built.
            mailbox.clear();
            rows.forEach(r -> r.plannedProperty().set(false));
            show(c);
        } else {
            clearResults();
            show(c); // before the rows: with several seeds they are shown through per-scheme means
            createRows(c);
        }
        planShown = false;
        control = new RunControl();
        RunControl myControl = control;
        Dataset d = dataset.get();
        runStartNanos = System.nanoTime();
        state.set(LabState.RUNNING);
        status.set(I18n.f("status.training", Integer.toString(c.runKeys().size()), Integer.toString(Math.min(c.runKeys().size(), Comparison.defaultThreads()))));
        // Training starts once the window has drawn the run's start (see FrameDelay); a Cancel in between
        // reaches a run that then stops before its first batch.
        double target = targetPercent();
        frameDelay.after(FRAMES_BEFORE_TRAINING, () -> runner.submit("training", () -> {
                    List<RunResult> results = c.run(d, mailbox, myControl);
                    // Formatted here, off the FX thread: run once per run, this code is cold, and took 10-50 ms of a frame.
                    return new Finished(results, org.initlab.report.SummaryTable.format(results, target));
                }, f -> finished(f.results(), f.summary(), myControl), error -> {
                    applyPendingEvents();
                    state.set(LabState.FAILED);
                    status.set(I18n.f("status.trainingFailed", String.valueOf(error)));
                }));
    }

    /** Run's own pulse, the settings greying out in the next, and that one's painting. */
    static final int FRAMES_BEFORE_TRAINING = 3;

    /** How the window delays work by frames; {@link FrameDelay#NONE} (the default) without one. */
    public void setFrameDelay(FrameDelay delay) {
        frameDelay = java.util.Objects.requireNonNull(delay);
    }

    private record Finished(List<RunResult> results, String summary) {}

    private void finished(List<RunResult> results, String summaryText, RunControl finishedControl) {
        double wall = (System.nanoTime() - runStartNanos) / 1e9;
        boolean cancelled = finishedControl.isCancelled(); // as the run ended: a Cancel pressed later changes nothing
        if (!pumped) {
            applyPendingEvents();
            showSummary(results, summaryText, finishedControl);
            unlock(results, finishedControl, wall, cancelled);
            return;
        }
        // The window: the run's last epochs and ends still queued are applied one per pulse, then the summary
        // gets a pulse and the unlocking (restyling the settings) another. Done at once they made a 70-117 ms frame.
        finishSteps.add(() -> showSummary(results, summaryText, finishedControl));
        finishSteps.add(() -> unlock(results, finishedControl, wall, cancelled));
    }

    private void showSummary(List<RunResult> results, String summaryText, RunControl finishedControl) {
        if (finishedControl != control) return;
        lastResults = List.copyOf(results);
        summary.set(summaryText);
    }

    private void unlock(List<RunResult> results, RunControl finishedControl, double wall, boolean cancelled) {
        if (finishedControl != control) return;
        long diverged = results.stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
        state.set(cancelled ? LabState.CANCELLED : LabState.FINISHED);
        status.set(I18n.f(cancelled ? "status.cancelled" : "status.finished", String.format(Locale.ROOT, "%.1f", wall))
                + (diverged > 0 ? I18n.f("status.diverged", Long.toString(diverged)) : ""));
    }

    /**
     * The window applies training events once per pulse ({@link #applyEventsForOnePulse()}); a run's end then
     * waits for its last events and is shown over two pulses of its own. Without a pump it is shown at once.
     */
    public void drainEventsInPulses() {
        pumped = true;
    }

    /** The comparison the rows and charts show (planned, running, finished or opened); the charts' x range follows it. */
    private void show(Comparison c) {
        comparison = c;
        plannedEpochs.set(c.config().epochs());
    }

    private void createRows(Comparison c) {
        for (RunKey key : c.runKeys()) {
            String name = key.scheme().weights().id() + "  " + key.scheme().weights().formula() + (c.seeds().size() > 1 ? I18n.f("row.seed", Long.toString(key.seed())) : "");
            RunRow row = new RunRow(key, name, c.spec().hidden());
            rows.add(row);
            rowsByIndex.put(key.index(), row);
            saturationSeries.add(row.saturationSeries());
        }
        for (var scheme : c.schemes()) {
            XYChart.Series<Number, Number> mean = new XYChart.Series<>();
            mean.setName(I18n.f("row.mean", scheme.weights().id() + "  " + scheme.weights().formula(), Integer.toString(c.seeds().size())));
            meanSeries.put(scheme.id(), mean);
        }
        rebuildDisplayedSeries();
    }

    public void pauseOrResume() {
        if (control == null) return;
        if (state.get() == LabState.RUNNING) {
            control.pause();
            state.set(LabState.PAUSED);
            status.set(I18n.t("status.paused"));
        } else if (state.get() == LabState.PAUSED) {
            control.resume();
            state.set(LabState.RUNNING);
            status.set(I18n.t("status.resumed"));
        }
    }

    public void cancel() {
        if (control == null || !state.get().isBusy()) return;
        control.cancel();
        state.set(LabState.CANCELLING);
        status.set(I18n.t("status.cancelling"));
    }

    /** Back to the reference settings and empty charts (not during a run). */
    public void reset() {
        if (state.get().isBusy()) return;
        fields.forEach(NumberField::reset);
        hidden.reset();
        schemes.forEach(SchemeChoice::reset);
        loss.set(Loss.QUADRATIC);
        activation.set(Activation.SIGMOID);
        output.set(OutputLayer.SIGMOID);
        biasRule.set("normal");
        evalSplit.set(EvalSplit.TEST);
        epochMode.set(EpochMode.BATCHES);
        clearResults();
        planShown = false;
        if (dataset.get() != null) state.set(LabState.READY);
        refreshPlan();
    }

    /** The target of "first epoch reaching" while the field holds a valid value; the reference's 94% otherwise. */
    private double targetPercent() {
        return target.isValid() ? target.doubleValue() : RunSummary.REFERENCE_TARGET_PERCENT;
    }

    /** True once a run has finished (or was cancelled) and its results can be exported. */
    public boolean hasResults() {
        return !lastResults.isEmpty() && comparison != null;
    }

    /** The last run's results as the command line's CSV (one row per scheme × seed × epoch), written atomically. */
    public void exportCsv(Path file) throws java.io.IOException {
        if (!hasResults()) throw new IllegalStateException("no finished run to export");
        org.initlab.report.RunCsv.write(file, comparison, lastResults);
    }

    // ---- settings files (presets, last session) ------------------------------------------------------
    private Map<String, ValidatedText> textSettings() {
        Map<String, ValidatedText> m = new java.util.LinkedHashMap<>();
        m.put("hidden", hidden);
        m.put("eta", eta);
        m.put("batch", batch);
        m.put("batchesPerEpoch", batchesPerEpoch);
        m.put("epochs", epochs);
        m.put("seed", seed);
        m.put("lambda", lambda);
        m.put("seedsPerScheme", seedsPerScheme);
        m.put("target", target);
        return m;
    }

    private static final List<String> CHOICE_KEYS = List.of("loss", "activation", "output", "bias", "eval", "epochMode");

    /** Every key a settings file may hold. */
    public java.util.Set<String> settingKeys() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(textSettings().keySet());
        keys.addAll(CHOICE_KEYS);
        return keys;
    }

    /** The current settings, as typed. */
    public org.initlab.settings.LabSettings settings() {
        Map<String, String> v = new java.util.LinkedHashMap<>();
        textSettings().forEach((k, f) -> v.put(k, f.textProperty().get()));
        v.put("loss", loss.get().id());
        v.put("activation", activation.get().id());
        v.put("output", output.get().id());
        v.put("bias", biasRule.get());
        v.put("eval", evalSplit.get().id());
        v.put("epochMode", epochMode.get().id());
        List<String> chosen = schemes.stream().filter(c -> c.selectedProperty().get()).map(c -> c.init().id()).toList();
        return new org.initlab.settings.LabSettings(v, chosen);
    }

    /**
     * Applies settings read from a file. Everything is checked first; on any problem nothing changes and
     * the exception lists every problem. Keys the file leaves out keep the reference's values.
     */
    public void apply(org.initlab.settings.LabSettings s) throws org.initlab.settings.SettingsFormatException {
        if (state.get().isBusy()) throw new org.initlab.settings.SettingsFormatException("settings cannot change while training runs");
        List<String> problems = new ArrayList<>();
        textSettings().forEach((k, f) -> {
            String value = s.values().get(k);
            String problem = value == null ? "" : f.check(value);
            if (!problem.isEmpty()) problems.add(problem);
        });
        Map<String, String> v = s.values();
        check(problems, v.get("loss"), Loss::parse);
        check(problems, v.get("activation"), Activation::parse);
        check(problems, v.get("output"), OutputLayer::parse);
        check(problems, v.get("bias"), BiasInit::parse);
        check(problems, v.get("eval"), EvalSplit::parse);
        check(problems, v.get("epochMode"), EpochMode::parse);
        if (v.get("bias") != null && !biasRules().contains(v.get("bias"))) problems.add("bias rule '" + v.get("bias") + "' is not one of " + biasRules());
        java.util.Set<String> known = new java.util.HashSet<>();
        schemes.forEach(c -> known.add(c.init().id()));
        for (String id : s.schemes()) if (!known.contains(id)) problems.add("unknown scheme '" + id + "'");
        if (s.schemes().isEmpty()) problems.add("no scheme chosen");
        if (!problems.isEmpty()) throw new org.initlab.settings.SettingsFormatException(String.join("; ", problems));
        reset();
        textSettings().forEach((k, f) -> {
            if (v.containsKey(k)) f.textProperty().set(v.get(k));
        });
        if (v.containsKey("loss")) loss.set(Loss.parse(v.get("loss")));
        if (v.containsKey("activation")) activation.set(Activation.parse(v.get("activation")));
        if (v.containsKey("output")) output.set(OutputLayer.parse(v.get("output")));
        if (v.containsKey("bias")) biasRule.set(v.get("bias"));
        if (v.containsKey("eval")) evalSplit.set(EvalSplit.parse(v.get("eval")));
        if (v.containsKey("epochMode")) epochMode.set(EpochMode.parse(v.get("epochMode")));
        schemes.forEach(c -> c.selectedProperty().set(s.schemes().contains(c.init().id())));
    }

    private static void check(List<String> problems, String value, java.util.function.Function<String, ?> parser) {
        if (value == null) return;
        try {
            parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    /** Saves the current settings (atomically) — the window does it on close. */
    public void saveSession(Path file) throws java.io.IOException {
        org.initlab.settings.SettingsJson.save(file, settings());
    }

    /** Where the last session's settings are kept. */
    public static Path lastSessionFile() {
        return Path.of(System.getProperty("user.home"), ".initlab", "last-session.json");
    }

    /** The last run as JSON with its provenance (configuration, seeds, checksums, versions, timings). */
    public void exportJson(Path file) throws java.io.IOException {
        if (!hasResults()) throw new IllegalStateException("no finished run to export");
        org.initlab.report.RunJson.save(file, comparison, dataset.get(), lastResults);
    }

    /** Shows a saved run as if it had just finished, without training. */
    public void openSavedRun(org.initlab.report.RunJson.SavedRun saved) {
        if (state.get().isBusy()) throw new IllegalStateException("a run is in progress");
        clearResults();
        planShown = false;
        show(saved.comparison());
        createRows(comparison);
        for (RunResult r : saved.results()) {
            for (EpochResult e : r.epochs()) epoch(e);
            ended(r);
        }
        lastResults = List.copyOf(saved.results());
        summary.set(org.initlab.report.SummaryTable.format(saved.results(), targetPercent()));
        state.set(dataset.get() == null ? LabState.LOADING : LabState.FINISHED);
        status.set(I18n.f("status.openedRun", saved.datasetName(), Integer.toString(saved.results().size())));
    }

    /** The last finished run, to carry it over when the window is rebuilt (language switch). */
    public java.util.Optional<org.initlab.report.RunJson.SavedRun> lastRun() {
        if (!hasResults()) return java.util.Optional.empty();
        return java.util.Optional.of(new org.initlab.report.RunJson.SavedRun(comparison, lastResults, dataset.get() == null ? "" : dataset.get().name()));
    }

    /** Uses a dataset another view-model already loaded (language switch), without loading it again. */
    public void useLoaded(Dataset d) {
        dataset.set(d);
        if (!state.get().isBusy()) state.set(LabState.READY);
    }

    /** Stops training for good (window closing). */
    public void shutdown() {
        if (control != null) control.cancel();
        if (warmUpControl != null) warmUpControl.cancel();
    }

    /** One series per run for single seeds; with several, a mean line per scheme (and every seed on demand). */
    private void rebuildDisplayedSeries() {
        List<XYChart.Series<Number, Number>> shown = new ArrayList<>();
        if (!multiSeed()) {
            rows.forEach(r -> shown.add(r.accuracySeries()));
        } else {
            shown.addAll(meanSeries.values());
            if (showSeeds.get()) rows.forEach(r -> shown.add(r.accuracySeries()));
        }
        accuracySeries.setAll(shown);
    }

    private void updateBand(RunKey key, int total) {
        if (!multiSeed()) return;
        List<List<Double>> byRun = new ArrayList<>();
        for (RunRow r : rows) {
            if (!r.key().scheme().id().equals(key.scheme().id())) continue;
            List<Double> acc = new ArrayList<>();
            for (int correct : r.correctByEpoch()) acc.add(100.0 * correct / total);
            byRun.add(acc);
        }
        org.initlab.train.SeedBands b = org.initlab.train.SeedBands.of(byRun);
        XYChart.Series<Number, Number> mean = meanSeries.get(key.scheme().id());
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        List<double[]> band = new ArrayList<>();
        for (org.initlab.train.SeedBands.Band e : b.epochs()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(e.epoch() + 1, e.mean());
            d.setExtraValue(I18n.f("point.mean", key.scheme().weights().id(), Integer.toString(e.epoch()), String.format(Locale.ROOT, "%.2f", e.mean()),
                    String.format(Locale.ROOT, "%.2f", e.sd()), String.format(Locale.ROOT, "%.2f", e.min()), String.format(Locale.ROOT, "%.2f", e.max()),
                    Integer.toString(e.runs())));
            points.add(d);
            band.add(new double[] {e.epoch() + 1, e.min(), e.max()});
        }
        bands.put(mean, band);
        mean.getData().setAll(points);
    }

    private void clearResults() {
        lastResults = List.of();
        summary.set("");
        meanSeries.clear();
        bands.clear();
        epochsSeen.set(0);
        snapshots.set(0);
        mailbox.clear();
        rows.clear();
        rowsByIndex.clear();
        accuracySeries.clear();
        saturationSeries.clear();
    }

    // ---- events -> properties (FX thread, once per pulse) ----------------------------------------
    public void applyPendingEvents() {
        apply(mailbox.drain());
    }

    /** Once per pulse while the window is up: at most one run's start or epoch end (see {@link EventMailbox#drain(int)}). */
    public void applyEventsForOnePulse() {
        List<EventMailbox.Event> events = mailbox.drain(1);
        if (!events.isEmpty()) apply(events);
        else if (!finishSteps.isEmpty()) finishSteps.poll().run();
    }

    private void apply(List<EventMailbox.Event> events) {
        for (EventMailbox.Event e : events) {
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
        row.layerZ().add(capped(z));
        appendSaturation(row);
    }

    /** The newest snapshot's saturated share, appended (a threshold change recomputes all of them). */
    private void appendSaturation(RunRow row) {
        int i = row.hiddenZ().size() - 1;
        if (i < 0) return;
        row.saturationSeries().getData().add(new XYChart.Data<>(i, 100 * SigmoidMath.saturatedFraction(row.hiddenZ().get(i), saturationThreshold.get())));
        epochsSeen.set(Math.max(epochsSeen.get(), row.hiddenZ().size()));
        snapshots.set(snapshots.get() + 1);
    }

    /**
     * At most this many z values per layer and snapshot are kept for the per-layer view (memory stays bounded
     * for deep nets). Above the reference's 30,000 (1,000 probe images × 30 units), so that layer is shared
     * with the hidden-layer snapshot, not copied: each copy lived the whole run, and young collections copy
     * what lives.
     */
    static final int LAYER_SAMPLE_CAP = 32_768;

    private static List<float[]> capped(List<float[]> z) {
        List<float[]> out = new ArrayList<>();
        for (float[] layer : z) out.add(layer.length <= LAYER_SAMPLE_CAP ? layer : java.util.Arrays.copyOf(layer, LAYER_SAMPLE_CAP));
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
        if (p.epochPosition() >= 1) return;
        XYChart.Data<Number, Number> point = new XYChart.Data<>(p.epochPosition(), p.accuracyPercent());
        point.setExtraValue(I18n.f("point.probe", row.name(), String.format(Locale.ROOT, "%.1f", p.epochPosition()), Integer.toString(p.correct()),
                Integer.toString(p.total())));
        row.accuracySeries().getData().add(point);
    }

    private void epoch(EpochResult e) {
        RunRow row = rowsByIndex.get(e.run().index());
        if (row == null) return;
        XYChart.Data<Number, Number> point = new XYChart.Data<>(e.epoch() + 1, e.accuracyPercent());
        point.setExtraValue(I18n.f("point.epoch", row.name(), Integer.toString(e.epoch()), Integer.toString(e.correct()), Integer.toString(e.total())));
        row.accuracySeries().getData().add(point);
        row.correctByEpoch().add(e.correct());
        updateBand(e.run(), e.total());
        row.trainSeconds().add(e.trainSeconds());
        if (!e.hiddenZ().isEmpty()) row.hiddenZ().add(e.hiddenZ().get(0));
        row.layerZ().add(capped(e.hiddenZ()));
        row.meanAbsDelta().add(e.meanAbsDelta());
        appendSaturation(row);
        int total = e.total();
        row.epoch0Property().set(percent(row.correctByEpoch().get(0), total));
        int best = row.correctByEpoch().stream().mapToInt(Integer::intValue).max().orElse(0);
        row.bestProperty().set("best: " + best + " / " + total);
        row.finalProperty().set(percent(e.correct(), total));
        String first = "";
        for (int i = 0; i < row.correctByEpoch().size(); i++) {
            if (100.0 * row.correctByEpoch().get(i) / total >= targetPercent()) {
                first = Integer.toString(i);
                break;
            }
        }
        row.firstReachingProperty().set(first.isEmpty() ? I18n.t("row.notYet") : first);
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
            row.etaProperty().set(I18n.t("row.done"));
            if (row.firstReachingProperty().get().equals(I18n.t("row.notYet"))) row.firstReachingProperty().set(I18n.t("row.never"));
        } else {
            row.etaProperty().set(I18n.t("runstatus." + r.status().name()));
            if (r.status() == RunStatus.DIVERGED) row.accuracySeries().setName(row.name() + " (" + I18n.t("runstatus.DIVERGED") + ")");
        }
    }

    private void progress(RunRow row, double epochsDone) {
        double total = comparison == null ? 1 : comparison.config().epochs();
        double p = Math.min(1, epochsDone / total);
        row.progressProperty().set(p);
        double elapsed = (System.nanoTime() - runStartNanos) / 1e9;
        row.etaProperty().set(p <= 0 ? "" : I18n.f("row.left", String.format(Locale.ROOT, "%.0f", elapsed * (1 - p) / p)));
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
        snapshots.set(snapshots.get() + 1);
    }

    /** Counts every hidden-layer snapshot of every run (views that show the newest of each run redraw on it). */
    public javafx.beans.property.ReadOnlyIntegerProperty snapshotsProperty() {
        return snapshots.getReadOnlyProperty();
    }

    /** Epochs of the current (or last) comparison, known before it trains: the charts' x range. */
    public javafx.beans.property.ReadOnlyIntegerProperty plannedEpochsProperty() {
        return plannedEpochs.getReadOnlyProperty();
    }

    /** Hidden-layer snapshots available so far (initialization counts as one); views redraw when it grows. */
    public javafx.beans.property.ReadOnlyIntegerProperty epochsSeenProperty() {
        return epochsSeen.getReadOnlyProperty();
    }

    private static String percent(int correct, int total) {
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * correct / total);
    }
}
