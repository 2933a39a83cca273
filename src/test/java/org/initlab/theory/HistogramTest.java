package org.initlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void binsEdgesAndOutOfRangeValues() {
        Histogram h = new Histogram(-1, 1, 4);
        for (double v : new double[] {-1, -0.75, -0.5, -0.01, 0, 0.49, 0.5, 0.999, 1, 5, -1.0001, Double.NaN}) h.add(v);
        assertEquals(-1, h.edge(0));
        assertEquals(-0.5, h.edge(1));
        assertEquals(1, h.edge(4));
        assertEquals(0.5, h.binWidth());
        assertEquals(2, h.count(0), "-1 and -0.75: the left edge belongs to the bin");
        assertEquals(2, h.count(1), "-0.5, -0.01");
        assertEquals(2, h.count(2), "0, 0.49");
        assertEquals(2, h.count(3), "0.5, 0.999");
        assertEquals(2, h.overflow(), "1 (the right edge is outside) and 5");
        assertEquals(2, h.underflow(), "below the range, and NaN");
        long inBins = 0;
        for (int i = 0; i < h.bins(); i++) inBins += h.count(i);
        assertEquals(h.total(), inBins + h.underflow() + h.overflow());
        assertEquals(12, h.total());
        assertEquals(2 / (12 * 0.5), h.density(0), 1e-15);
    }

    @Test
    void badRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Histogram(1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(0, Double.POSITIVE_INFINITY, 3));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(0, 1, 0));
    }
}
