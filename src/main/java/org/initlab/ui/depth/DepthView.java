package org.initlab.ui.depth;

import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.PhaseDiagram;
import org.initlab.theory.meanfield.Phi;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotPoint;
import org.initlab.ui.controls.FieldGrid;

/**
 * The Depth tab: the phase diagram (χ₁ or the depth scale over (σ_w², σ_b²), the critical line, the current
 * point and the catalogue's schemes; a click chooses a point), q^l through the layers (analytic line,
 * measured points with a band over networks), the squared gradient per layer, the Jacobian spectrum, and
 * the words that explain them. It only binds and draws; {@link DepthViewModel} computes.
 */
public final class DepthView extends BorderPane {
    static final Color ANALYTIC = Color.web("#1f5fa8"), MEASURED = Color.web("#e07b00"), GAUSS = Color.web("#e07b00"), ORTHO = Color.web("#1f5fa8");
    private final DepthViewModel vm;
    private final PlotCanvas phase, qPlot, gradPlot, jacPlot;
    private final ValidationSupport validation = new ValidationSupport();
    private final AnimationTimer pump;

    public DepthView(DepthViewModel vm) {
        this.vm = vm;
        setId("depthView");
        validation.setValidationDecorator(new GraphicValidationDecoration());
        phase = new PlotCanvas(this::drawPhase);
        phase.setId("depthPhaseDiagram");
        qPlot = new PlotCanvas(this::drawQ);
        qPlot.setId("depthQPlot");
        gradPlot = new PlotCanvas(this::drawGrad);
        gradPlot.setId("depthGradPlot");
        jacPlot = new PlotCanvas(this::drawJacobian);
        jacPlot.setId("depthJacobianPlot");
        phase.setOnMouseClicked(e -> {
            if (phase.x1 <= phase.x0) return;
            double x = phase.dataX(e.getX()), y = phase.dataY(e.getY());
            if (x >= phase.x0 && x <= phase.x1 && y >= phase.y0 && y <= phase.y1) vm.choose(x, y);
        });
        Tooltip.install(phase, new Tooltip(I18n.t("depth.clickToChoose")));

        setLeft(controls());
        GridPane charts = new GridPane();
        charts.setHgap(8);
        charts.setVgap(8);
        charts.setPadding(new Insets(8));
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(50);
        c.setHgrow(Priority.ALWAYS);
        charts.getColumnConstraints().addAll(c, c);
        for (int i = 0; i < 3; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(i == 0 ? 38 : 31);
            r.setVgrow(Priority.ALWAYS);
            charts.getRowConstraints().add(r);
        }
        charts.add(phase, 0, 0);
        charts.add(text(), 1, 0);
        charts.add(qPlot, 0, 1);
        charts.add(gradPlot, 1, 1);
        charts.add(jacPlot, 0, 2);
        charts.add(jacobianText(), 1, 2);
        setCenter(charts);

        vm.diagramProperty().addListener((o, a, b) -> phase.redraw());
        vm.pointProperty().addListener((o, a, b) -> { phase.redraw(); qPlot.redraw(); gradPlot.redraw(); });
        vm.heatProperty().addListener((o, a, b) -> phase.redraw());
        vm.qMeasured().points().addListener((javafx.collections.ListChangeListener<PlotPoint>) ch -> qPlot.redraw());
        vm.gradMeasured().points().addListener((javafx.collections.ListChangeListener<PlotPoint>) ch -> gradPlot.redraw());
        vm.spectraProperty().addListener((o, a, b) -> jacPlot.redraw());
        pump = new AnimationTimer() {
            @Override public void handle(long now) { vm.applyPendingResults(); }
        };
        pump.start();
        sceneProperty().addListener((o, a, s) -> { if (s == null) pump.stop(); else pump.start(); });
        vm.requestDiagram();
        vm.recompute();
    }

    /** The redraw the window calls when the tab is shown. */
    public void refresh() {
        phase.redraw();
        qPlot.redraw();
        gradPlot.redraw();
        jacPlot.redraw();
    }

