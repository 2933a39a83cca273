package org.initlab.ui.sweep;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.initlab.sweep.SweepPlan;
import org.initlab.sweep.SweepRunner;
import org.initlab.train.RunControl;
import org.initlab.ui.base.I18n;

/**
 * A sweep's progress as the Sweep tab shows it: running or not, the status line, cells done of all, the
 * fraction of runs in, the ETA, and the cancel command. Split out of {@link SweepViewModel}, which feeds it
 * on the FX thread as finished runs are taken in.
 */
final class SweepProgress {
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final IntegerProperty cellsDone = new SimpleIntegerProperty(0), cellsTotal = new SimpleIntegerProperty(0);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final Map<Integer, Integer> doneInCell = new HashMap<>();
    private RunControl control;
    private long startedNanos;
    private int trainedNow, total, perCell, failures;
    private String firstFailure;

    StringProperty statusProperty() {
        return status;
    }

    StringProperty etaProperty() {
        return eta;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    IntegerProperty cellsDoneProperty() {
        return cellsDone;
    }

    IntegerProperty cellsTotalProperty() {
        return cellsTotal;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    /** Resets the counters for a new sweep and returns its control (not yet running: see {@link #started}). */
    RunControl reset(SweepPlan p) {
        control = new RunControl();
        doneInCell.clear();
        total = (int) p.runCount();
        perCell = p.schemes().size() * p.seeds().size();
        trainedNow = 0;
        failures = 0;
        firstFailure = null;
        cellsDone.set(0);
        cellsTotal.set(p.cells().size());
        progress.set(0);
        eta.set("");
        return control;
    }

    /** Marks the sweep as running from now, for the ETA. */
    void started(SweepPlan p) {
        running.set(true);
        status.set(I18n.f("sweep.running", Long.toString(p.runCount())));
        startedNanos = System.nanoTime();
    }

    void cancel() {
        if (control != null) control.cancel();
    }

    /** A run of the given cell is in. */
    void runIn(int cell) {
        trainedNow++;
        if (doneInCell.merge(cell, 1, Integer::sum) == perCell) cellsDone.set(cellsDone.get() + 1);
    }

    /** A run failed while the sweep goes on: said at once, and again in the sweep's last line. */
    void failed(String message) {
        failures++;
        if (firstFailure == null) firstFailure = message;
        status.set(I18n.f("sweep.failed", message));
    }

    /** A word on the sweep that is not a run's (the theory's curve failed). */
    void note(String message) {
        status.set(message);
    }

    /** The sweep ended: how many runs trained and diverged, and the runs that failed, if any. */
    void finished(SweepRunner.Outcome out) {
        running.set(false);
        status.set(I18n.f(
                        out.cancelled() ? "sweep.cancelled" : "sweep.done",
                        Integer.toString(out.trained()),
                        Integer.toString(out.diverged()),
                        String.format(Locale.ROOT, "%.1f", out.wallSeconds()))
                + failuresSaid());
        eta.set("");
    }

    /** The sweep stopped on an error: the error is the last line, not a "cancelled" that hides it. */
    void stopped(int runsIn, String message) {
        running.set(false);
        status.set(I18n.f("sweep.error", Integer.toString(runsIn), message) + failuresSaid());
        eta.set("");
    }

    private String failuresSaid() {
        return failures == 0 ? "" : I18n.f("sweep.runsFailed", Integer.toString(failures), firstFailure);
    }

    /** Updates the fraction and the ETA once a pulse, given how many runs are in. */
    void update(int in) {
        progress.set(total == 0 ? 0 : in / (double) total);
        if (running.get() && trainedNow > 0) {
            double elapsed = (System.nanoTime() - startedNanos) / 1e9;
            double left = elapsed / trainedNow * (total - in);
            eta.set(I18n.f("sweep.eta", String.format(Locale.ROOT, "%.0f", left)));
        }
    }
}
