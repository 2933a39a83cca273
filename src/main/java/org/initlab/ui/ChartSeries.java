package org.initlab.ui;

import javafx.scene.chart.XYChart;
import org.initlab.theory.Histogram;
import org.initlab.theory.Normal;

/** Builders of chart series from theory results: histogram steps and density curves. */
final class ChartSeries {
    private ChartSeries() {}

    /** A histogram as a step outline scaled to a density, so it sits on the same axis as a density curve. */
    static XYChart.Series<Number, Number> histogramSteps(String name, Histogram h) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().add(new XYChart.Data<>(h.edge(0), 0));
        for (int i = 0; i < h.bins(); i++) {
            s.getData().add(new XYChart.Data<>(h.edge(i), h.density(i)));
            s.getData().add(new XYChart.Data<>(h.edge(i + 1), h.density(i)));
        }
        s.getData().add(new XYChart.Data<>(h.edge(h.bins()), 0));
        return s;
    }

    static XYChart.Series<Number, Number> normalCurve(String name, double std, double min, double max, int points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (int i = 0; i <= points; i++) {
            double z = min + (max - min) * i / points;
            s.getData().add(new XYChart.Data<>(z, std > 0 ? Normal.density(z, 0, std) : 0));
        }
        return s;
    }

    static XYChart.Series<Number, Number> curve(String name, java.util.function.DoubleUnaryOperator f, double min, double max, int points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (int i = 0; i <= points; i++) {
            double z = min + (max - min) * i / points;
            s.getData().add(new XYChart.Data<>(z, f.applyAsDouble(z)));
        }
        return s;
    }
}
