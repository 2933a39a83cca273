package org.initlab.ui.training;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetChoice;
import org.initlab.data.DatasetLoader;
import org.initlab.report.RunCsv;
import org.initlab.report.RunJson;
import org.initlab.report.SummaryTable;
import org.initlab.settings.LabSettings;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.Comparison;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.FrameDelay;
import org.initlab.ui.base.I18n;

/**
 * The training feature's view-model: the lab's state and its commands (load, Run, Pause, Cancel, Reset,
 * export, open). The settings are a {@link SettingsForm}, the results a {@link RunResults}. No scene-graph
 * code; the app drains training events into it once per pulse ({@link #applyEventsForOnePulse()}), tests
 * drain everything after a synchronous run ({@link #applyPendingEvents()}).
 */
public final class LabViewModel {
    /** Run's own pulse, the settings greying out in the next, and that one's painting. */
    static final int FRAMES_BEFORE_TRAINING = 3;

    private final BackgroundRunner runner;
    private FrameDelay frameDelay = FrameDelay.NONE;
    private boolean pumped;
    /** A finished run's remaining steps, one per pulse once its events are applied (see {@link #finished}). */
    private final Queue<Runnable> finishSteps = new ArrayDeque<>();

    private final EventMailbox mailbox = new EventMailbox();
    private final ReadOnlyObjectWrapper<LabState> state = new ReadOnlyObjectWrapper<>(LabState.LOADING);
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty(I18n.t("status.loading"));
    private final RunResults results = new RunResults();
    /** A sweep is running (the window model binds it to the Sweep tab's): the window's other work waits for it. */
    private final BooleanProperty sweeping = new SimpleBooleanProperty(this, "sweeping");
    /** The window's one busy state, training (or paused) or sweeping: Run, presets, opening a run and the language wait. */
    private final BooleanBinding busy =
            Bindings.createBooleanBinding(() -> state.get().isBusy() || sweeping.get(), state, sweeping);
    /** Why the busy window refuses ("" when it is not busy): for the tooltips and the menus of what waits. */
    private final StringBinding busyReason = Bindings.createStringBinding(
            () -> state.get().isBusy() ? I18n.t("busy.training") : sweeping.get() ? I18n.t("busy.sweeping") : "",
            state,
            sweeping);
    /** Busy, or a dataset loading (nothing can run then): the side panel's settings are greyed out. */
    private final BooleanBinding settingsLocked =
            Bindings.createBooleanBinding(() -> state.get().isBusy() || state.get() == LabState.LOADING, state);

    private final SettingsForm form = new SettingsForm(this::refreshPlan);
    private final BooleanBinding runDisabled;
    private final DatasetLoading loading;

    private List<RunResult> lastResults = List.of();
    private RunControl control;
    /** The rows show the runs Run would start (nothing has run since start or reset), not results. */
    private boolean planShown;

    private long runStartNanos;

    public LabViewModel(BackgroundRunner runner) {
        this.runner = runner;
        loading = new DatasetLoading(runner, dataset, state, status);
        runDisabled = Bindings.createBooleanBinding(
                () -> !form.validationMessageProperty().get().isEmpty()
                        || dataset.get() == null
                        || busy.get()
                        || state.get() == LabState.LOADING,
                form.validationMessageProperty(),
                dataset,
                busy);
        dataset.addListener((o, a, b) -> refreshPlan());
    }

    public SettingsForm form() {
        return form;
    }

    public RunResults results() {
        return results;
    }

