package org.initlab.ui.depth;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.PhaseDiagram;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.base.I18n;

// Exists so the Depth tab's phase diagram (its drawing and its click) is one small view of its own.
/**
 * The phase diagram panel: χ₁ or the depth scale over (σ_w², σ_b²), the critical line, the catalogue's schemes
 * and the current point; a click chooses a point. It only binds and draws ({@link PhaseDiagramViewModel} and
 * {@link DepthViewModel} compute).
 */
final class PhaseDiagramPanel {
    final PlotCanvas canvas;
    private final DepthViewModel vm;
    private final PhaseDiagramViewModel diagram;

    PhaseDiagramPanel(DepthViewModel vm) {
        this.vm = vm;
        this.diagram = vm.phaseDiagram();
        canvas = new PlotCanvas(this::draw);
        canvas.setId("depthPhaseDiagram");
        canvas.setOnMouseClicked(e -> {
            if (canvas.x1 <= canvas.x0) return;
            double x = canvas.dataX(e.getX()), y = canvas.dataY(e.getY());
            if (x >= canvas.x0 && x <= canvas.x1 && y >= canvas.y0 && y <= canvas.y1) vm.choose(x, y);
        });
        Tooltip.install(canvas, new Tooltip(I18n.t("depth.clickToChoose")));
        diagram.diagramProperty().addListener((o, a, b) -> canvas.redraw());
        vm.pointProperty().addListener((o, a, b) -> canvas.redraw());
        diagram.heatProperty().addListener((o, a, b) -> canvas.redraw());
    }

    void redraw() {
        canvas.redraw();
    }

    private void draw() {
        Phi phi = vm.activationProperty().get();
        double xMax = PhaseDiagram.xMaxFor(phi), yMax = PhaseDiagram.yMaxFor(phi);
        boolean chi = diagram.heatProperty().get() == PhaseDiagramViewModel.Heat.CHI1;
        PhaseDiagram d = diagram.diagramProperty().get();
        PlotCanvas p = canvas;
        p.x0 = 0;
        p.x1 = xMax;
        p.y0 = 0;
        p.y1 = yMax;
        GraphicsContext g = p.g();
        if (d != null && d.phi() == phi) {
            int nx = d.chi1().length, ny = d.chi1()[0].length;
            double cw = p.plotW() / nx, ch = p.plotH() / ny;
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    g.setFill(chi ? diverging(d.chi1()[i][j]) : sequential(d.depthScale()[i][j]));
                    g.fillRect(PlotCanvas.LEFT + i * cw, PlotCanvas.TOP + (ny - 1 - j) * ch, cw + 0.6, ch + 0.6);
                }
            }
        }
        p.frame(
                0,
                xMax,
                0,
                yMax,
                I18n.f(chi ? "depth.phaseTitle" : "depth.phaseTitleXi", phi.id()),
                "σ_w²",
                "σ_b²",
                null);
        p.clipToPlot();
        if (d != null && d.phi() == phi && d.criticalLine().size() > 1) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(2.2);
            g.setLineDashes();
            g.beginPath();
            boolean first = true;
            for (double[] pt : d.criticalLine()) {
                if (first) g.moveTo(p.px(pt[0]), p.py(pt[1]));
                else g.lineTo(p.px(pt[0]), p.py(pt[1]));
                first = false;
            }
            g.stroke();
            double[] mid = d.criticalLine().get(d.criticalLine().size() * 2 / 3);
            g.setFill(Color.BLACK);
            g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 11));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("χ₁ = 1", p.px(mid[0]) + 5, p.py(mid[1]));
            g.setFont(Font.font(11));
            g.fillText(I18n.t("depth.phase.ordered"), PlotCanvas.LEFT + 6, PlotCanvas.TOP + 14);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(I18n.t("depth.phase.chaotic"), PlotCanvas.LEFT + p.plotW() - 6, PlotCanvas.TOP + 14);
        } else if (d == null) {
            g.setFill(p.faint());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(
                    I18n.t("depth.computingDiagram"), PlotCanvas.LEFT + p.plotW() / 2, PlotCanvas.TOP + p.plotH() / 2);
        }
        MeanField mf = vm.pointProperty().get();
        double yMark = mf == null ? 0 : mf.sigmaB2();
        // The catalogue's schemes at the current σ_b² (they are weight rules; the bias variance is the setting's).
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        int beyond = 0;
        // Over the light map the words are dark; before the map arrives they are on the window's background.
        Color words = d != null && d.phi() == phi ? Color.BLACK : p.ink();
        // Schemes at the same σ_w² share one marker (LeCun, Xavier and orthogonal are all at 1 for square layers).
        java.util.Map<Double, String> byX = new java.util.TreeMap<>();
        for (PhaseDiagram.SchemePoint s : diagram.schemePointsProperty().get()) {
            if (s.id().endsWith("-uniform") || s.id().equals("zeros"))
                continue; // same σ_w² as their normal twins; zeros at 0
            byX.merge(Math.round(s.sigmaW2() * 1e6) / 1e6, s.id(), (a, b) -> a + " / " + b);
        }
        for (var e : byX.entrySet()) {
            double x = e.getKey();
            if (x > xMax) {
                g.setFill(words);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(
                        "→ " + e.getValue() + " (σ_w² = " + PlotCanvas.trim(x) + ")",
                        PlotCanvas.LEFT + p.plotW() - 4,
                        PlotCanvas.TOP + 30 + 13 * beyond++);
                g.setTextAlign(TextAlignment.LEFT);
                continue;
            }
            double sx = p.px(x), sy = p.py(Math.min(yMark, yMax));
            g.setFill(Color.WHITE);
            g.setStroke(Color.BLACK);
            g.setLineWidth(1);
            g.fillPolygon(new double[] {sx, sx + 5, sx, sx - 5}, new double[] {sy - 5, sy, sy + 5, sy}, 4);
            g.strokePolygon(new double[] {sx, sx + 5, sx, sx - 5}, new double[] {sy - 5, sy, sy + 5, sy}, 4);
            g.setFill(words);
            g.save();
            g.translate(sx + 3, sy - 7);
            g.rotate(-35);
            g.fillText(e.getValue(), 0, 0);
            g.restore();
        }
        if (mf != null) {
            double cx = p.px(Math.min(mf.sigmaW2(), xMax)), cy = p.py(Math.min(mf.sigmaB2(), yMax));
            g.setFill(Color.web("#ffd400"));
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.fillOval(cx - 7, cy - 7, 14, 14);
            g.strokeOval(cx - 7, cy - 7, 14, 14);
        }
        p.unclip();
    }

    /** ln χ₁ from −0.8 (blue, ordered) through 0 (white, critical) to +0.8 (red, chaotic). */
    static Color diverging(double chi) {
        double t = chi <= 0 ? -1 : Math.max(-1, Math.min(1, Math.log(chi) / 0.8));
        return t < 0
                ? Color.color(1 + 0.75 * t, 1 + 0.55 * t, 1 + 0.2 * t)
                : Color.color(1 - 0.15 * t, 1 - 0.75 * t, 1 - 0.8 * t);
    }

    /** log₁₀ of the depth scale from 0 (dark) to 2.5 (light): long scales are where deep networks train. */
    static Color sequential(double xi) {
        double t = Double.isInfinite(xi) ? 1 : Math.max(0, Math.min(1, Math.log10(Math.max(1e-3, xi) + 1) / 2.5));
        return Color.color(0.1 + 0.85 * t, 0.1 + 0.8 * t * t + 0.1 * t, 0.3 + 0.3 * t - 0.4 * t * t);
    }
}
