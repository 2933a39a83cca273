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
import org.initlab.data.LabeledImages;
import org.initlab.settings.LabParameters;
import org.initlab.theory.meanfield.DeepNetwork;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.PhaseDiagram;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;
import org.initlab.ui.controls.ParamField;

/**
 * The Depth tab: mean-field signal propagation for a deep network at initialization. Every edit redraws the
 * analytic parts at once (q^l, q*, χ₁, the depth scale, the current point on the phase diagram: a few
 * milliseconds); the phase diagram of an activation, the correlation fixed point and the measurements on
 * real networks (q^l and gradients over seeds, the Jacobian spectrum) run in the background. Each edit
 * starts a new generation: stale jobs stop at their next check and their results are dropped. Results are
 * handed to the FX thread through {@link #applyPendingResults}, once per pulse.
 */
public final class DepthViewModel {
    /** What the measured inputs are. */
    public enum Inputs { GAUSSIAN, IMAGES }

    /** What the phase diagram's colours show. */
    public enum Heat { CHI1, DEPTH_SCALE }

    /** The Jacobian's squared singular values for Gaussian and orthogonal weights at the current point. */
    public record Spectra(double[] gaussian, double[] orthogonal, int depth, int width) {}

    private final BackgroundRunner runner;
    private final Supplier<LabeledImages> images;
    private final ObjectProperty<Phi> activation = new SimpleObjectProperty<>(LabParameters.DEPTH_ACTIVATION.defaultValue());
    private final ObjectProperty<Inputs> inputs = new SimpleObjectProperty<>(Inputs.GAUSSIAN);
    private final ObjectProperty<Heat> heat = new SimpleObjectProperty<>(Heat.CHI1);
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
    private final StringProperty measureStatus = new SimpleStringProperty("");
    private final StringProperty spectraSummary = new SimpleStringProperty("");
    private final ObjectProperty<MeanField> point = new SimpleObjectProperty<>();
    private final ObjectProperty<PhaseDiagram> diagram = new SimpleObjectProperty<>();
    private final ObjectProperty<List<PhaseDiagram.SchemePoint>> schemePoints = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Spectra> spectra = new SimpleObjectProperty<>();
    private final PlotLine qAnalytic = new PlotLine("analytic");
    private final PlotLine qMeasured = new PlotLine("measured");
    private final PlotLine gradPredicted = new PlotLine("predicted");
    private final PlotLine gradMeasured = new PlotLine("measured");

    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong diagramGeneration = new AtomicLong();
    private final AtomicReference<Runnable> pendingMeasured = new AtomicReference<>();
    private final AtomicReference<Runnable> pendingSpectra = new AtomicReference<>();
    private final AtomicReference<Runnable> pendingDiagram = new AtomicReference<>();
    private final AtomicReference<Runnable> pendingCorrelation = new AtomicReference<>();
    private final java.util.Map<Phi, PhaseDiagram> diagrams = new java.util.concurrent.ConcurrentHashMap<>();
    /** The analytic q^l of the last edit, for the measured job's comparison. */
    private double[] lastAnalytic = new double[0];

    /** {@code images}: the loaded training images, or null when none are loaded (measuring on images then waits). */
    public DepthViewModel(BackgroundRunner runner, Supplier<LabeledImages> images) {
        this.runner = runner;
        this.images = images;
        for (ParamField f : fields) f.textProperty().addListener((o, a, b) -> recompute());
        activation.addListener((o, a, b) -> { requestDiagram(); recompute(); });
        inputs.addListener((o, a, b) -> recompute());
        String hook = System.getenv("INITLAB_DEPTH"); // e.g. "tanh,1.9,0.05,30,300": a screenshot's settings
        if (hook != null) applyHook(hook);
    }

