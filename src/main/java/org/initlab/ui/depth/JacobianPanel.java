package org.initlab.ui.depth;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.initlab.ui.base.I18n;

// Exists so the Depth tab's Jacobian histogram is one small view of its own.
/**
 * The Jacobian panel: a histogram of log₁₀ of the squared singular values for Gaussian weights (filled) and
 * orthogonal ones (outlined), measured at the current point. It only binds and draws.
 */
final class JacobianPanel {
    static final Color GAUSS = Color.web("#e07b00"), ORTHO = Color.web("#1f5fa8");
    final PlotCanvas canvas;
    private final MeasurementsViewModel measurements;

    JacobianPanel(MeasurementsViewModel measurements) {
        this.measurements = measurements;
        canvas = new PlotCanvas(this::draw);
        canvas.setId("depthJacobianPlot");
        measurements.spectraProperty().addListener((o, a, b) -> canvas.redraw());
    }

    void redraw() {
        canvas.redraw();
    }

    private void draw() {
        MeasurementsViewModel.Spectra s = measurements.spectraProperty().get();
        if (s == null) {
            canvas.frame(
                    -3,
                    3,
                    0,
                    1,
                    I18n.t("depth.jacobianTitle"),
                    I18n.t("depth.jacobianAxis"),
                    I18n.t("depth.fraction"),
                    null);
            GraphicsContext g = canvas.g();
            g.setFill(canvas.faint());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(
                    I18n.t("depth.waitingJacobian"),
                    PlotCanvas.LEFT + canvas.plotW() / 2,
                    PlotCanvas.TOP + canvas.plotH() / 2);
            return;
        }
        double[] range = log10Range(List.of(s.gaussian(), s.orthogonal()));
        double lo = range[0], hi = range[1];
        int bins = 40;
        double[] hg = hist(s.gaussian(), lo, hi, bins), ho = hist(s.orthogonal(), lo, hi, bins);
        double top = 0;
        for (int i = 0; i < bins; i++) top = Math.max(top, Math.max(hg[i], ho[i]));
        canvas.frame(
                lo,
                hi,
                0,
                top * 1.1,
                I18n.f("depth.jacobianTitleN", Integer.toString(s.depth()), Integer.toString(s.width())),
                I18n.t("depth.jacobianAxis"),
                I18n.t("depth.fraction"),
                null);
        GraphicsContext g = canvas.g();
        double w = (hi - lo) / bins;
        Color gc = Color.color(GAUSS.getRed(), GAUSS.getGreen(), GAUSS.getBlue(), 0.6);
        g.setFill(gc);
        for (int i = 0; i < bins; i++) {
            if (hg[i] == 0) continue;
            double x = canvas.px(lo + i * w), x2 = canvas.px(lo + (i + 1) * w), y = canvas.py(hg[i]);
            g.fillRect(x, y, Math.max(1, x2 - x - 1), canvas.py(0) - y);
            canvas.occupyRect(x, y, Math.max(1, x2 - x - 1), canvas.py(0) - y);
        }
        // Orthogonal as an outline over it, so both stay visible where they overlap.
        g.setStroke(ORTHO);
        g.setLineWidth(2);
        g.beginPath();
        g.moveTo(canvas.px(lo), canvas.py(0));
        for (int i = 0; i < bins; i++) {
            g.lineTo(canvas.px(lo + i * w), canvas.py(ho[i]));
            g.lineTo(canvas.px(lo + (i + 1) * w), canvas.py(ho[i]));
            canvas.occupyRect(
                    canvas.px(lo + i * w), canvas.py(ho[i]), canvas.px(lo + (i + 1) * w) - canvas.px(lo + i * w), 0);
        }
        g.lineTo(canvas.px(hi), canvas.py(0));
        g.stroke();
        canvas.legend(
                List.of(I18n.t("depth.gaussianWeights"), I18n.t("depth.orthogonalWeights")),
                List.of(GAUSS, ORTHO),
                true);
    }

    /**
     * The histogram's x-range, {lo, hi} in log10 σᵢ², over every spectrum: from 10⁻⁸ at most (values below fall in
     * the first bin), at least half a decade wide.
     */
    static double[] log10Range(List<double[]> spectra) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] v : spectra) {
            for (double e : v) {
                double l = Math.log10(Math.max(e, 1e-12));
                lo = Math.min(lo, l);
                hi = Math.max(hi, l);
            }
        }
        lo = Math.max(lo, -8);
        if (hi - lo < 0.5) {
            lo -= 0.25;
            hi += 0.25;
        }
        return new double[] {lo, hi};
    }

    static double[] hist(double[] v, double lo, double hi, int bins) {
        double[] h = new double[bins];
        for (double e : v) {
            double l = Math.log10(Math.max(e, 1e-12));
            int b = (int) Math.floor((l - lo) / (hi - lo) * bins);
            h[Math.max(0, Math.min(bins - 1, b))] += 1.0 / v.length;
        }
        return h;
    }
}
