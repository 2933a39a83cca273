package org.initlab.ui.depth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.initlab.data.LabeledImages;
import org.initlab.format.Numbers;
import org.initlab.math.Seeds;
import org.initlab.theory.meanfield.DeepNetwork;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;

// Exists so the slow part of the Depth tab (real networks measured in the background) lives apart from the analytic
// one.
/**
 * The Depth tab's measurements on real networks: q^l and the squared gradient per layer over several
 * networks (mean with a band), and the Jacobian's squared singular values for Gaussian and orthogonal
 * weights. Each {@link #measure} starts a new generation: stale jobs stop at their next check and their
 * results are dropped; results reach the properties only through {@link #applyPendingResults}, once per pulse.
 * {@link DepthViewModel} composes it.
 */
public final class MeasurementsViewModel {
    /** The Jacobian's squared singular values for Gaussian and orthogonal weights at the current point. */
    public record Spectra(double[] gaussian, double[] orthogonal, int depth, int width) {}

    /** One measurement's settings: the point, the network's shape, the inputs and the seeds. */
    record Request(
            MeanField mf,
            int depth,
            int width,
            double qIn,
            LabeledImages images,
            boolean onImages,
            int rows,
            int networks,
            long seed,
            double[] analytic) {}

    private final BackgroundRunner runner;
    private final StringProperty measureStatus = new SimpleStringProperty("");
    private final StringProperty spectraSummary = new SimpleStringProperty("");
    private final ObjectProperty<Spectra> spectra = new SimpleObjectProperty<>();
    private final PlotLine qMeasured = new PlotLine("measured");
    private final PlotLine gradMeasured = new PlotLine("measured");
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Runnable> pendingMeasured = new AtomicReference<>();
    private final AtomicReference<Runnable> pendingSpectra = new AtomicReference<>();

    MeasurementsViewModel(BackgroundRunner runner) {
        this.runner = runner;
    }

    public StringProperty measureStatusProperty() {
        return measureStatus;
    }

    public StringProperty spectraSummaryProperty() {
        return spectraSummary;
    }

    public ObjectProperty<Spectra> spectraProperty() {
        return spectra;
    }

    public PlotLine qMeasured() {
        return qMeasured;
    }
    /** log₁₀ of the measured squared gradient per layer relative to the top layer's. */
    public PlotLine gradMeasured() {
        return gradMeasured;
    }

    /** Makes the running jobs stale (an invalid edit, or the tab closing) without starting new ones. */
    void cancel() {
        generation.incrementAndGet();
    }

    /** Clears the last measurement and starts this one in the background (the previous jobs are stale from here). */
    void measure(Request r) {
        long gen = generation.incrementAndGet();
        int L = r.depth(), n = r.width(), rows = r.rows(), nets = r.networks();
        long s = r.seed();
        boolean onImages = r.onImages();
        LabeledImages imgs = r.images();
        int inputsPerRow = onImages ? (imgs == null ? 784 : imgs.pixelsPerImage()) : n;
        long values = DeepNetwork.valuesNeeded(inputsPerRow, n, L, rows);
        double flops =
                DeepNetwork.flopsNeeded(inputsPerRow, n, L, rows) * nets + DeepNetwork.jacobianFlops(n, n, L) * 2;
        qMeasured.setAll(List.of(), List.of());
        gradMeasured.setAll(List.of(), List.of());
        spectra.set(null);
        spectraSummary.set("");
        if (onImages && imgs == null) {
            measureStatus.set(I18n.t("depth.noImages"));
            return;
        }
        if (values > DeepNetwork.MAX_VALUES || flops > DeepNetwork.MAX_FLOPS) {
            measureStatus.set(I18n.f(
                    "depth.tooLarge",
                    Numbers.grouped(values * 8 / 1_000_000),
                    String.format(Locale.ROOT, "%.2g", flops)));
            return;
        }
        measureStatus.set(I18n.t("depth.measuring"));
        BooleanSupplier stale = () -> generation.get() != gen;
        MeanField mf = r.mf();
        Phi phi = mf.phi();
        double sw2 = mf.sigmaW2(), sb2 = mf.sigmaB2(), qIn = r.qIn();
        double[] analytic = r.analytic();
        runner.submit(
                "depth-measure",
                () -> {
                    if (stale.getAsBoolean()) return null;
                    double[][] x = onImages
                            ? imageRows(imgs, rows, s)
                            : DeepNetwork.gaussianInputs(rows, n, qIn, Seeds.derive(s, "depth/inputs"));
                    DeepNetwork.SeedBand band = DeepNetwork.overSeeds(
                            phi, inputsPerRow, n, L, DeepNetwork.gaussian(sw2), 1, sb2, x, s, nets, stale);
                    if (band == null) return null;
                    pendingMeasured.set(() -> {
                        if (!stale.getAsBoolean()) showMeasured(band, L, analytic);
                    });
                    double[] x0 = DeepNetwork.gaussianInputs(
                            1,
                            n,
                            Double.isFinite(mf.qStar()) && mf.qStar() > 0 ? mf.qStar() : 1,
                            Seeds.derive(s, "depth/jacobian-input"))[0];
                    double[] g = DeepNetwork.draw(
                                    phi, n, n, L, DeepNetwork.gaussian(sw2), 1, sb2, Seeds.derive(s, "depth/jacobian"))
                            .jacobianSpectrum(x0, stale);
                    if (g == null) return null;
                    double[] o = DeepNetwork.draw(
                                    phi,
                                    n,
                                    n,
                                    L,
                                    DeepNetwork.orthogonal(sw2),
                                    1,
                                    sb2,
                                    Seeds.derive(s, "depth/jacobian"))
                            .jacobianSpectrum(x0, stale);
                    if (o == null) return null;
                    Spectra sp = new Spectra(g, o, L, n);
                    pendingSpectra.set(() -> {
                        if (!stale.getAsBoolean()) showSpectra(sp, mf.chi1());
                    });
                    return sp;
                },
                done -> {},
                e -> {
                    if (!stale.getAsBoolean()) measureStatus.set(I18n.f("depth.failed", I18n.explain(e)));
                });
    }

