package org.initlab.ui.depth;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.paint.Color;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotPoint;

// Exists so the Depth tab's two per-layer charts (q^l and the squared gradient) are one small view of their own.
/**
 * The per-layer charts: q^l through the layers and the squared gradient per layer, each as the analytic line
 * with the measured points and their band over networks. It only binds and draws.
 */
final class LayerPlots {
    static final Color ANALYTIC = Color.web("#1f5fa8"), MEASURED = Color.web("#e07b00");
    final PlotCanvas q, grad;
    private final DepthViewModel vm;

    LayerPlots(DepthViewModel vm) {
        this.vm = vm;
        q = new PlotCanvas(this::drawQ);
        q.setId("depthQPlot");
        grad = new PlotCanvas(this::drawGrad);
        grad.setId("depthGradPlot");
        vm.pointProperty().addListener((o, a, b) -> redraw());
        vm.qMeasured().points().addListener((ListChangeListener<PlotPoint>) ch -> q.redraw());
        vm.gradMeasured().points().addListener((ListChangeListener<PlotPoint>) ch -> grad.redraw());
    }

    void redraw() {
        q.redraw();
        grad.redraw();
    }

    private void drawQ() {
        List<PlotPoint> a = vm.qAnalytic().points(), m = vm.qMeasured().points();
        if (a.isEmpty()) return;
        double max = 0;
        for (PlotPoint p : a) if (Double.isFinite(p.y())) max = Math.max(max, p.y());
        for (double[] b : vm.qMeasured().band()) if (Double.isFinite(b[2])) max = Math.max(max, b[2]);
        if (max > 1e6 || max == 0) max = Math.max(1, Math.min(max, 1e6));
        q.frame(0, a.size() - 1, 0, max * 1.08, I18n.t("depth.qTitle"), I18n.t("depth.layer"), "q^l", null);
        q.clipToPlot();
        q.band(vm.qMeasured().band(), MEASURED);
        q.line(a, ANALYTIC, 2);
        q.points(m, MEASURED);
        q.unclip();
        q.legend(List.of(I18n.t("depth.analytic"), I18n.t("depth.measuredBand")), List.of(ANALYTIC, MEASURED), false);
    }

    private void drawGrad() {
        List<PlotPoint> a = vm.gradPredicted().points(), m = vm.gradMeasured().points();
        if (a.isEmpty()) return;
        double lo = 0, hi = 0;
        for (PlotPoint p : a)
            if (Double.isFinite(p.y())) {
                lo = Math.min(lo, p.y());
                hi = Math.max(hi, p.y());
            }
        for (double[] b : vm.gradMeasured().band())
            if (Double.isFinite(b[1]) && Double.isFinite(b[2])) {
                lo = Math.min(lo, b[1]);
                hi = Math.max(hi, b[2]);
            }
        lo = Math.max(lo, -60);
        hi = Math.min(hi, 60);
        double pad = Math.max(0.3, (hi - lo) * 0.08);
        grad.frame(
                1,
                Math.max(2, a.size()),
                lo - pad,
                hi + pad,
                I18n.t("depth.gradTitle"),
                I18n.t("depth.layer"),
                I18n.t("depth.gradAxis"),
                t -> "10^" + PlotCanvas.trim(t));
        grad.clipToPlot();
        grad.band(vm.gradMeasured().band(), MEASURED);
        grad.line(a, ANALYTIC, 2);
        grad.points(m, MEASURED);
        grad.unclip();
        grad.legend(
                List.of(I18n.t("depth.gradPredicted"), I18n.t("depth.measuredBand")),
                List.of(ANALYTIC, MEASURED),
                true);
    }
}
