package org.initlab.ui.depth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.initlab.core.Activation;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.WeightInit;
import org.initlab.data.LabeledImages;
import org.initlab.settings.LabParameters;
import org.initlab.settings.LabSettings;
import org.initlab.settings.Presets;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.PhaseDiagram;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.Hook;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;
import org.initlab.ui.controls.ParamField;
import org.initlab.ui.training.LabViewModel;

// Exists so the Depth tab's inputs and its analytic mean-field part have one owner that composes the slower parts.
/**
 * The Depth tab: mean-field signal propagation for a deep network at initialization. This view-model holds
 * the inputs and redraws the analytic parts at once on every edit (q^l, q*, χ₁, the depth scale, the
 * predicted gradients, the current point: a few milliseconds); the correlation fixed point runs in the
 * background here, and it composes {@link PhaseDiagramViewModel} (the activation's phase diagram) and
 * {@link MeasurementsViewModel} (real networks: q^l and gradients over seeds, the Jacobian spectrum). Each
 * edit starts a new generation: stale jobs stop at their next check and their results are dropped. Results
 * are handed to the FX thread through {@link #applyPendingResults}, once per pulse.
 */
public final class DepthViewModel {
    /** What the measured inputs are. */
    public enum Inputs {
        GAUSSIAN,
        IMAGES
    }

    private final BackgroundRunner runner;
    private final Supplier<LabeledImages> images;
    private final ObjectProperty<Phi> activation =
            new SimpleObjectProperty<>(LabParameters.DEPTH_ACTIVATION.defaultValue());
    private final ObjectProperty<Inputs> inputs = new SimpleObjectProperty<>(Inputs.GAUSSIAN);
    private final ParamField sigmaW2 = new ParamField(LabParameters.SIGMA_W2);
    private final ParamField sigmaB2 = new ParamField(LabParameters.SIGMA_B2);
    private final ParamField depth = new ParamField(LabParameters.DEPTH);
    private final ParamField width = new ParamField(LabParameters.DEPTH_WIDTH);
    private final ParamField q0 = new ParamField(LabParameters.Q0);
    private final ParamField samples = new ParamField(LabParameters.DEPTH_SAMPLES);
    private final ParamField networks = new ParamField(LabParameters.DEPTH_NETWORKS);
    private final ParamField seed = new ParamField(LabParameters.DEPTH_SEED);
    private final List<ParamField> fields = List.of(sigmaW2, sigmaB2, depth, width, q0, samples, networks, seed);

    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty correlation = new SimpleStringProperty("");
    private final ObjectProperty<MeanField> point = new SimpleObjectProperty<>();
    private final PlotLine qAnalytic = new PlotLine("analytic");
    private final PlotLine gradPredicted = new PlotLine("predicted");
    private final PhaseDiagramViewModel phaseDiagram;
    private final MeasurementsViewModel measurements;
    private final DeepComparisonViewModel comparison;

    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Runnable> pendingCorrelation = new AtomicReference<>();

    /** {@code images}: the loaded training images, or null when none are loaded (measuring on images then waits). */
    public DepthViewModel(BackgroundRunner runner, Supplier<LabeledImages> images) {
        this(runner, images, new DeepComparisonViewModel(runner, new LabViewModel(runner), id -> {}));
    }

    /** With the window's trained comparison ({@code comparison}: its deep presets train in the Training tab). */
    public DepthViewModel(BackgroundRunner runner, Supplier<LabeledImages> images, DeepComparisonViewModel comparison) {
        this.runner = runner;
        this.images = images;
        this.comparison = comparison;
        comparison.presetProperty().addListener((o, a, id) -> {
            if (id != null) usePreset(id);
        });
        this.phaseDiagram = new PhaseDiagramViewModel(runner, activation::get, message::set);
        this.measurements = new MeasurementsViewModel(runner);
        for (ParamField f : fields) f.textProperty().addListener((o, a, b) -> recompute());
        activation.addListener((o, a, b) -> {
            requestDiagram();
            recompute();
        });
        inputs.addListener((o, a, b) -> recompute());
        Hook.DEPTH.value().ifPresent(this::applyHook); // e.g. "tanh,1.9,0.05,30,300": a screenshot's settings
    }

    public PhaseDiagramViewModel phaseDiagram() {
        return phaseDiagram;
    }

    public MeasurementsViewModel measurements() {
        return measurements;
    }

    /** The deep presets and the comparison they train. */
    public DeepComparisonViewModel comparison() {
        return comparison;
    }

    public ObjectProperty<Phi> activationProperty() {
        return activation;
    }

    public ObjectProperty<Inputs> inputsProperty() {
        return inputs;
    }

    public ObjectProperty<PhaseDiagramViewModel.Heat> heatProperty() {
        return phaseDiagram.heatProperty();
    }

