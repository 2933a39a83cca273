package org.initlab.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.initlab.math.Normal;
import org.initlab.theory.Histogram;

/**
 * Builders of chart series from theory results: histogram steps and density curves. Points are collected
 * first and set in one change: a Series checks its whole list for duplicates on every change, so adding
 * hundreds of points one by one costs quadratic time on the FX thread.
 */
public final class ChartSeries {
    private ChartSeries() {}

    /** A histogram as a step outline scaled to a density, so it sits on the same axis as a density curve. */
    public static XYChart.Series<Number, Number> histogramSteps(String name, Histogram h) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(2 * h.bins() + 2);
        points.add(new XYChart.Data<>(h.edge(0), 0));
        for (int i = 0; i < h.bins(); i++) {
            points.add(new XYChart.Data<>(h.edge(i), h.density(i)));
            points.add(new XYChart.Data<>(h.edge(i + 1), h.density(i)));
        }
        points.add(new XYChart.Data<>(h.edge(h.bins()), 0));
        return series(name, points);
    }

    public static XYChart.Series<Number, Number> normalCurve(
            String name, double std, double min, double max, int points) {
        return curve(name, z -> std > 0 ? Normal.density(z, 0, std) : 0, min, max, points);
    }

    public static XYChart.Series<Number, Number> curve(
            String name, java.util.function.DoubleUnaryOperator f, double min, double max, int points) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points + 1);
        for (int i = 0; i <= points; i++) {
            double z = min + (max - min) * i / points;
            data.add(new XYChart.Data<>(z, f.applyAsDouble(z)));
        }
        return series(name, data);
    }

    public static XYChart.Series<Number, Number> series(String name, List<XYChart.Data<Number, Number>> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().setAll(points);
        return s;
    }
}
