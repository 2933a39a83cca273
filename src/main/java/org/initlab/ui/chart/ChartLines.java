package org.initlab.ui.chart;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The chart side of {@link PlotLine}s: one series per line, made once and kept in step with it. A point
 * appended to a line is appended to its series (the segment charts then repaint only the new segment); any
 * other change replaces the series' points in one change. A point's label becomes its extra value, which the
 * charts' single tooltip shows.
 */
public final class ChartLines {
    private final Map<PlotLine, XYChart.Series<Number, Number>> seriesOf = new IdentityHashMap<>();
    private final Map<XYChart.Series<Number, Number>, PlotLine> lineOf = new IdentityHashMap<>();
    private final ObservableList<XYChart.Series<Number, Number>> shown = FXCollections.observableArrayList();

    /** The series for {@code lines}, following it: the list a chart takes as its data. */
    public ChartLines(ObservableList<PlotLine> lines) {
        lines.addListener((ListChangeListener<PlotLine>) c -> sync(lines));
        sync(lines);
    }

    public ObservableList<XYChart.Series<Number, Number>> series() {
        return shown;
    }

    /** The band of the line behind {@code s} (empty for none): what {@link BandLineChart} shades. */
    public List<double[]> bandOf(XYChart.Series<Number, Number> s) {
        PlotLine line = lineOf.get(s);
        return line == null ? List.of() : line.band();
    }

    private void sync(List<PlotLine> lines) {
        // A line hidden and shown again (every seed on demand) keeps its series; a cleared list starts afresh.
        if (lines.isEmpty()) {
            seriesOf.clear();
            lineOf.clear();
        }
        List<XYChart.Series<Number, Number>> now = new ArrayList<>(lines.size());
        for (PlotLine line : lines) now.add(seriesOf.computeIfAbsent(line, this::follow));
        shown.setAll(now);
    }

    private XYChart.Series<Number, Number> follow(PlotLine line) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.nameProperty().bind(line.nameProperty());
        s.getData().setAll(data(line.points()));
        line.points().addListener((ListChangeListener<PlotPoint>) c -> {
            boolean appendOnly = true;
            List<PlotPoint> added = new ArrayList<>();
            while (c.next()) {
                if (c.wasAdded()
                        && !c.wasRemoved()
                        && c.getFrom() == s.getData().size() + added.size()) added.addAll(c.getAddedSubList());
                else appendOnly = false;
            }
            if (appendOnly) s.getData().addAll(data(added));
            else s.getData().setAll(data(line.points()));
        });
        lineOf.put(s, line);
        return s;
    }

    private static List<XYChart.Data<Number, Number>> data(List<PlotPoint> points) {
        List<XYChart.Data<Number, Number>> out = new ArrayList<>(points.size());
        for (PlotPoint p : points) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.x(), p.y());
            if (!p.label().isEmpty()) d.setExtraValue(p.label());
            out.add(d);
        }
        return out;
    }
}