    public ObjectProperty<Phi> activationProperty() { return activation; }
    public ObjectProperty<Inputs> inputsProperty() { return inputs; }
    public ObjectProperty<Heat> heatProperty() { return heat; }
    public ParamField sigmaW2Field() { return sigmaW2; }
    public ParamField sigmaB2Field() { return sigmaB2; }
    public ParamField depthField() { return depth; }
    public ParamField widthField() { return width; }
    public ParamField q0Field() { return q0; }
    public ParamField samplesField() { return samples; }
    public ParamField networksField() { return networks; }
    public ParamField seedField() { return seed; }
    public List<ParamField> fields() { return fields; }
    public StringProperty messageProperty() { return message; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty correlationProperty() { return correlation; }
    public StringProperty measureStatusProperty() { return measureStatus; }
    public StringProperty spectraSummaryProperty() { return spectraSummary; }
    /** The current (σ_w², σ_b²) with its activation; null while a field is invalid. */
    public ObjectProperty<MeanField> pointProperty() { return point; }
    public ObjectProperty<PhaseDiagram> diagramProperty() { return diagram; }
    public ObjectProperty<List<PhaseDiagram.SchemePoint>> schemePointsProperty() { return schemePoints; }
    public ObjectProperty<Spectra> spectraProperty() { return spectra; }
    public PlotLine qAnalytic() { return qAnalytic; }
    public PlotLine qMeasured() { return qMeasured; }
    /** log₁₀ of the squared gradient per layer relative to the top layer's. */
    public PlotLine gradPredicted() { return gradPredicted; }
    public PlotLine gradMeasured() { return gradMeasured; }

    /** A click on the phase diagram: that point becomes the settings. */
    public void choose(double sw2, double sb2) {
        sigmaW2.textProperty().set(round(Math.max(0, sw2)));
        sigmaB2.textProperty().set(round(Math.max(0, sb2)));
    }

    /** Moves to the critical line at the current σ_b², or just off it ({@code offset} added to σ_w²). */
    public void toCriticalLine(double offset) {
        if (!sigmaB2.isValid()) return;
        double c = MeanField.criticalSigmaW2(activation.get(), sigmaB2.doubleValue());
        if (Double.isFinite(c)) sigmaW2.textProperty().set(round(c + offset));
    }

    /** Takes depth, width and activation from the side panel's network (hidden layers "100,100,100", activation). */
    public void useNetwork(int[] hidden, org.initlab.core.Activation act) {
        if (hidden.length == 0) return;
        depth.textProperty().set(Integer.toString(hidden.length));
        width.textProperty().set(Integer.toString(hidden[0]));
        activation.set(Phi.of(act));
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
            message.set("INITLAB_DEPTH: " + e.getMessage());
        }
    }

    /** Starts the activation's phase diagram in the background, once per activation. */
    public void requestDiagram() {
        Phi phi = activation.get();
        PhaseDiagram cached = diagrams.get(phi);
        if (cached != null) {
            diagram.set(cached);
            return;
        }
        long gen = diagramGeneration.incrementAndGet();
        runner.submit("depth-diagram", () -> PhaseDiagram.compute(phi, 64, 40, 40, () -> diagramGeneration.get() != gen), d -> {
            if (d == null) return;
            diagrams.put(phi, d);
            pendingDiagram.set(() -> { if (activation.get() == d.phi()) diagram.set(d); });
        }, e -> message.set(I18n.f("depth.failed", String.valueOf(e.getMessage()))));
    }

    private String problems() {
        StringBuilder sb = new StringBuilder();
        for (ParamField f : fields) if (!f.isValid()) sb.append(sb.length() == 0 ? "" : "\n").append(f.errorProperty().get());
        return sb.toString();
    }

