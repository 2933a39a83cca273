package org.initlab.ui.depth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import org.initlab.core.init.InitScheme;
import org.initlab.data.LabeledImages;
import org.initlab.math.Seeds;
import org.initlab.settings.LabSettings;
import org.initlab.settings.Presets;
import org.initlab.theory.meanfield.DeepNetwork;
import org.initlab.theory.meanfield.Phi;
import org.initlab.train.Comparison;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;
import org.initlab.ui.training.LabState;
import org.initlab.ui.training.LabViewModel;

// Exists so the Depth tab's trained comparison (the deep presets, their learning curves and spectra) has one owner.
/**
 * The Depth tab's deep presets and the comparison they train: the preset chosen (the tab's point follows it),
 * the command that trains it in the Training tab (through the window model; it waits while the window is busy,
 * saying why), and, for the comparison the Training tab shows, each scheme's accuracy per chosen step beside
 * the squared singular values of the input–output Jacobian of a network of the same shape and scheme at
 * initialization (its hidden layers, {@link DeepNetwork#jacobianSpectrum}), computed in the background and
 * handed over once per pulse ({@link #applyPendingResults()}).
 */
public final class DeepComparisonViewModel {
    /** One scheme's network at initialization: its name, weight scheme id and the Jacobian's squared singular values. */
    public record SchemeSpectrum(String weights, String name, double[] values) {}

    private final BackgroundRunner runner;
    private final LabViewModel lab;
    private final Consumer<String> train;
    private final ObjectProperty<String> preset = new SimpleObjectProperty<>();
    /** The comparison view is the one shown (the tab's other view is the theory at initialization). */
    private final BooleanProperty shown = new SimpleBooleanProperty(false);

    private final BooleanBinding trainDisabled;
    private final StringBinding trainReason;
    private final ObjectProperty<List<SchemeSpectrum>> spectra = new SimpleObjectProperty<>(List.of());
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty numbers = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper(0);
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private final ListChangeListener<PlotPoint> pointsChanged = c -> curvesChanged();
    private final List<PlotLine> watched = new ArrayList<>();
    private String spectraKey = "";

    /** {@code train}: applies the preset with this id in the Training tab and starts it (the window model's command). */
    public DeepComparisonViewModel(BackgroundRunner runner, LabViewModel lab, Consumer<String> train) {
        this.runner = runner;
        this.lab = lab;
        this.train = train;
        trainDisabled = Bindings.createBooleanBinding(
                () -> preset.get() == null
                        || lab.busyProperty().get()
                        || lab.datasetProperty().get() == null,
                preset,
                lab.busyProperty(),
                lab.datasetProperty());
        trainReason = Bindings.createStringBinding(
                () -> lab.busyProperty().get()
                        ? lab.busyReasonProperty().get()
                        : preset.get() == null
                                ? I18n.t("depth.cmp.choose")
                                : lab.datasetProperty().get() == null
                                        ? I18n.t("depth.cmp.noData")
                                        : I18n.t("depth.cmp.trainTip"),
                preset,
                lab.busyProperty(),
                lab.busyReasonProperty(),
                lab.datasetProperty());
        lab.results().rows().addListener((ListChangeListener<Object>) c -> comparisonChanged());
        lab.datasetProperty().addListener((o, was, now) -> {
            spectraKey = ""; // the spectra are measured on one of its images
            comparisonChanged();
        });
        lab.results().stepCurves().lines().addListener((ListChangeListener<PlotLine>) c -> watchCurves());
        // A comparison that measures at chosen steps starts training: its curves are what this view is for.
        lab.stateProperty().addListener((o, a, s) -> {
            if (s == LabState.RUNNING
                    && lab.results().stepCurves().chosenProperty().get()) shown.set(true);
        });
        if (lab.stateProperty().get().isBusy()
                && lab.results().stepCurves().chosenProperty().get()) shown.set(true);
        watchCurves();
        comparisonChanged();
    }