    /** {@code analytic}: the analytic q^l of the same edit, for the status line's comparison. */
    private void showMeasured(DeepNetwork.SeedBand band, int L, double[] analytic) {
        List<PlotPoint> qp = new ArrayList<>(), gp = new ArrayList<>();
        List<double[]> qb = new ArrayList<>(), gb = new ArrayList<>();
        double top = band.lnGradMean()[L - 1], ln10 = Math.log(10);
        for (int l = 1; l <= L; l++) {
            double m = band.qMean()[l - 1], sd = band.qSd()[l - 1];
            qp.add(new PlotPoint(
                    l,
                    m,
                    String.format(Locale.ROOT, "q^%d = %s ± %s", l, DepthViewModel.num(m), DepthViewModel.num(sd))));
            qb.add(new double[] {l, m - sd, m + sd});
            double g = (band.lnGradMean()[l - 1] - top) / ln10, gs = band.lnGradSd()[l - 1] / ln10;
            gp.add(new PlotPoint(l, g));
            gb.add(new double[] {l, g - gs, g + gs});
        }
        qMeasured.setAll(qp, qb);
        gradMeasured.setAll(gp, gb);
        double worst = 0;
        for (int l = 1; l <= L && l < analytic.length; l++) {
            if (analytic[l] > 0) worst = Math.max(worst, Math.abs(band.qMean()[l - 1] / analytic[l] - 1));
        }
        measureStatus.set(I18n.f(
                "depth.measured", Integer.toString(band.seeds()), String.format(Locale.ROOT, "%.1f", 100 * worst)));
    }

    private void showSpectra(Spectra sp, double chi1) {
        spectra.set(sp);
        spectraSummary.set(spectraWords(sp, chi1));
    }

    /**
     * What the measured spectra show, in words that follow the numbers: the means and variances, the mean
     * mean-field theory predicts (χ₁^L), which side of 1 the Gaussian mean is on, and whether orthogonal
     * weights spread less here.
     */
    static String spectraWords(Spectra sp, double chi1) {
        double[] g = DeepNetwork.meanAndVariance(sp.gaussian()), o = DeepNetwork.meanAndVariance(sp.orthogonal());
        String gm = DepthViewModel.num(g[0]), gv = DepthViewModel.num(g[1]), ov = DepthViewModel.num(o[1]);
        StringBuilder sb = new StringBuilder(I18n.f("depth.spectra", gm, gv, DepthViewModel.num(o[0]), ov));
        sb.append(' ')
                .append(I18n.f(
                        "depth.spectraPredicted",
                        DepthViewModel.num(chi1),
                        Integer.toString(sp.depth()),
                        DepthViewModel.num(Math.pow(chi1, sp.depth()))));
        // Within a quarter either way of 1 counts as "near 1" (the spread of a finite network's mean at depth 20).
        String side = g[0] < 0.8
                ? "depth.spectraMeanBelow"
                : g[0] > 1.25 ? "depth.spectraMeanAbove" : "depth.spectraMeanNear";
        sb.append(' ').append(I18n.f(side, gm));
        if (o[1] < g[1]) sb.append(' ').append(I18n.f("depth.spectraNarrower", ov, gv));
        else sb.append(' ').append(I18n.f("depth.spectraNotNarrower", ov, gv));
        return sb.toString();
    }

    /** Hands the finished measurement, then the spectra, to the properties (FX thread, once per pulse). */
    void applyPendingResults() {
        for (AtomicReference<Runnable> r : List.of(pendingMeasured, pendingSpectra)) {
            Runnable run = r.getAndSet(null);
            if (run != null) run.run();
        }
    }

    private static double[][] imageRows(LabeledImages imgs, int rows, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(Seeds.derive(seed, "depth/images"));
        int d = imgs.pixelsPerImage();
        double[][] x = new double[rows][d];
        for (int r = 0; r < rows; r++) {
            int i = rng.nextInt(imgs.count());
            for (int p = 0; p < d; p++) x[r][p] = imgs.pixel(i, p);
        }
        return x;
    }
}