    public ParamField sigmaW2Field() {
        return sigmaW2;
    }

    public ParamField sigmaB2Field() {
        return sigmaB2;
    }

    public ParamField depthField() {
        return depth;
    }

    public ParamField widthField() {
        return width;
    }

    public ParamField q0Field() {
        return q0;
    }

    public ParamField samplesField() {
        return samples;
    }

    public ParamField networksField() {
        return networks;
    }

    public ParamField seedField() {
        return seed;
    }

    public List<ParamField> fields() {
        return fields;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty correlationProperty() {
        return correlation;
    }

    public StringProperty measureStatusProperty() {
        return measurements.measureStatusProperty();
    }

    public StringProperty spectraSummaryProperty() {
        return measurements.spectraSummaryProperty();
    }
    /** The current (σ_w², σ_b²) with its activation; null while a field is invalid. */
    public ObjectProperty<MeanField> pointProperty() {
        return point;
    }

    public ObjectProperty<PhaseDiagram> diagramProperty() {
        return phaseDiagram.diagramProperty();
    }

    public ObjectProperty<List<PhaseDiagram.SchemePoint>> schemePointsProperty() {
        return phaseDiagram.schemePointsProperty();
    }

    public ObjectProperty<MeasurementsViewModel.Spectra> spectraProperty() {
        return measurements.spectraProperty();
    }

    public PlotLine qAnalytic() {
        return qAnalytic;
    }

    public PlotLine qMeasured() {
        return measurements.qMeasured();
    }
    /** log₁₀ of the squared gradient per layer relative to the top layer's. */
    public PlotLine gradPredicted() {
        return gradPredicted;
    }

    public PlotLine gradMeasured() {
        return measurements.gradMeasured();
    }

    /** A click on the phase diagram: that point becomes the settings. */
    public void choose(double sw2, double sb2) {
        sigmaW2.textProperty().set(round(Math.max(0, sw2)));
        sigmaB2.textProperty().set(round(Math.max(0, sb2)));
    }

    /** Moves to the critical line at the current σ_b², or just off it ({@code offset} added to σ_w²). */
    public void toCriticalLine(double offset) {
        if (!sigmaB2.isValid()) return;
        double b = sigmaB2.doubleValue();
        double c = MeanField.criticalSigmaW2(activation.get(), b);
        if (!Double.isFinite(c)) return;
        sigmaW2.textProperty().set(offset == 0 ? onTheLine(activation.get(), c, b) : round(c + offset));
    }

    /**
     * The shortest text for σ_w² that {@link MeanField#phase()} calls critical, as {@code theory --critical} does
     * for the exact value (4 significant digits landed beside the line: 2.503 was "ordered"); the exact value's
     * own text when no shorter one does.
     */
    static String onTheLine(Phi phi, double critical, double sigmaB2) {
        for (int digits = 4; digits <= 16; digits++) {
            String text = String.format(Locale.ROOT, "%." + digits + "g", critical);
            if (text.contains(".") && !text.contains("e")) text = text.replaceFirst("\\.?0+$", "");
            if (new MeanField(phi, Double.parseDouble(text), sigmaB2).phase() == MeanField.Phase.CRITICAL) return text;
        }
        return Double.toString(critical);
    }

    /** Takes depth, width and activation from the side panel's network (hidden layers "100,100,100", activation). */
    public void useNetwork(int[] hidden, Activation act) {
        if (hidden.length == 0) return;
        depth.textProperty().set(Integer.toString(hidden.length));
        width.textProperty().set(Integer.toString(hidden[0]));
        activation.set(Phi.of(act));
    }

    /**
     * The point of a deep preset's network ({@code settings.Presets}): its activation, depth and width, σ_b² from
     * its bias rule and σ_w² = n·std(n, n)² of its last scheme (the one the comparison sets against the first:
     * He in he30, LeCun's 1/n_in in isometry, where orthogonal weights have the same σ_w²).
     */
    public void usePreset(String id) {
        LabSettings s = Presets.byId(id)
                .orElseThrow(() -> new IllegalArgumentException("no preset " + id))
                .settings();
        String[] hidden = s.values().get("hidden").split(",");
        int n = Integer.parseInt(hidden[0].strip());
        WeightInit w = InitCatalog.byId(s.schemes().get(s.schemes().size() - 1));
        double sw2 = n * w.std(n, n) * w.std(n, n);
        double sb = BiasInit.parse(s.values().get("bias")).std();
        activation.set(Phi.of(Activation.parse(s.values().get("activation"))));
        sigmaW2.textProperty().set(round(sw2));
        sigmaB2.textProperty().set(round(sb * sb));
        depth.textProperty().set(Integer.toString(hidden.length));
        width.textProperty().set(Integer.toString(n));
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+$", "");
    }

    private void applyHook(String hook) {
        String[] p = hook.split(",");
        try {
            activation.set(Phi.parse(p[0]));
            if (p.length > 1) sigmaW2.textProperty().set(p[1]);
            if (p.length > 2) sigmaB2.textProperty().set(p[2]);
            if (p.length > 3) depth.textProperty().set(p[3]);
            if (p.length > 4) width.textProperty().set(p[4]);
        } catch (IllegalArgumentException e) {
            message.set("INITLAB_DEPTH: " + I18n.explain(e));
        }
    }

    private String problems() {
        StringBuilder sb = new StringBuilder();
        for (ParamField f : fields)
            if (!f.isValid())
                sb.append(sb.length() == 0 ? "" : "\n").append(f.errorProperty().get());
        return sb.toString();
    }

    /** The analytic parts now; the correlation and the measurements in the background (the previous jobs are stale from here). */
    public void recompute() {
        long gen = generation.incrementAndGet();
        String bad = problems();
        message.set(bad);
        if (!bad.isEmpty()) {
            point.set(null);
            measurements.cancel();
            return;
        }
        Phi phi = activation.get();
        MeanField mf = new MeanField(phi, sigmaW2.doubleValue(), sigmaB2.doubleValue());
        int L = depth.intValue(), n = width.intValue();
        LabeledImages imgs = inputs.get() == Inputs.IMAGES ? images.get() : null;
        double qIn = inputs.get() == Inputs.IMAGES && imgs != null ? meanSquare(imgs, 1000) : q0.doubleValue();
        double[] q = mf.trajectory(qIn, L);
        List<PlotPoint> pts = new ArrayList<>();
        for (int l = 0; l <= L; l++) pts.add(new PlotPoint(l, q[l]));
        qAnalytic.setAll(pts, List.of());
        List<PlotPoint> gp = new ArrayList<>();
        double ln = 0;
        double[] pred = new double[L + 1];
        double lastQ = Double.NaN, lastLnChi = 0;
        for (int l = L; l >= 1; l--) {
            pred[l] = ln;
            if (l > 1) {
                if (q[l - 1] != lastQ) {
                    lastQ = q[l - 1];
                    lastLnChi = Math.log(mf.chiAt(lastQ));
                } // layers at the fixed point share one χ
                ln += lastLnChi;
            }
        }
        for (int l = 1; l <= L; l++) gp.add(new PlotPoint(l, pred[l] / Math.log(10)));
        gradPredicted.setAll(gp, List.of());
        point.set(mf);
        phaseDiagram.showSchemes(n);
        double qs = mf.qStar();
        summary.set(I18n.f(
                "depth.summary",
                I18n.t("depth.phase." + mf.phase().id()),
                Double.isNaN(qs) ? I18n.t("depth.everyQ") : num(qs),
                num(mf.chi1()),
                num(mf.depthScale()),
                Integer.toString(L)));
        correlation.set(I18n.t("depth.correlating"));
        submitCorrelation(mf, gen);
        measurements.measure(new MeasurementsViewModel.Request(
                mf,
                L,
                n,
                qIn,
                imgs,
                inputs.get() == Inputs.IMAGES,
                samples.intValue(),
                networks.intValue(),
                seed.longValue(),
                q));
    }

    private void submitCorrelation(MeanField mf, long gen) {
        runner.submit(
                "depth-correlation",
                () -> generation.get() != gen ? null : mf.correlation(),
                c -> {
                    if (c == null || generation.get() != gen) return;
                    pendingCorrelation.set(() -> correlation.set(
                            I18n.f("depth.correlation", num(c.cStar()), num(c.chiC()), num(c.depthScale()))));
                },
                e -> message.set(I18n.f("depth.failed", I18n.explain(e))));
    }

    /** Starts the activation's phase diagram in the background, once per activation. */
    public void requestDiagram() {
        phaseDiagram.requestDiagram();
    }

    /** Hands the background results to the properties: on the FX thread, once per pulse (or by tests). */
    public void applyPendingResults() {
        phaseDiagram.applyPendingResults();
        Runnable run = pendingCorrelation.getAndSet(null);
        if (run != null) run.run();
        measurements.applyPendingResults();
        comparison.applyPendingResults();
    }

    public void shutdown() {
        generation.incrementAndGet();
        measurements.cancel();
        phaseDiagram.cancel();
        comparison.shutdown();
    }

    /** The images' mean squared pixel (the first {@code upTo}): q⁰ of real inputs. */
    static double meanSquare(LabeledImages imgs, int upTo) {
        int n = Math.min(upTo, imgs.count()), d = imgs.pixelsPerImage();
        double s = 0;
        for (int i = 0; i < n; i++)
            for (int p = 0; p < d; p++) {
                double v = imgs.pixel(i, p);
                s += v * v;
            }
        return s / ((double) n * d);
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "—";
        if (Double.isInfinite(v)) return "∞";
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