    /** The preset chosen in the tab (an id of {@link Presets#deepIds()}), or null. */
    public ObjectProperty<String> presetProperty() {
        return preset;
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public BooleanBinding trainDisabledProperty() {
        return trainDisabled;
    }

    /** Why training waits, or what the button does: the button's tooltip. */
    public StringBinding trainReasonProperty() {
        return trainReason;
    }

    /** Applies the chosen preset in the Training tab and starts it, and shows the comparison. */
    public void train() {
        if (trainDisabled.get()) return;
        shown.set(true);
        train.accept(preset.get());
    }

    /** Each scheme's curve per chosen step (mean over seeds with its band, or the one run's). */
    public List<PlotLine> curves() {
        return lab.results().stepCurves().perScheme();
    }

    /** The last chosen step: the curves' x range. */
    public int lastStep() {
        return lab.results().stepCurves().lastStepProperty().get();
    }

    public ObjectProperty<List<SchemeSpectrum>> spectraProperty() {
        return spectra;
    }

    /** What the comparison view shows, or why it shows nothing. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Per scheme, in words: its accuracy at the first and last chosen steps and its spectrum's mean and variance. */
    public StringProperty numbersProperty() {
        return numbers;
    }

    /** Counts every change of the curves or the spectra: the view redraws on it. */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** Hands the finished spectra to the properties (FX thread, once per pulse). */
    public void applyPendingResults() {
        Runnable r = pending.getAndSet(null);
        if (r != null) r.run();
    }

    void shutdown() {
        generation.incrementAndGet();
    }

    private void watchCurves() {
        for (PlotLine l : watched) l.points().removeListener(pointsChanged);
        watched.clear();
        watched.addAll(lab.results().stepCurves().lines());
        for (PlotLine l : watched) l.points().addListener(pointsChanged);
        curvesChanged();
    }

    private void curvesChanged() {
        updateNumbers();
        changes.set(changes.get() + 1);
    }

    /** The networks of the comparison shown: their spectra are computed once per shape, schemes and seed. */
    private void comparisonChanged() {
        Comparison c = lab.results().comparison();
        showPresetOfSettings();
        String key = c == null
                ? ""
                : c.spec() + " " + c.schemes().stream().map(InitScheme::id).toList() + " "
                        + c.seeds().get(0);
        if (key.equals(spectraKey)) return;
        spectraKey = key;
        long gen = generation.incrementAndGet();
        spectra.set(List.of());
        updateNumbers();
        changes.set(changes.get() + 1);
        if (c == null) {
            status.set(I18n.t("depth.cmp.none"));
            return;
        }
        int[] sizes = c.spec().sizes();
        int layers = sizes.length - 2, width = sizes[1];
        boolean square = layers >= 2;
        for (int l = 1; l <= layers; l++) square &= sizes[l] == width;
        if (!square) {
            status.set(I18n.t("depth.cmp.notDeep"));
            return;
        }
        if (lab.datasetProperty().get() == null) {
            status.set(I18n.t("depth.cmp.noData"));
            return;
        }
        LabeledImages images = lab.datasetProperty().get().train();
        int inputs = c.spec().inputs();
        if (images.pixelsPerImage() != inputs) {
            status.set(I18n.t("depth.cmp.notDeep"));
            return;
        }
        double flops =
                DeepNetwork.jacobianFlops(inputs, width, layers) * c.schemes().size();
        if (flops > DeepNetwork.MAX_FLOPS) {
            status.set(I18n.f("depth.cmp.tooLarge", String.format(Locale.ROOT, "%.2g", flops)));
            return;
        }
        status.set(I18n.t("depth.cmp.measuring"));
        Phi phi = Phi.of(c.spec().hidden());
        List<InitScheme> schemes = c.schemes();
        long seed = c.seeds().get(0);
        BooleanSupplier stale = () -> generation.get() != gen;
        int image = (int) Math.floorMod(Seeds.derive(seed, "depth/comparison-image"), (long) images.count());
        runner.submit(
                "depth-comparison-spectra",
                () -> {
                    List<SchemeSpectrum> out = new ArrayList<>();
                    double[] x0 = new double[inputs];
                    for (int p = 0; p < inputs; p++) x0[p] = images.pixel(image, p);
                    for (InitScheme s : schemes) {
                        if (stale.getAsBoolean()) return null;
                        double sb = s.biases().std();
                        // The last hidden layer's Jacobian with respect to the image, through every hidden layer
                        // drawn as the run draws them (the first inputs → n).
                        double[] all = DeepNetwork.draw(
                                        phi,
                                        inputs,
                                        width,
                                        layers,
                                        s.weights(),
                                        1,
                                        sb * sb,
                                        Seeds.derive(seed, "depth/comparison/" + s.id()))
                                .jacobianSpectrum(x0, stale);
                        if (all == null) return null;
                        // JᵀJ is inputs × inputs of rank at most n: its n largest eigenvalues are J's σᵢ².
                        double[] v = java.util.Arrays.copyOfRange(all, Math.max(0, all.length - width), all.length);
                        out.add(new SchemeSpectrum(s.weights().id(), s.weights().id(), v));
                    }
                    pending.set(() -> {
                        if (stale.getAsBoolean()) return;
                        spectra.set(List.copyOf(out));
                        status.set(I18n.f(
                                "depth.cmp.measured",
                                Integer.toString(layers),
                                Integer.toString(width),
                                Integer.toString(image)));
                        updateNumbers();
                        changes.set(changes.get() + 1);
                    });
                    return out;
                },
                done -> {},
                e -> {
                    if (!stale.getAsBoolean()) status.set(I18n.f("depth.failed", I18n.explain(e)));
                });
    }

    /** The chooser names the deep preset the Training tab's settings are (applied from the Presets menu, a hook or a lesson). */
    private void showPresetOfSettings() {
        LabSettings now = lab.form().settings();
        for (Presets.Preset deep : Presets.deep()) {
            LabSettings p = deep.settings();
            if (p.values().equals(now.values())
                    && java.util.Set.copyOf(p.schemes()).equals(java.util.Set.copyOf(now.schemes()))) {
                if (!deep.id().equals(preset.get())) preset.set(deep.id());
                return;
            }
        }
    }

    /** One line per scheme: "orthogonal: 83.29% after step 100, 93.15% after step 1000; J: mean σᵢ² 0.98, variance 0.03". */
    private void updateNumbers() {
        Comparison c = lab.results().comparison();
        if (c == null) {
            numbers.set("");
            return;
        }
        List<PlotLine> curves = curves();
        List<SchemeSpectrum> sp = spectra.get();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.schemes().size(); i++) {
            String id = c.schemes().get(i).weights().id();
            StringBuilder line = new StringBuilder(id).append(": ");
            List<PlotPoint> pts = i < curves.size() ? curves.get(i).points() : List.of();
            if (pts.isEmpty()) line.append(I18n.t("depth.cmp.notTrained"));
            else {
                PlotPoint first = pts.get(0), last = pts.get(pts.size() - 1);
                line.append(I18n.f("depth.cmp.afterStep", pct(first.y()), Long.toString((long) first.x())));
                if (pts.size() > 1)
                    line.append(", ")
                            .append(I18n.f("depth.cmp.afterStep", pct(last.y()), Long.toString((long) last.x())));
            }
            if (i < sp.size()) {
                double[] v = sp.get(i).values().clone();
                java.util.Arrays.sort(v);
                double[] mv = DeepNetwork.meanAndVariance(v);
                line.append("; ")
                        .append(I18n.f(
                                "depth.cmp.spectrum",
                                DepthViewModel.num(mv[0]),
                                DepthViewModel.num(v[(int) (0.1 * (v.length - 1))]),
                                DepthViewModel.num(v[(int) Math.ceil(0.9 * (v.length - 1))])));
            }
            sb.append(sb.length() == 0 ? "" : "\n").append(line);
        }
        numbers.set(sb.toString());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v);
    }
}
