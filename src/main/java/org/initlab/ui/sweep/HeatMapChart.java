package org.initlab.ui.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.chart.Chart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;

/**
 * Final accuracy over a grid of two swept parameters, one coloured cell each (dark: chance, bright: learnt),
 * the value written in it; × marks a cell with a diverged run. A {@link Chart}, so the window's PNG export
 * takes it like the other charts. Clicking a cell hands its first run's index to {@code onCell}. Over a depth ×
 * σ_w² map it draws the theory's curve the view-model hands it (pieces in grid coordinates), with a legend.
 */
final class HeatMapChart extends Chart {
    private final Pane plot = new Pane();
    private final List<StackPane> cells = new ArrayList<>();
    private final List<Text> xTicks = new ArrayList<>(), yTicks = new ArrayList<>();
    private final Text xTitle = new Text(), yTitle = new Text();
    private SweepViewModel.HeatMap data;
    private final IntConsumer onCell;
    /** The theory's curve over the map: pieces in grid coordinates, each drawn twice (a dark casing under a light dashed line). */
    private List<PlotLine> theory = List.of();

    private final List<Polyline> theoryLines = new ArrayList<>();
    private final Text theoryLegend = new Text();
    private final Line legendCasing = new Line(), legendSample = new Line();

    HeatMapChart(IntConsumer onCell) {
        this.onCell = onCell;
        getChartChildren().add(plot);
        setAnimated(false);
        setLegendVisible(false);
        yTitle.setRotate(-90);
    }

    /** The theory's curve (pieces in the map's grid coordinates) and its legend; an empty list for none. */
    void setTheory(List<PlotLine> pieces, String legend) {
        theory = List.copyOf(pieces);
        theoryLegend.setText(legend);
        build();
    }

    private static Polyline theoryLine(boolean casing) {
        Polyline l = new Polyline();
        l.setMouseTransparent(true);
        l.setStrokeWidth(casing ? 5 : 2.5);
        l.setStroke(casing ? Color.web("#000000", 0.55) : Color.WHITE);
        if (!casing) l.getStrokeDashArray().setAll(9.0, 5.0);
        l.setStrokeLineCap(javafx.scene.shape.StrokeLineCap.ROUND);
        return l;
    }

    void setData(SweepViewModel.HeatMap map) {
        boolean rebuild = data == null
                || map == null
                || data.xLabels().size() != map.xLabels().size()
                || data.yLabels().size() != map.yLabels().size();
        data = map;
        if (rebuild) build();
        else update();
    }

    private void build() {
        plot.getChildren().clear();
        cells.clear();
        xTicks.clear();
        yTicks.clear();
        if (data == null) return;
        for (int j = 0; j < data.yLabels().size(); j++) {
            for (int i = 0; i < data.xLabels().size(); i++) {
                Rectangle r = new Rectangle();
                Label l = new Label();
                l.setStyle("-fx-font-size: 10px;");
                StackPane cell = new StackPane(r, l);
                cell.setAlignment(Pos.CENTER);
                final int fi = i, fj = j;
                cell.setOnMouseClicked(e -> onCell.accept(data.firstRun()[fj][fi]));
                Tooltip.install(
                        cell,
                        new Tooltip(data.xName() + " " + data.xLabels().get(i) + ", " + data.yName() + " "
                                + data.yLabels().get(j)));
                cells.add(cell);
                plot.getChildren().add(cell);
            }
        }
        for (String s : data.xLabels()) xTicks.add(new Text(s));
        for (String s : data.yLabels()) yTicks.add(new Text(s));
        plot.getChildren().addAll(xTicks);
        plot.getChildren().addAll(yTicks);
        xTitle.setText(data.xName());
        yTitle.setText(data.yName());
        plot.getChildren().addAll(xTitle, yTitle);
        theoryLines.clear();
        for (int k = 0; k < theory.size(); k++) {
            Polyline casing = theoryLine(true), line = theoryLine(false);
            theoryLines.add(casing);
            theoryLines.add(line);
        }
        plot.getChildren().addAll(theoryLines);
        if (!theory.isEmpty()) {
            // The legend's sample is drawn as the curve is: a dark casing under a white dashed line.
            legendCasing.setStroke(Color.web("#000000", 0.55));
            legendCasing.setStrokeWidth(5);
            legendSample.setStroke(Color.WHITE);
            legendSample.setStrokeWidth(2.5);
            legendSample.getStrokeDashArray().setAll(9.0, 5.0);
            plot.getChildren().addAll(legendCasing, legendSample, theoryLegend);
        }
        update();
        requestChartLayout();
    }