    public ReadOnlyObjectProperty<LabState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanBinding runDisabledProperty() {
        return runDisabled;
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public StringBinding busyReasonProperty() {
        return busyReason;
    }
    /** True while a sweep runs; the window model binds it. */
    public BooleanProperty sweepingProperty() {
        return sweeping;
    }

    public BooleanBinding settingsLockedProperty() {
        return settingsLocked;
    }

    public EventMailbox mailbox() {
        return mailbox;
    }

    /**
     * While nothing has run (from start, or after a reset) the table and the chart legend list the runs Run
     * would start, marked planned, and follow the settings. Besides telling the user what Run will do, the
     * rows, their cells and the legend are then built before training: built as it started, they cost the
     * first training pulse ~130 ms. Shown once a dataset is loaded, so they do not delay the first paint.
     */
    private void refreshPlan() {
        if (state.get().isBusy() || dataset.get() == null || (!results.rows().isEmpty() && !planShown)) return;
        Comparison c = null;
        if (form.validationMessageProperty().get().isEmpty()) {
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
        if (planShown && samePlannedRows(results.comparison(), c)) {
            results.show(c, form.targetPercent());
            return;
        }
        clearResults();
        results.show(c, form.targetPercent());
        results.createRows();
        results.rows().forEach(r -> r.plannedProperty().set(true));
        planShown = true;
    }

    /** Same rows in the same order under the same names: the planned rows can serve the run. */
    private static boolean samePlannedRows(Comparison a, Comparison b) {
        return a != null
                && a.runKeys().equals(b.runKeys())
                && a.seeds().size() == b.seeds().size()
                && a.spec().hidden() == b.spec().hidden();
    }

    /** The comparison the current settings describe (valid settings only). */
    public Comparison currentComparison() {
        return form.comparison(dataset.get());
    }

    // ---- loading (see DatasetLoading) ------------------------------------------------------------
    /** Loads ND4J and the bundled MNIST off the FX thread; the status bar says what happens. */
    public void loadBundledData() {
        loading.load(DatasetLoader.bundledMnist());
    }

    /** Loads one of the offered datasets, or says how to install it when it is absent (nothing changes then). */
    public void loadDataset(DatasetChoice choice) {
        loading.load(choice);
    }

    /** Loads a dataset folder; on failure the previous dataset stays in use and the message says why. */
    public void loadDataset(Path dir) {
        loading.load(dir);
    }

    /** Uses a dataset another view-model already loaded (language switch), without loading it again. */
    public void useLoaded(Dataset d) {
        loading.useLoaded(d);
    }

    // ---- running ----------------------------------------------------------------------------------
    public void run() {
        if (runDisabled.get()) return;
        Comparison c;
        try {
            c = currentComparison();
        } catch (IllegalArgumentException e) {
            form.validationMessageProperty().set(I18n.explain(e));
            return;
        }
        loading.stopWarmUp(); // the run needs the cores
        double target = form.targetPercent();
        if (planShown && samePlannedRows(results.comparison(), c)) {
            // The planned rows become the run's rows: the table and legend are already built.
            mailbox.clear();
            results.rows().forEach(r -> r.plannedProperty().set(false));
            results.show(c, target);
        } else {
            clearResults();
            results.show(c, target); // before the rows: with several seeds they are shown through per-scheme means
            results.createRows();
        }
        planShown = false;
        control = new RunControl();
        RunControl myControl = control;
        Dataset d = dataset.get();
        runStartNanos = System.nanoTime();
        results.runStartsNow();
        state.set(LabState.RUNNING);
        status.set(I18n.f(
                "status.training",
                Integer.toString(c.runKeys().size()),
                Integer.toString(Math.min(c.runKeys().size(), Comparison.defaultThreads()))));
        // Training starts once the window has drawn the run's start (see FrameDelay); a Cancel in between
        // reaches a run that then stops before its first batch.
        frameDelay.after(
                FRAMES_BEFORE_TRAINING,
                () -> runner.submit(
                        "training",
                        () -> {
                            List<RunResult> out = c.run(d, mailbox, myControl);
                            // Formatted here, off the FX thread: run once per run, this code is cold, and took 10-50 ms
                            // of a frame.
                            return new Finished(out, SummaryTable.format(out, target, RowText.summaryWords()));
                        },
                        f -> finished(f.results(), f.summary(), myControl),
                        error -> {
                            applyPendingEvents();
                            state.set(LabState.FAILED);
                            status.set(I18n.f("status.trainingFailed", String.valueOf(error)));
                        }));
    }

    /** How the window delays work by frames; {@link FrameDelay#NONE} (the default) without one. */
    public void setFrameDelay(FrameDelay delay) {
        frameDelay = Objects.requireNonNull(delay);
    }

    private record Finished(List<RunResult> results, String summary) {}

    private void finished(List<RunResult> out, String summaryText, RunControl finishedControl) {
        double wall = (System.nanoTime() - runStartNanos) / 1e9;
        boolean cancelled = finishedControl.isCancelled(); // as the run ended: a Cancel pressed later changes nothing
        if (!pumped) {
            applyPendingEvents();
            showSummary(out, summaryText, finishedControl);
            unlock(out, finishedControl, wall, cancelled);
            return;
        }
        // The window: the run's last epochs and ends still queued are applied one per pulse, then the summary
        // gets a pulse and the unlocking (restyling the settings) another. Done at once they made a 70-117 ms frame.
        finishSteps.add(() -> showSummary(out, summaryText, finishedControl));
        finishSteps.add(() -> unlock(out, finishedControl, wall, cancelled));
    }

    private void showSummary(List<RunResult> out, String summaryText, RunControl finishedControl) {
        if (finishedControl != control) return;
        lastResults = List.copyOf(out);
        results.summaryProperty().set(summaryText);
    }

    private void unlock(List<RunResult> out, RunControl finishedControl, double wall, boolean cancelled) {
        if (finishedControl != control) return;
        long diverged =
                out.stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
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

    public void applyPendingEvents() {
        results.apply(mailbox.drain());
    }

    /** Once per pulse while the window is up: at most one run's start or epoch end (see {@link EventMailbox#drain(int)}). */
    public void applyEventsForOnePulse() {
        List<TrainingEvent> events = mailbox.drain(1);
        if (!events.isEmpty()) results.apply(events);
        else if (!finishSteps.isEmpty()) finishSteps.poll().run();
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
        form.reset();
        clearResults();
        planShown = false;
        if (dataset.get() != null) state.set(LabState.READY);
        refreshPlan();
    }

    /** Stops training for good (window closing). */
    public void shutdown() {
        if (control != null) control.cancel();
        loading.stopWarmUp();
    }

    private void clearResults() {
        lastResults = List.of();
        mailbox.clear();
        results.clear();
    }

    // ---- files ------------------------------------------------------------------------------------
    /** Applies settings from a file or preset: all checked first, nothing changes on a problem (not while training). */
    public void apply(LabSettings s) throws SettingsFormatException {
        if (busy.get()) throw new SettingsFormatException(busyReason.get());
        form.apply(s);
    }

    /** True once a run has finished (or was cancelled) and its results can be exported. */
    public boolean hasResults() {
        return !lastResults.isEmpty() && results.comparison() != null;
    }

    /** The last run's results as the command line's CSV (one row per scheme × seed × epoch), written atomically. */
    public void exportCsv(Path file) throws java.io.IOException {
        if (!hasResults()) throw new IllegalStateException("no finished run to export");
        RunCsv.write(file, results.comparison(), lastResults);
    }

    /** The last run as JSON with its provenance (configuration, seeds, checksums, versions, timings). */
    public void exportJson(Path file) throws java.io.IOException {
        if (!hasResults()) throw new IllegalStateException("no finished run to export");
        RunJson.save(file, results.comparison(), dataset.get(), lastResults);
    }

    /** Shows a saved run as if it had just finished, without training: its results replayed as a run's events. */
    public void openSavedRun(RunJson.SavedRun saved) {
        if (busy.get()) throw new IllegalStateException(busyReason.get());
        clearResults();
        planShown = false;
        results.show(saved.comparison(), form.targetPercent());
        results.createRows();
        results.apply(TrainingEvent.replay(saved.results()));
        lastResults = List.copyOf(saved.results());
        results.summaryProperty()
                .set(SummaryTable.format(saved.results(), form.targetPercent(), RowText.summaryWords()));
        state.set(dataset.get() == null ? LabState.LOADING : LabState.FINISHED);
        status.set(I18n.f(
                "status.openedRun",
                saved.datasetName(),
                Integer.toString(saved.results().size())));
    }

    /** The last finished run, to carry it over when the window is rebuilt (language switch). */
    public Optional<RunJson.SavedRun> lastRun() {
        if (!hasResults()) return Optional.empty();
        return Optional.of(new RunJson.SavedRun(
                results.comparison(),
                lastResults,
                dataset.get() == null ? "" : dataset.get().name()));
    }
}
