package org.initlab.ui.chart;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;
import javafx.scene.shape.Path;

/**
 * A line chart that draws each series as one line per segment instead of one path. A new point then
 * changes one short line, so only its few pixels are repainted: with one path, whose bounds cover the
 * whole curve, every point repainted the whole plot area (12–16 ms, up to ~40 ms, in software rendering,
 * in every training pulse that brought an epoch). The series' own path stays, hidden, for its colour.
 */
public class SegmentLineChart extends LineChart<Number, Number> {
    private final Map<XYChart.Series<Number, Number>, List<Line>> segments = new IdentityHashMap<>();

    /** The chart's own grid, switched off below: it rebuilds its grid paths on every layout, repainting the plot. */
    private final List<Line> grid = new ArrayList<>();
    /**
     * Layers placed once under the points' symbols; lines are appended to them. Inserting a node before
     * others in the plot (rather than after) makes JavaFX repaint the whole plot.
     */
    private final javafx.scene.Group gridLayer = new javafx.scene.Group(), lineLayer = new javafx.scene.Group();
    /** A vertical line at the x the window's epoch cursor points at (none until {@link #markX} is called). */
    private final Line marker = new Line();

    private javafx.beans.value.ObservableIntegerValue markerX;

    public SegmentLineChart(NumberAxis x, NumberAxis y, ObservableList<XYChart.Series<Number, Number>> data) {
        super(x, y, data);
        setHorizontalGridLinesVisible(false);
        setVerticalGridLinesVisible(false);
        setAlternativeRowFillVisible(false);
        setAlternativeColumnFillVisible(false);
        gridLayer.setMouseTransparent(true);
        lineLayer.setMouseTransparent(true);
        gridLayer.setManaged(false);
        lineLayer.setManaged(false);
        getPlotChildren().addAll(0, List.of(gridLayer, lineLayer));
        marker.setManaged(false);
        marker.setMouseTransparent(true);
        marker.setVisible(false);
        marker.getStyleClass().add("epoch-marker");
        marker.setStroke(javafx.scene.paint.Color.gray(0.35));
        marker.getStrokeDashArray().setAll(6.0, 4.0);
        getPlotChildren().add(marker);
    }

    /** Marks x = {@code x}'s value with a dashed vertical line, moved without relayout when it changes. */
    public void markX(javafx.beans.value.ObservableIntegerValue x) {
        markerX = x;
        x.addListener((o, a, b) -> placeMarker());
        placeMarker();
    }

    private void placeMarker() {
        if (markerX == null) return;
        boolean any = getData().stream().anyMatch(s -> !s.getData().isEmpty());
        marker.setVisible(any);
        if (!any) return;
        double px = getXAxis().getDisplayPosition(markerX.get());
        marker.setStartX(px);
        marker.setEndX(px);
        marker.setStartY(0);
        marker.setEndY(getYAxis().getHeight());
    }

    /** Grid lines at the axes' ticks, as lines that change only when the ticks do. */
    private void layoutGrid() {
        List<double[]> wanted = new ArrayList<>();
        double width = getXAxis().getWidth(), height = getYAxis().getHeight();
        for (var tick : getXAxis().getTickMarks())
            wanted.add(new double[] {tick.getPosition(), 0, tick.getPosition(), height, 0});
        for (var tick : getYAxis().getTickMarks())
            wanted.add(new double[] {0, tick.getPosition(), width, tick.getPosition(), 1});
        while (grid.size() > wanted.size()) gridLayer.getChildren().remove(grid.remove(grid.size() - 1));
        while (grid.size() < wanted.size()) {
            Line line = new Line();
            grid.add(line);
            gridLayer.getChildren().add(line);
        }
        for (int i = 0; i < wanted.size(); i++) {
            double[] w = wanted.get(i);
            Line line = grid.get(i);
            String style = w[4] == 0 ? "chart-vertical-grid-lines" : "chart-horizontal-grid-lines";
            if (!line.getStyleClass().contains(style)) line.getStyleClass().setAll(style);
            line.setStartX(w[0]);
            line.setStartY(w[1]);
            line.setEndX(w[2]);
            line.setEndY(w[3]);
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        layoutGrid();
        placeMarker();
        segments.keySet().removeIf(s -> {
            if (getData().contains(s)) return false;
            lineLayer.getChildren().removeAll(segments.get(s));
            return true;
        });
        for (XYChart.Series<Number, Number> s : getData()) {
            if (!(s.getNode() instanceof Path path)) continue;
            path.setVisible(false);
            List<Line> lines = segments.computeIfAbsent(s, k -> new ArrayList<>());
            List<XYChart.Data<Number, Number>> points = s.getData();
            int needed = Math.max(0, points.size() - 1);
            while (lines.size() > needed) lineLayer.getChildren().remove(lines.remove(lines.size() - 1));
            while (lines.size() < needed) {
                Line line = new Line();
                line.getStyleClass().setAll(path.getStyleClass()); // the series' stroke colour and width
                lines.add(line);
                lineLayer.getChildren().add(line);
            }
            for (int i = 0; i < needed; i++) {
                Line line = lines.get(i);
                // Setting a coordinate to its current value changes nothing: unchanged lines are not repainted.
                line.setStartX(getXAxis().getDisplayPosition(points.get(i).getXValue()));
                line.setStartY(getYAxis().getDisplayPosition(points.get(i).getYValue()));
                line.setEndX(getXAxis().getDisplayPosition(points.get(i + 1).getXValue()));
                line.setEndY(getYAxis().getDisplayPosition(points.get(i + 1).getYValue()));
            }
        }
    }
}
