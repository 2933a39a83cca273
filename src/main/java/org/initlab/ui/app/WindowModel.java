package org.initlab.ui.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.LessonNumbers;
import org.initlab.ui.depth.DeepComparisonViewModel;
import org.initlab.ui.depth.DepthViewModel;
import org.initlab.ui.sweep.SweepNumbers;
import org.initlab.ui.sweep.SweepViewModel;
import org.initlab.ui.theory.ZNumbers;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.Presets;
import org.initlab.ui.training.RunNumbers;

/**
 * The window's one model: the features' view-models, the one busy state (training or a sweep: see
 * {@link LabViewModel#busyProperty()}), the view shown, the pump's work per pulse, and what a language switch
 * carries into the next window ({@link Kept}). It holds no nodes.
 */
public final class WindowModel {
    /** The window's views, in tab order; a lesson names one by its {@link #id()}. */
    public enum View {
        TRAINING,
        Z,
        SATURATION,
        LAYERS,
        GRADIENT,
        DEPTH,
        SWEEP;

        /** The view's name in lessons and in INITLAB_TAB ("sweep"). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String titleKey() {
            return "tab." + id();
        }

        /** By name (any case) or by number in tab order; empty for anything else. */
        public static Optional<View> parse(String s) {
            String v = s.strip();
            if (v.matches("[0-9]+")) {
                int i = Integer.parseInt(v);
                return Optional.of(values()[Math.min(i, values().length - 1)]);
            }
            for (View view : values()) if (view.id().equalsIgnoreCase(v)) return Optional.of(view);
            return Optional.empty();
        }
    }

    private final BackgroundRunner runner;
    private final LabViewModel lab;
    private final ZViewModel theory;
    private final SweepViewModel sweep;
    /** Each feature's live numbers for lessons, declared and computed beside its view-model. */
    private final List<LessonNumbers> lessonNumbers;

    private final ObjectProperty<View> selected = new SimpleObjectProperty<>(this, "selected", View.TRAINING);
    private DepthViewModel depth;
    private DepthKept depthToRestore;

    public WindowModel(BackgroundRunner runner, LabViewModel lab, ZViewModel theory) {
        this.runner = runner;
        this.lab = lab;
        this.theory = theory;
        this.sweep = new SweepViewModel(
                runner,
                lab.datasetProperty()::get,
                () -> lab.form().settings(),
                id -> org.initlab.ui.training.Presets.apply(lab, org.initlab.ui.training.Presets.byName(id)));
        lab.sweepingProperty().bind(sweep.runningProperty());
        lessonNumbers = List.of(new ZNumbers(theory), new RunNumbers(lab), new SweepNumbers(sweep));
    }

    /** A new window's model: the lab, the z theory and the sweep on {@code runner}. */
    public static WindowModel create(BackgroundRunner runner) {
        LabViewModel lab = new LabViewModel(runner);
        return new WindowModel(runner, lab, new ZViewModel(runner, lab.results().saturationThresholdProperty()));
    }

    public LabViewModel lab() {
        return lab;
    }

    public ZViewModel theory() {
        return theory;
    }

    public SweepViewModel sweep() {
        return sweep;
    }

    /** The features' live numbers; their names together are what a lesson may quote. */
    public List<LessonNumbers> lessonNumbers() {
        return lessonNumbers;
    }
    /** The view shown; the tabs follow it and it follows them. */
    public ObjectProperty<View> selectedProperty() {
        return selected;
    }

    /** The Depth tab's view-model, made when the tab is first shown (it starts computing at once). */
    public DepthViewModel depth() {
        if (depth == null) {
            depth = new DepthViewModel(
                    runner,
                    () -> lab.datasetProperty().get() == null
                            ? null
                            : lab.datasetProperty().get().train(),
                    new DeepComparisonViewModel(runner, lab, this::trainPreset));
            if (depthToRestore != null) depthToRestore.applyTo(depth);
            depthToRestore = null;
        }
        return depth;
    }

    /** Applies the built-in preset {@code id} in the Training tab and starts it (the Depth tab's deep presets); not while busy. */
    public void trainPreset(String id) {
        if (lab.busyProperty().get()) return;
        Presets.apply(
                lab,
                Presets.all().stream()
                        .filter(p -> p.id().equals(id))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no preset " + id)));
        lab.run();
    }

    /** Once per pulse: at most one training event, the z theory's result, the sweep's finished runs. */
    public void applyForOnePulse() {
        lab.applyEventsForOnePulse();
        theory.applyPendingResult();
        sweep.applyPending();
    }

    /** The window closes or is rebuilt: training and the sweep stop, nothing is taken in any more. */
    public void dispose() {
        lab.sweepingProperty().unbind();
        lab.shutdown();
        theory.shutdown();
        sweep.dispose();
    }

    /** The Depth tab's chosen point: the deep preset chosen (or null), activation, inputs and the fields as typed. */
    private record DepthKept(String preset, Phi activation, DepthViewModel.Inputs inputs, List<String> fields) {
        static DepthKept of(DepthViewModel d) {
            return new DepthKept(
                    d.comparison().presetProperty().get(),
                    d.activationProperty().get(),
                    d.inputsProperty().get(),
                    d.fields().stream().map(f -> f.textProperty().get()).toList());
        }

        void applyTo(DepthViewModel d) {
            // The preset first: choosing it sets the point, which the fields as they were then override.
            if (preset != null) d.comparison().presetProperty().set(preset);
            d.activationProperty().set(activation);
            d.inputsProperty().set(inputs);
            for (int i = 0; i < fields.size(); i++)
                d.fields().get(i).textProperty().set(fields.get(i));
        }
    }

    /**
     * What a language switch keeps of each view besides the settings, data, last run and lesson (which the app
     * carries): the view shown, the epoch cursor, the z view's shared axis, the Depth tab's point and preset, and the sweep.
     */
    public static final class Kept {
        private final View selected;
        private final int cursor;
        private final boolean sharedAxis;
        private final DepthKept depth;
        private final SweepViewModel.Kept sweep;

        private Kept(WindowModel m) {
            selected = m.selected.get();
            cursor = m.lab.results().cursorProperty().get();
            sharedAxis = m.theory.sharedAxisProperty().get();
            depth = m.depth != null ? DepthKept.of(m.depth) : m.depthToRestore;
            sweep = m.sweep.keep();
        }
    }

    public Kept keep() {
        return new Kept(this);
    }

    /** Takes over what {@link #keep()} kept, after the last run was opened in this model (FX thread). */
    public void restore(Kept k) {
        lab.results().cursorProperty().set(k.cursor);
        theory.sharedAxisProperty().set(k.sharedAxis);
        depthToRestore = k.depth;
        sweep.restore(k.sweep);
        selected.set(k.selected);
    }
}
