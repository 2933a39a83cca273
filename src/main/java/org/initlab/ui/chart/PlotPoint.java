package org.initlab.ui.chart;

/** One point of a {@link PlotLine}: its coordinates and the words its tooltip shows ("" for none). */
public record PlotPoint(double x, double y, String label) {
    public PlotPoint(double x, double y) {
        this(x, y, "");
    }
}