    private ScrollPane controls() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.add(new Label(I18n.t("field.depthActivation")), 0, row);
        grid.add(FieldGrid.combo("depthActivation", vm.activationProperty(), Phi.values(), Phi::id), 1, row++);
        row = FieldGrid.addField(validation, grid, row, vm.sigmaW2Field(), "depthSigmaW2Field");
        row = FieldGrid.addField(validation, grid, row, vm.sigmaB2Field(), "depthSigmaB2Field");
        row = FieldGrid.addField(validation, grid, row, vm.depthField(), "depthDepthField");
        row = FieldGrid.addField(validation, grid, row, vm.widthField(), "depthWidthField");
        grid.add(new Label(I18n.t("depth.inputs")), 0, row);
        grid.add(FieldGrid.combo("depthInputs", vm.inputsProperty(), DepthViewModel.Inputs.values(), i -> I18n.t("depth.inputs." + i.name().toLowerCase(Locale.ROOT))), 1, row++);
        row = FieldGrid.addField(validation, grid, row, vm.q0Field(), "depthQ0Field");
        row = FieldGrid.addField(validation, grid, row, vm.samplesField(), "depthSamplesField");
        row = FieldGrid.addField(validation, grid, row, vm.networksField(), "depthNetworksField");
        row = FieldGrid.addField(validation, grid, row, vm.seedField(), "depthSeedField");
        grid.add(new Label(I18n.t("depth.heat")), 0, row);
        grid.add(FieldGrid.combo("depthHeat", vm.heatProperty(), PhaseDiagramViewModel.Heat.values(), h -> I18n.t("depth.heat." + h.name().toLowerCase(Locale.ROOT))), 1, row++);
        Button critical = new Button(I18n.t("depth.toCritical"));
        critical.setId("depthToCritical");
        critical.setOnAction(e -> vm.toCriticalLine(0));
        Button off = new Button(I18n.t("depth.offCritical"));
        off.setId("depthOffCritical");
        off.setOnAction(e -> vm.toCriticalLine(0.1));
        Label problems = new Label();
        problems.setId("depthValidationLabel");
        problems.setWrapText(true);
        problems.setStyle("-fx-text-fill: #b00020;");
        problems.textProperty().bind(vm.messageProperty());
        Label status = new Label();
        status.setId("depthMeasureStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.measureStatusProperty());
        VBox box = new VBox(8, grid, critical, off, status, problems);
        box.setPadding(new Insets(4, 8, 8, 4));
        box.setPrefWidth(300);
        ColumnConstraints labels = new ColumnConstraints(132);
        ColumnConstraints inputs = new ColumnConstraints(130);
        grid.getColumnConstraints().addAll(labels, inputs);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return sp;
    }

    private ScrollPane text() {
        Label summary = new Label();
        summary.setId("depthSummary");
        summary.setWrapText(true);
        summary.setStyle("-fx-font-weight: bold;");
        summary.textProperty().bind(vm.summaryProperty());
        Label corr = new Label();
        corr.setId("depthCorrelation");
        corr.setWrapText(true);
        corr.textProperty().bind(vm.correlationProperty());
        Label explain = new Label(I18n.t("depth.explain"));
        explain.setId("depthExplain");
        explain.setWrapText(true);
        VBox box = new VBox(8, summary, corr, explain);
        box.setPadding(new Insets(4));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return sp;
    }

    private ScrollPane jacobianText() {
        Label s = new Label();
        s.setId("depthSpectraSummary");
        s.setWrapText(true);
        s.setStyle("-fx-font-weight: bold;");
        s.textProperty().bind(vm.spectraSummaryProperty());
        Label explain = new Label(I18n.t("depth.explainJacobian"));
        explain.setWrapText(true);
        VBox box = new VBox(8, s, explain);
        box.setPadding(new Insets(4));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return sp;
    }

    // ---- drawing (FX thread) ------------------------------------------------------------------------

