package org.initlab.ui.training;

import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetChoice;
import org.initlab.data.DatasetLoader;
import org.initlab.format.Numbers;
import org.initlab.platform.Nd4jRuntime;
import org.initlab.train.Comparison;
import org.initlab.train.RunControl;
import org.initlab.train.TrainingConfig;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;

/**
 * Loading a dataset off the FX thread (ND4J's native library with the first), then compiling the training
 * code in the background while the user reads the window (the warm-up, stopped by Run). Sets the lab's
 * dataset, state and status; a failed load keeps the previous dataset.
 */
final class DatasetLoading {
    private final BackgroundRunner runner;
    private final ObjectProperty<Dataset> dataset;
    private final ReadOnlyObjectWrapper<LabState> state;
    private final StringProperty status;
    private RunControl warmUpControl;

    DatasetLoading(
            BackgroundRunner runner,
            ObjectProperty<Dataset> dataset,
            ReadOnlyObjectWrapper<LabState> state,
            StringProperty status) {
        this.runner = runner;
        this.dataset = dataset;
        this.state = state;
        this.status = status;
    }

    void stopWarmUp() {
        if (warmUpControl != null) warmUpControl.cancel();
    }

    /** Loads one of the offered datasets, or says how to install it when it is absent (nothing changes then). */
    void load(DatasetChoice choice) {
        if (!choice.isAvailable()) {
            status.set(I18n.f("status.notInstalled", choice.name(), choice.directory(), I18n.text(choice.install()))
                    + stillUsing());
            return;
        }
        load(choice.directory());
    }

    private String stillUsing() {
        return dataset.get() == null
                ? ""
                : I18n.f("status.stillUsing", dataset.get().name());
    }

    /** Loads a dataset folder; on failure the previous dataset stays in use and the message says why. */
    void load(Path dir) {
        if (state.get().isBusy()) return;
        state.set(LabState.LOADING);
        long t0 = System.nanoTime();
        runner.submit(
                "load",
                () -> {
                    long nd4jMs = Nd4jRuntime.ensureLoaded();
                    Dataset loaded = DatasetLoader.load(dir);
                    Comparison.prepare(loaded, TrainingConfig.reference());
                    return new Loaded(loaded, nd4jMs);
                },
                loaded -> {
                    Dataset d = loaded.dataset();
                    dataset.set(d);
                    state.set(LabState.READY);
                    warmUp(d);
                    status.set(I18n.f(
                            "status.ready",
                            d.name(),
                            Numbers.grouped(d.train().count()),
                            Numbers.grouped(d.test().count()),
                            I18n.t(d.verified() ? "status.verified" : "status.unverified"),
                            String.format(Locale.ROOT, "%.1f", loaded.nd4jMillis() / 1000.0),
                            String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9)));
                },
                error -> {
                    state.set(dataset.get() == null ? LabState.FAILED : LabState.READY);
                    status.set(I18n.f("status.loadFailed", dir, I18n.explain(error)) + stillUsing());
                });
    }

    private record Loaded(Dataset dataset, long nd4jMillis) {}

    /** Compiles the training code in the background while the user reads the window; Run cancels it. */
    private void warmUp(Dataset d) {
        RunControl warming = new RunControl();
        warmUpControl = warming;
        runner.submit(
                "warm-up",
                () -> {
                    Comparison.warmUp(d, warming);
                    return null;
                },
                ignored -> {},
                error -> {}); // nothing to show: a real run would meet the same error and report it
    }

    /** Uses a dataset another view-model already loaded (language switch), without loading it again. */
    void useLoaded(Dataset d) {
        dataset.set(d);
        if (!state.get().isBusy()) state.set(LabState.READY);
    }
}
