package org.initlab.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;

/** A line chart that shades a band (e.g. min–max over seeds) behind a series, in the series' own colour. */
public final class BandLineChart extends SegmentLineChart {
    private final Function<XYChart.Series<Number, Number>, List<double[]>> bands;
    private final List<Polygon> drawn = new ArrayList<>();

    /** {@code bands} gives, per series, points {x, low, high} in data coordinates (empty: no band). */
    public BandLineChart(
            NumberAxis x,
            NumberAxis y,
            javafx.collections.ObservableList<XYChart.Series<Number, Number>> data,
            Function<XYChart.Series<Number, Number>, List<double[]>> bands) {
        super(x, y, data);
        this.bands = bands;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        getPlotChildren().removeAll(drawn);
        drawn.clear();
        for (XYChart.Series<Number, Number> s : getData()) {
            List<double[]> band = bands.apply(s);
            if (band == null || band.size() < 2) continue;
            Polygon p = new Polygon();
            for (double[] b : band)
                p.getPoints()
                        .addAll(getXAxis().getDisplayPosition(b[0]), getYAxis().getDisplayPosition(b[2]));
            for (int i = band.size() - 1; i >= 0; i--)
                p.getPoints()
                        .addAll(
                                getXAxis().getDisplayPosition(band.get(i)[0]),
                                getYAxis().getDisplayPosition(band.get(i)[1]));
            Paint stroke = s.getNode() instanceof Path path ? path.getStroke() : null;
            Color c = stroke instanceof Color color ? color : Color.GRAY;
            p.setFill(Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.18));
            p.setStroke(null);
            p.setMouseTransparent(true);
            drawn.add(p);
        }
        getPlotChildren().addAll(0, drawn);
    }
}
