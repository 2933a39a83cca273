package org.initlab.ui.chart;

import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.initlab.format.TickStep;

/**
 * Fixed frames for the charts that grow while training. An auto-ranging axis re-measures every tick label
 * on each new point (20–35 ms of layout per epoch end on a 2-core laptop, the largest cost of a training
 * pulse); these frames change only when a run with another length starts (x) or a point falls below the
 * floor (y) — a few times a run. The curves also grow into a frame that stays still, which reads better.
 */
public final class GrowingChartAxes {
    private GrowingChartAxes() {}

    /** x from 0 to the planned number of epochs, ticks on a 1-2-5 step. */
    public static void epochs(NumberAxis x, ObservableIntegerValue planned) {
        x.setAutoRanging(false);
        x.setLowerBound(0);
        Runnable fit = () -> {
            int upper = Math.max(1, planned.get());
            x.setUpperBound(upper);
            x.setTickUnit(tickUnit(upper));
        };
        planned.addListener((o, a, b) -> fit.run());
        fit.run();
    }

    /**
     * y (percent) from a floor below every point shown, a multiple of 10 no higher than 90, to 100. The
     * floor is fitted when the series shown change and lowered when a point falls under it; during a run it
     * never rises, so the frame stays still while the curves climb.
     */
    public static void percentFloor(NumberAxis y, ObservableList<XYChart.Series<Number, Number>> shown) {
        percentFloor(y, shown, s -> java.util.List.of());
    }

    /**
     * The same, with bands ({x, low, high} per point) behind the series: the floor is also below every band's
     * low edge, so that a seed quoted from the band (the lowest of five seeds) is inside the frame.
     */
    public static void percentFloor(
            NumberAxis y,
            ObservableList<XYChart.Series<Number, Number>> shown,
            java.util.function.Function<XYChart.Series<Number, Number>, java.util.List<double[]>> bandOf) {
        y.setAutoRanging(false);
        y.setUpperBound(100);
        Runnable fit = () -> {
            double lowest = lowestBand(shown, bandOf);
            for (XYChart.Series<Number, Number> s : shown) {
                for (XYChart.Data<Number, Number> d : s.getData())
                    lowest = Math.min(lowest, d.getYValue().doubleValue());
            }
            double floor = floorBelow(lowest);
            // Setting an unchanged bound is free, but say it once: only a new floor relayouts the axis.
            if (y.getLowerBound() != floor) {
                y.setLowerBound(floor);
                y.setTickUnit(100 - floor > 50 ? 10 : 5);
            }
        };
        ListChangeListener<XYChart.Data<Number, Number>> points = c -> {
            while (c.next()) {
                for (XYChart.Data<Number, Number> d : c.getAddedSubList()) {
                    if (d.getYValue().doubleValue() < y.getLowerBound()
                            || lowestBand(shown, bandOf) < y.getLowerBound()) {
                        fit.run();
                        return;
                    }
                }
                if (c.wasRemoved()) {
                    fit.run();
                    return;
                }
            }
        };
        shown.addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(s -> s.getData().removeListener(points));
                c.getAddedSubList().forEach(s -> s.getData().addListener(points));
            }
            fit.run();
        });
        shown.forEach(s -> s.getData().addListener(points));
        fit.run();
    }

    private static double lowestBand(
            ObservableList<XYChart.Series<Number, Number>> shown,
            java.util.function.Function<XYChart.Series<Number, Number>, java.util.List<double[]>> bandOf) {
        double lowest = Double.POSITIVE_INFINITY;
        for (XYChart.Series<Number, Number> s : shown)
            for (double[] b : bandOf.apply(s)) if (!Double.isNaN(b[1])) lowest = Math.min(lowest, b[1]);
        return lowest;
    }

    /**
     * The floor of an empty chart. Accuracy curves on these datasets pass 50% within their first tenth of an
     * epoch, so a run starting from 50 rarely moves the frame. Moving it repaints the whole chart (25–57 ms
     * in software rendering, on top of the run's first epochs); from 90 every run moved it once or twice.
     */
    public static final double EMPTY_FLOOR = 50;

    /** The largest multiple of 10 at or below {@code lowest}, within [0, 90]; {@link #EMPTY_FLOOR} when there is nothing yet. */
    public static double floorBelow(double lowest) {
        if (Double.isNaN(lowest) || lowest == Double.POSITIVE_INFINITY) return EMPTY_FLOOR;
        return Math.max(0, Math.min(90, Math.floor(lowest / 10) * 10));
    }

    /** A 1-2-5 step, at least 1 (epochs are whole), that puts at most about twelve ticks on [0, range]. */
    public static double tickUnit(double range) {
        return Math.max(1, TickStep.atLeast(range / 12));
    }
}
