package org.initlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GrowingChartAxesTest {
    @Test
    void floorIsTheMultipleOfTenJustBelowTheLowestPointAndAtMostNinety() {
        assertEquals(50, GrowingChartAxes.floorBelow(57.3));
        assertEquals(10, GrowingChartAxes.floorBelow(10.0));
        assertEquals(0, GrowingChartAxes.floorBelow(9.99));
        assertEquals(90, GrowingChartAxes.floorBelow(96.1), "a gap under the curve even when every point is high");
        assertEquals(0, GrowingChartAxes.floorBelow(-3), "never below 0 percent");
        assertEquals(90, GrowingChartAxes.floorBelow(Double.POSITIVE_INFINITY), "nothing shown yet");
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