    /** The analytic parts now; the correlation and the measurements in the background (the previous jobs are stale from here). */
    public void recompute() {
        long gen = generation.incrementAndGet();
        String bad = problems();
        message.set(bad);
        if (!bad.isEmpty()) {
            point.set(null);
            return;
        }
        Phi phi = activation.get();
        MeanField mf = new MeanField(phi, sigmaW2.doubleValue(), sigmaB2.doubleValue());
        int L = depth.intValue(), n = width.intValue();
        LabeledImages imgs = inputs.get() == Inputs.IMAGES ? images.get() : null;
        double qIn = inputs.get() == Inputs.IMAGES && imgs != null ? meanSquare(imgs, 1000) : q0.doubleValue();
        double[] q = mf.trajectory(qIn, L);
        lastAnalytic = q;
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
                if (q[l - 1] != lastQ) { lastQ = q[l - 1]; lastLnChi = Math.log(mf.chiAt(lastQ)); } // layers at the fixed point share one χ
                ln += lastLnChi;
            }
        }
        for (int l = 1; l <= L; l++) gp.add(new PlotPoint(l, pred[l] / Math.log(10)));
        gradPredicted.setAll(gp, List.of());
        point.set(mf);
        schemePoints.set(PhaseDiagram.schemes(n));
        double qs = mf.qStar();
        summary.set(I18n.f("depth.summary", I18n.t("depth.phase." + mf.phase().id()), Double.isNaN(qs) ? I18n.t("depth.everyQ") : num(qs), num(mf.chi1()), num(mf.depthScale()),
                Integer.toString(L)));
        correlation.set(I18n.t("depth.correlating"));
        submitCorrelation(mf, gen);
        submitMeasured(mf, gen, L, n, qIn, imgs);
    }

    private void submitCorrelation(MeanField mf, long gen) {
        runner.submit("depth-correlation", () -> generation.get() != gen ? null : mf.correlation(), c -> {
            if (c == null || generation.get() != gen) return;
            pendingCorrelation.set(() -> correlation.set(I18n.f("depth.correlation", num(c.cStar()), num(c.chiC()), num(c.depthScale()))));
        }, e -> message.set(I18n.f("depth.failed", String.valueOf(e.getMessage()))));
    }

    private void submitMeasured(MeanField mf, long gen, int L, int n, double qIn, LabeledImages imgs) {
        int rows = samples.intValue(), nets = networks.intValue();
        long s = seed.longValue();
        boolean onImages = inputs.get() == Inputs.IMAGES;
        int inputsPerRow = onImages ? (imgs == null ? 784 : imgs.pixelsPerImage()) : n;
        long values = DeepNetwork.valuesNeeded(inputsPerRow, n, L, rows);
        double flops = DeepNetwork.flopsNeeded(inputsPerRow, n, L, rows) * nets + DeepNetwork.jacobianFlops(n, n, L) * 2;
        qMeasured.setAll(List.of(), List.of());
        gradMeasured.setAll(List.of(), List.of());
        spectra.set(null);
        spectraSummary.set("");
        if (onImages && imgs == null) {
            measureStatus.set(I18n.t("depth.noImages"));
            return;
        }
        if (values > DeepNetwork.MAX_VALUES || flops > DeepNetwork.MAX_FLOPS) {
            measureStatus.set(I18n.f("depth.tooLarge", String.format(Locale.ROOT, "%,d", values * 8 / 1_000_000), String.format(Locale.ROOT, "%.2g", flops)));
            return;
        }
        measureStatus.set(I18n.t("depth.measuring"));
        java.util.function.BooleanSupplier stale = () -> generation.get() != gen;
        Phi phi = mf.phi();
        double sw2 = mf.sigmaW2(), sb2 = mf.sigmaB2();
        runner.submit("depth-measure", () -> {
            if (stale.getAsBoolean()) return null;
            double[][] x = onImages ? imageRows(imgs, rows, s) : DeepNetwork.gaussianInputs(rows, n, qIn, org.initlab.train.Seeds.derive(s, "depth/inputs"));
            DeepNetwork.SeedBand band = DeepNetwork.overSeeds(phi, inputsPerRow, n, L, DeepNetwork.gaussian(sw2), 1, sb2, x, s, nets, stale);
            if (band == null) return null;
            pendingMeasured.set(() -> { if (!stale.getAsBoolean()) showMeasured(band, L); });
            double[] x0 = DeepNetwork.gaussianInputs(1, n, Double.isFinite(mf.qStar()) && mf.qStar() > 0 ? mf.qStar() : 1,
                    org.initlab.train.Seeds.derive(s, "depth/jacobian-input"))[0];
            double[] g = DeepNetwork.draw(phi, n, n, L, DeepNetwork.gaussian(sw2), 1, sb2, org.initlab.train.Seeds.derive(s, "depth/jacobian")).jacobianSpectrum(x0, stale);
            if (g == null) return null;
            double[] o = DeepNetwork.draw(phi, n, n, L, DeepNetwork.orthogonal(sw2), 1, sb2, org.initlab.train.Seeds.derive(s, "depth/jacobian")).jacobianSpectrum(x0, stale);
            if (o == null) return null;
            Spectra sp = new Spectra(g, o, L, n);
            pendingSpectra.set(() -> { if (!stale.getAsBoolean()) showSpectra(sp); });
            return sp;
        }, done -> {}, e -> { if (!stale.getAsBoolean()) measureStatus.set(I18n.f("depth.failed", String.valueOf(e.getMessage()))); });
    }

    private void showMeasured(DeepNetwork.SeedBand band, int L) {
        List<PlotPoint> qp = new ArrayList<>(), gp = new ArrayList<>();
        List<double[]> qb = new ArrayList<>(), gb = new ArrayList<>();
        double top = band.lnGradMean()[L - 1], ln10 = Math.log(10);
        for (int l = 1; l <= L; l++) {
            double m = band.qMean()[l - 1], sd = band.qSd()[l - 1];
            qp.add(new PlotPoint(l, m, String.format(Locale.ROOT, "q^%d = %s ± %s", l, num(m), num(sd))));
            qb.add(new double[] {l, m - sd, m + sd});
            double g = (band.lnGradMean()[l - 1] - top) / ln10, gs = band.lnGradSd()[l - 1] / ln10;
            gp.add(new PlotPoint(l, g));
            gb.add(new double[] {l, g - gs, g + gs});
        }
        qMeasured.setAll(qp, qb);
        gradMeasured.setAll(gp, gb);
        double worst = 0;
        for (int l = 1; l <= L && l < lastAnalytic.length; l++) {
            if (lastAnalytic[l] > 0) worst = Math.max(worst, Math.abs(band.qMean()[l - 1] / lastAnalytic[l] - 1));
        }
        measureStatus.set(I18n.f("depth.measured", Integer.toString(band.seeds()), String.format(Locale.ROOT, "%.1f", 100 * worst)));
    }

    private void showSpectra(Spectra sp) {
        spectra.set(sp);
        double[] g = DeepNetwork.meanAndVariance(sp.gaussian()), o = DeepNetwork.meanAndVariance(sp.orthogonal());
        spectraSummary.set(I18n.f("depth.spectra", num(g[0]), num(g[1]), num(o[0]), num(o[1])));
    }

    /** Hands the background results to the properties: on the FX thread, once per pulse (or by tests). */
    public void applyPendingResults() {
        for (AtomicReference<Runnable> r : List.of(pendingDiagram, pendingCorrelation, pendingMeasured, pendingSpectra)) {
            Runnable run = r.getAndSet(null);
            if (run != null) run.run();
        }
    }

    public void shutdown() {
        generation.incrementAndGet();
        diagramGeneration.incrementAndGet();
    }

    /** The images' mean squared pixel (the first {@code upTo}): q⁰ of real inputs. */
    static double meanSquare(LabeledImages imgs, int upTo) {
        int n = Math.min(upTo, imgs.count()), d = imgs.pixelsPerImage();
        double s = 0;
        for (int i = 0; i < n; i++) for (int p = 0; p < d; p++) { double v = imgs.pixel(i, p); s += v * v; }
        return s / ((double) n * d);
    }

    private static double[][] imageRows(LabeledImages imgs, int rows, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(org.initlab.train.Seeds.derive(seed, "depth/images"));
        int d = imgs.pixelsPerImage();
        double[][] x = new double[rows][d];
        for (int r = 0; r < rows; r++) {
            int i = rng.nextInt(imgs.count());
            for (int p = 0; p < d; p++) x[r][p] = imgs.pixel(i, p);
        }
        return x;
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "—";
        if (Double.isInfinite(v)) return "∞";
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