    private void drawPhase() {
        Phi phi = vm.activationProperty().get();
        double xMax = PhaseDiagram.xMaxFor(phi), yMax = PhaseDiagram.yMaxFor(phi);
        boolean chi = vm.heatProperty().get() == PhaseDiagramViewModel.Heat.CHI1;
        PhaseDiagram d = vm.diagramProperty().get();
        PlotCanvas p = phase;
        p.x0 = 0; p.x1 = xMax; p.y0 = 0; p.y1 = yMax;
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
        p.frame(0, xMax, 0, yMax, I18n.f(chi ? "depth.phaseTitle" : "depth.phaseTitleXi", phi.id()), "σ_w²", "σ_b²", null);
        p.clipToPlot();
        if (d != null && d.phi() == phi && d.criticalLine().size() > 1) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(2.2);
            g.setLineDashes();
            g.beginPath();
            boolean first = true;
            for (double[] pt : d.criticalLine()) {
                if (first) g.moveTo(p.px(pt[0]), p.py(pt[1])); else g.lineTo(p.px(pt[0]), p.py(pt[1]));
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
            g.setFill(Color.gray(0.4));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(I18n.t("depth.computingDiagram"), PlotCanvas.LEFT + p.plotW() / 2, PlotCanvas.TOP + p.plotH() / 2);
        }
        MeanField mf = vm.pointProperty().get();
        double yMark = mf == null ? 0 : mf.sigmaB2();
        // The catalogue's schemes at the current σ_b² (they are weight rules; the bias variance is the setting's).
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        int beyond = 0;
        // Schemes at the same σ_w² share one marker (LeCun, Xavier and orthogonal are all at 1 for square layers).
        java.util.Map<Double, String> byX = new java.util.TreeMap<>();
        for (PhaseDiagram.SchemePoint s : vm.schemePointsProperty().get()) {
            if (s.id().endsWith("-uniform") || s.id().equals("zeros")) continue; // same σ_w² as their normal twins; zeros at 0
            byX.merge(Math.round(s.sigmaW2() * 1e6) / 1e6, s.id(), (a, b) -> a + " / " + b);
        }
        for (var e : byX.entrySet()) {
            double x = e.getKey();
            if (x > xMax) {
                g.setFill(Color.gray(0.15));
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText("→ " + e.getValue() + " (σ_w² = " + PlotCanvas.trim(x) + ")", PlotCanvas.LEFT + p.plotW() - 4, PlotCanvas.TOP + 30 + 13 * beyond++);
                g.setTextAlign(TextAlignment.LEFT);
                continue;
            }
            double sx = p.px(x), sy = p.py(Math.min(yMark, yMax));
            g.setFill(Color.WHITE);
            g.setStroke(Color.BLACK);
            g.setLineWidth(1);
            g.fillPolygon(new double[] {sx, sx + 5, sx, sx - 5}, new double[] {sy - 5, sy, sy + 5, sy}, 4);
            g.strokePolygon(new double[] {sx, sx + 5, sx, sx - 5}, new double[] {sy - 5, sy, sy + 5, sy}, 4);
            g.setFill(Color.BLACK);
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
        return t < 0 ? Color.color(1 + 0.75 * t, 1 + 0.55 * t, 1 + 0.2 * t) : Color.color(1 - 0.15 * t, 1 - 0.75 * t, 1 - 0.8 * t);
    }

    /** log₁₀ of the depth scale from 0 (dark) to 2.5 (light): long scales are where deep networks train. */
    static Color sequential(double xi) {
        double t = Double.isInfinite(xi) ? 1 : Math.max(0, Math.min(1, Math.log10(Math.max(1e-3, xi) + 1) / 2.5));
        return Color.color(0.1 + 0.85 * t, 0.1 + 0.8 * t * t + 0.1 * t, 0.3 + 0.3 * t - 0.4 * t * t);
    }

    private void drawQ() {
        List<PlotPoint> a = vm.qAnalytic().points(), m = vm.qMeasured().points();
        if (a.isEmpty()) return;
        double max = 0;
        for (PlotPoint p : a) if (Double.isFinite(p.y())) max = Math.max(max, p.y());
        for (double[] b : vm.qMeasured().band()) if (Double.isFinite(b[2])) max = Math.max(max, b[2]);
        if (max > 1e6 || max == 0) max = Math.max(1, Math.min(max, 1e6));
        qPlot.frame(0, a.size() - 1, 0, max * 1.08, I18n.t("depth.qTitle"), I18n.t("depth.layer"), "q^l", null);
        qPlot.clipToPlot();
        qPlot.band(vm.qMeasured().band(), MEASURED);
        qPlot.line(a, ANALYTIC, 2);
        qPlot.points(m, MEASURED);
        qPlot.unclip();
        qPlot.legend(List.of(I18n.t("depth.analytic"), I18n.t("depth.measuredBand")), List.of(ANALYTIC, MEASURED), false);
    }

    private void drawGrad() {
        List<PlotPoint> a = vm.gradPredicted().points(), m = vm.gradMeasured().points();
        if (a.isEmpty()) return;
        double lo = 0, hi = 0;
        for (PlotPoint p : a) if (Double.isFinite(p.y())) { lo = Math.min(lo, p.y()); hi = Math.max(hi, p.y()); }
        for (double[] b : vm.gradMeasured().band()) if (Double.isFinite(b[1]) && Double.isFinite(b[2])) { lo = Math.min(lo, b[1]); hi = Math.max(hi, b[2]); }
        lo = Math.max(lo, -60);
        hi = Math.min(hi, 60);
        double pad = Math.max(0.3, (hi - lo) * 0.08);
        gradPlot.frame(1, Math.max(2, a.size()), lo - pad, hi + pad, I18n.t("depth.gradTitle"), I18n.t("depth.layer"), I18n.t("depth.gradAxis"),
                t -> "10^" + PlotCanvas.trim(t));
        gradPlot.clipToPlot();
        gradPlot.band(vm.gradMeasured().band(), MEASURED);
        gradPlot.line(a, ANALYTIC, 2);
        gradPlot.points(m, MEASURED);
        gradPlot.unclip();
        gradPlot.legend(List.of(I18n.t("depth.gradPredicted"), I18n.t("depth.measuredBand")), List.of(ANALYTIC, MEASURED), true);
    }

    private void drawJacobian() {
        MeasurementsViewModel.Spectra s = vm.spectraProperty().get();
        if (s == null) {
            jacPlot.frame(-3, 3, 0, 1, I18n.t("depth.jacobianTitle"), I18n.t("depth.jacobianAxis"), I18n.t("depth.fraction"), null);
            GraphicsContext g = jacPlot.g();
            g.setFill(Color.gray(0.4));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(I18n.t("depth.waitingJacobian"), PlotCanvas.LEFT + jacPlot.plotW() / 2, PlotCanvas.TOP + jacPlot.plotH() / 2);
            return;
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] v : List.of(s.gaussian(), s.orthogonal())) {
            for (double e : v) {
                double l = Math.log10(Math.max(e, 1e-12));
                lo = Math.min(lo, l);
                hi = Math.max(hi, l);
            }
        }
        lo = Math.max(lo, -8);
        if (hi - lo < 0.5) { lo -= 0.25; hi += 0.25; }
        int bins = 40;
        double[] hg = hist(s.gaussian(), lo, hi, bins), ho = hist(s.orthogonal(), lo, hi, bins);
        double top = 0;
        for (int i = 0; i < bins; i++) top = Math.max(top, Math.max(hg[i], ho[i]));
        jacPlot.frame(lo, hi, 0, top * 1.1, I18n.f("depth.jacobianTitleN", Integer.toString(s.depth()), Integer.toString(s.width())),
                I18n.t("depth.jacobianAxis"), I18n.t("depth.fraction"), null);
        GraphicsContext g = jacPlot.g();
        double w = (hi - lo) / bins;
        Color gc = Color.color(GAUSS.getRed(), GAUSS.getGreen(), GAUSS.getBlue(), 0.6);
        g.setFill(gc);
        for (int i = 0; i < bins; i++) {
            if (hg[i] == 0) continue;
            double x = jacPlot.px(lo + i * w), x2 = jacPlot.px(lo + (i + 1) * w), y = jacPlot.py(hg[i]);
            g.fillRect(x, y, Math.max(1, x2 - x - 1), jacPlot.py(0) - y);
        }
        // Orthogonal as an outline over it, so both stay visible where they overlap.
        g.setStroke(ORTHO);
        g.setLineWidth(2);
        g.beginPath();
        g.moveTo(jacPlot.px(lo), jacPlot.py(0));
        for (int i = 0; i < bins; i++) {
            g.lineTo(jacPlot.px(lo + i * w), jacPlot.py(ho[i]));
            g.lineTo(jacPlot.px(lo + (i + 1) * w), jacPlot.py(ho[i]));
        }
        g.lineTo(jacPlot.px(hi), jacPlot.py(0));
        g.stroke();
        jacPlot.legend(List.of(I18n.t("depth.gaussianWeights"), I18n.t("depth.orthogonalWeights")), List.of(GAUSS, ORTHO), true);
    }

    private static double[] hist(double[] v, double lo, double hi, int bins) {
        double[] h = new double[bins];
        for (double e : v) {
            double l = Math.log10(Math.max(e, 1e-12));
            int b = (int) Math.floor((l - lo) / (hi - lo) * bins);
            h[Math.max(0, Math.min(bins - 1, b))] += 1.0 / v.length;
        }
        return h;
    }
}
