package org.initlab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The chart frames; the axis is a node, so the FX toolkit is started (it is in no scene: any thread may change it). */
@ExtendWith(ApplicationExtension.class)
class GrowingChartAxesTest {
    @Test
    void floorIsTheMultipleOfTenJustBelowTheLowestPointAndAtMostNinety() {
        assertEquals(50, GrowingChartAxes.floorBelow(57.3));
        assertEquals(10, GrowingChartAxes.floorBelow(10.0));
        assertEquals(0, GrowingChartAxes.floorBelow(9.99));
        assertEquals(90, GrowingChartAxes.floorBelow(96.1), "a gap under the curve even when every point is high");
        assertEquals(0, GrowingChartAxes.floorBelow(-3), "never below 0 percent");
        assertEquals(
                50,
                GrowingChartAxes.floorBelow(Double.POSITIVE_INFINITY),
                "nothing shown yet: where accuracy curves begin");
    }

    @Test
    void theFloorOnlyFallsWhileACurveGrowsAndIsRefittedWhenTheShownSeriesChange() {
        javafx.scene.chart.NumberAxis y = new javafx.scene.chart.NumberAxis();
        javafx.collections.ObservableList<javafx.scene.chart.XYChart.Series<Number, Number>> shown =
                javafx.collections.FXCollections.observableArrayList();
        javafx.scene.chart.XYChart.Series<Number, Number> run = new javafx.scene.chart.XYChart.Series<>();
        shown.add(run);
        GrowingChartAxes.percentFloor(y, shown);
        assertEquals(50, y.getLowerBound(), "an empty chart");
        run.getData().add(new javafx.scene.chart.XYChart.Data<>(0.1, 57.3));
        assertEquals(50, y.getLowerBound(), "a first point above the floor leaves the frame still");
        run.getData().add(new javafx.scene.chart.XYChart.Data<>(0.2, 43.0));
        assertEquals(40, y.getLowerBound());
        assertEquals(10, y.getTickUnit(), "60 points of range: ticks every 10");
        run.getData().add(new javafx.scene.chart.XYChart.Data<>(1, 96.0));
        assertEquals(40, y.getLowerBound(), "never rises while the curve climbs");

        javafx.scene.chart.XYChart.Series<Number, Number> opened = new javafx.scene.chart.XYChart.Series<>();
        opened.getData().add(new javafx.scene.chart.XYChart.Data<>(0, 92.5));
        shown.setAll(opened);
        assertEquals(90, y.getLowerBound(), "other series shown: fitted to them");
        assertEquals(5, y.getTickUnit());
    }

    @Test
    void theFloorIsBelowTheLowestSeedOfABandNotOnlyBelowTheMeanLine() {
        javafx.scene.chart.NumberAxis y = new javafx.scene.chart.NumberAxis();
        javafx.collections.ObservableList<javafx.scene.chart.XYChart.Series<Number, Number>> shown =
                javafx.collections.FXCollections.observableArrayList();
        javafx.scene.chart.XYChart.Series<Number, Number> mean = new javafx.scene.chart.XYChart.Series<>();
        java.util.List<double[]> band = new java.util.ArrayList<>();
        GrowingChartAxes.percentFloor(y, shown, s -> s == mean ? band : java.util.List.of());
        shown.add(mean);
        band.add(new double[] {0.1, 43.0, 61.0}); // a run's first probe: the mean is 57, its lowest seed 43
        mean.getData().add(new javafx.scene.chart.XYChart.Data<>(0.1, 57.0));
        assertEquals(40, y.getLowerBound(), "a band under the floor lowers it while the curve grows");
        band.clear();
        band.add(new double[] {1, 72.9, 91.0}); // the lowest of five seeds after epoch 0; their mean is 85.2
        mean.getData().setAll(new javafx.scene.chart.XYChart.Data<>(1, 85.2));
        shown.setAll(mean);
        assertEquals(
                70,
                y.getLowerBound(),
                "refitted to the band: the seed at 72.9 is in the frame (the mean alone gave 80)");
    }

    @Test
    void epochTicksStepOneTwoFiveWithAtMostAboutTwelveTicks() {
        assertEquals(1, GrowingChartAxes.tickUnit(2));
        assertEquals(1, GrowingChartAxes.tickUnit(12));
        assertEquals(2, GrowingChartAxes.tickUnit(13));
        assertEquals(5, GrowingChartAxes.tickUnit(30));
        assertEquals(10, GrowingChartAxes.tickUnit(100));
        assertEquals(100, GrowingChartAxes.tickUnit(1000));
    }
}
