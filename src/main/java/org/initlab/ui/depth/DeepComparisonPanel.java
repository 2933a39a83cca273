package org.initlab.ui.depth;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonTarget;
import org.initlab.ui.chart.PlotLine;

// Exists so the trained comparison (curves per step beside each network's Jacobian spectrum) is one small view.
/**
 * The Depth tab's trained comparison: on the left each scheme's test accuracy after each chosen step (its mean
 * over seeds with the min–max band), on the right the squared singular values of the input–output Jacobian of a
 * network of the same shape and scheme at initialization, one outline per scheme in the same colour; the numbers
 * in words below. It only binds and draws; {@link DeepComparisonViewModel} computes.
 */
final class DeepComparisonPanel {
    final GridPane node = new GridPane();
    private final DeepComparisonViewModel vm;
    private final PlotCanvas curves;
    private final PlotCanvas spectra;

    DeepComparisonPanel(DeepComparisonViewModel vm) {
        this.vm = vm;
        curves = new PlotCanvas(this::drawCurves);
        curves.setId("depthComparisonCurves");
        LessonTarget.mark(curves, "depth", "depthComparisonCurves");
        spectra = new PlotCanvas(this::drawSpectra);
        spectra.setId("depthComparisonSpectra");
        LessonTarget.mark(spectra, "depth", "depthComparisonSpectra");
        vm.changesProperty().addListener((o, a, b) -> redraw());
        vm.spectraProperty().addListener((o, a, b) -> redraw());

        Label status = new Label();
        status.setId("depthComparisonStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label numbers = new Label();
        numbers.setId("depthComparisonNumbers");
        LessonTarget.mark(numbers, "depth", "depthComparisonNumbers");
        numbers.setWrapText(true);
        numbers.setStyle("-fx-font-weight: bold;");
        numbers.textProperty().bind(vm.numbersProperty());
        Label explain = new Label(I18n.t("depth.cmp.explain"));
        explain.setWrapText(true);
        javafx.scene.layout.VBox words = new javafx.scene.layout.VBox(6, status, numbers, explain);
        words.setPadding(new Insets(4));
        ScrollPane wordsScroll = new ScrollPane(words);
        wordsScroll.setFitToWidth(true);
        wordsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        node.setHgap(8);
        node.setVgap(8);
        node.setPadding(new Insets(8));
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(50);
        c.setHgrow(Priority.ALWAYS);
        node.getColumnConstraints().addAll(c, c);
        RowConstraints top = new RowConstraints(), bottom = new RowConstraints();
        top.setPercentHeight(64);
        bottom.setPercentHeight(36);
        top.setVgrow(Priority.ALWAYS);
        bottom.setVgrow(Priority.ALWAYS);
        node.getRowConstraints().addAll(top, bottom);
        node.add(curves, 0, 0);
        node.add(spectra, 1, 0);
        node.add(wordsScroll, 0, 1, 2, 1);
    }

    void redraw() {
        curves.redraw();
        spectra.redraw();
    }

    /** The scheme colours of the lab's chart palette (Okabe–Ito), light or dark. */
    private static Color color(PlotCanvas on, int i) {
        String[] light = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};
        String[] dark = {"#56B4E9", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#0072B2"};
        return Color.web((on.dark() ? dark : light)[i % light.length]);
    }

    private void drawCurves() {
        List<PlotLine> lines = vm.curves();
        double lo = 100;
        for (PlotLine l : lines) {
            for (var p : l.points()) lo = Math.min(lo, p.y());
            for (double[] b : l.band()) lo = Math.min(lo, b[1]);
        }
        double floor = Math.max(0, Math.min(90, Math.floor(lo / 10) * 10));
        int last = Math.max(1, vm.lastStep());
        curves.frame(
                0,
                last,
                floor,
                100,
                I18n.t("depth.cmp.curvesTitle"),
                I18n.t("axis.stepsTrained"),
                I18n.t("axis.testAccuracy"),
                null);
        if (lines.stream().allMatch(l -> l.points().isEmpty())) {
            note(curves, I18n.t(lines.isEmpty() ? "depth.cmp.noCurves" : "depth.cmp.waitingCurves"));
            return;
        }
        curves.clipToPlot();
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Color col = color(curves, i);
            curves.band(lines.get(i).band(), col);
            curves.line(lines.get(i).points(), col, 2);
            curves.points(lines.get(i).points(), col);
            names.add(lines.get(i).name());
            colors.add(col);
        }
        curves.unclip();
        curves.legend(names, colors, false);
    }

    private void drawSpectra() {
        List<DeepComparisonViewModel.SchemeSpectrum> s = vm.spectraProperty().get();
        if (s.isEmpty()) {
            spectra.frame(
                    -3,
                    3,
                    0,
                    1,
                    I18n.t("depth.cmp.spectraTitle"),
                    I18n.t("depth.jacobianAxis"),
                    I18n.t("depth.fraction"),
                    null);
            note(spectra, vm.statusProperty().get());
            return;
        }
        double[] range = JacobianPanel.log10Range(
                s.stream().map(DeepComparisonViewModel.SchemeSpectrum::values).toList());
        double lo = range[0], hi = range[1];
        int bins = 40;
        List<double[]> hists = new ArrayList<>();
        double top = 0;
        for (var sp : s) {
            double[] h = JacobianPanel.hist(sp.values(), lo, hi, bins);
            hists.add(h);
            for (double v : h) top = Math.max(top, v);
        }
        spectra.frame(
                lo,
                hi,
                0,
                top * 1.1,
                I18n.t("depth.cmp.spectraTitle"),
                I18n.t("depth.jacobianAxis"),
                I18n.t("depth.fraction"),
                null);
        GraphicsContext g = spectra.g();
        double w = (hi - lo) / bins;
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (int k = 0; k < hists.size(); k++) {
            Color col = color(spectra, k);
            double[] h = hists.get(k);
            // Filled faintly and outlined, so every scheme stays visible where they overlap.
            g.setFill(Color.color(col.getRed(), col.getGreen(), col.getBlue(), 0.25));
            g.setStroke(col);
            g.setLineWidth(2);
            g.beginPath();
            g.moveTo(spectra.px(lo), spectra.py(0));
            for (int i = 0; i < bins; i++) {
                double x = spectra.px(lo + i * w), x2 = spectra.px(lo + (i + 1) * w), y = spectra.py(h[i]);
                g.lineTo(x, y);
                g.lineTo(x2, y);
                if (h[i] > 0) spectra.occupyRect(x, y, x2 - x, spectra.py(0) - y);
            }
            g.lineTo(spectra.px(hi), spectra.py(0));
            g.closePath();
            g.fill();
            g.stroke();
            names.add(s.get(k).name());
            colors.add(col);
        }
        spectra.legend(names, colors, true);
    }

    /** A note in the plot's middle, wrapped to the plot's width. */
    private static void note(PlotCanvas c, String text) {
        GraphicsContext g = c.g();
        javafx.scene.text.Font font = javafx.scene.text.Font.font(11);
        g.setFont(font);
        g.setFill(c.faint());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && PlotCanvas.textWidth(longer, font) > c.plotW() - 12) {
                lines.add(line);
                line = word;
            } else line = longer;
        }
        if (!line.isEmpty()) lines.add(line);
        double top = PlotCanvas.TOP + c.plotH() / 2 - (lines.size() - 1) * 7.5;
        for (int i = 0; i < lines.size(); i++) g.fillText(lines.get(i), PlotCanvas.LEFT + c.plotW() / 2, top + 15 * i);
    }
}