    private void update() {
        if (data == null) return;
        int nx = data.xLabels().size();
        for (int j = 0; j < data.yLabels().size(); j++) {
            for (int i = 0; i < nx; i++) {
                StackPane cell = cells.get(j * nx + i);
                Rectangle r = (Rectangle) cell.getChildren().get(0);
                Label l = (Label) cell.getChildren().get(1);
                double v = data.value()[j][i];
                r.setFill(Double.isNaN(v) ? Color.gray(0.92) : colour(v));
                l.setText(
                        Double.isNaN(v)
                                ? ""
                                : String.format(java.util.Locale.ROOT, "%.1f%s", v, data.diverged()[j][i] ? " ×" : ""));
                l.setTextFill(Double.isNaN(v) || v > 60 ? Color.BLACK : Color.WHITE);
            }
        }
    }

    /** 10% (chance) dark blue → 100% yellow, through teal and green (a viridis-like ramp). */
    static Color colour(double percent) {
        double t = Math.max(0, Math.min(1, (percent - 10) / 90));
        Color[] ramp = {
            Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"), Color.web("#5ec962"), Color.web("#fde725")
        };
        double pos = t * (ramp.length - 1);
        int k = Math.min(ramp.length - 2, (int) pos);
        return ramp[k].interpolate(ramp[k + 1], pos - k);
    }

    @Override
    protected void layoutChartChildren(double top, double left, double width, double height) {
        plot.resizeRelocate(left, top, width, height);
        if (data == null) return;
        int nx = data.xLabels().size(), ny = data.yLabels().size();
        double padL = 70, padB = 45, padT = theory.isEmpty() ? 5 : 24, padR = 10;
        double cw = Math.max(1, (width - padL - padR) / nx), ch = Math.max(1, (height - padT - padB) / ny);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                StackPane cell = cells.get(j * nx + i);
                // The second parameter grows upwards.
                cell.resizeRelocate(padL + i * cw, padT + (ny - 1 - j) * ch, cw, ch);
                Rectangle r = (Rectangle) cell.getChildren().get(0);
                r.setWidth(Math.max(0, cw - 1));
                r.setHeight(Math.max(0, ch - 1));
            }
        }
        for (int i = 0; i < nx; i++) {
            Text t = xTicks.get(i);
            t.relocate(padL + (i + 0.5) * cw - t.getLayoutBounds().getWidth() / 2, padT + ny * ch + 4);
        }
        for (int j = 0; j < ny; j++) {
            Text t = yTicks.get(j);
            t.relocate(
                    padL - 8 - t.getLayoutBounds().getWidth(),
                    padT + (ny - 1 - j + 0.5) * ch - t.getLayoutBounds().getHeight() / 2);
        }
        for (int k = 0; k < theory.size(); k++) {
            List<Double> pts = new ArrayList<>();
            for (PlotPoint p : theory.get(k).points()) {
                pts.add(padL + (p.x() + 0.5) * cw);
                pts.add(padT + (ny - 0.5 - p.y()) * ch);
            }
            theoryLines.get(2 * k).getPoints().setAll(pts);
            theoryLines.get(2 * k + 1).getPoints().setAll(pts);
        }
        if (!theory.isEmpty()) {
            for (Line l : List.of(legendCasing, legendSample)) {
                l.setStartX(padL);
                l.setEndX(padL + 36);
                l.setStartY(padT / 2);
                l.setEndY(padT / 2);
            }
            theoryLegend.relocate(
                    padL + 44, padT / 2 - theoryLegend.getLayoutBounds().getHeight() / 2);
        }
        xTitle.relocate(padL + (nx * cw) / 2 - xTitle.getLayoutBounds().getWidth() / 2, padT + ny * ch + 24);
        yTitle.relocate(8 - yTitle.getLayoutBounds().getWidth() / 2 + 6, padT + ny * ch / 2);
    }
}
