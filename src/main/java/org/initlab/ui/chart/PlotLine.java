package org.initlab.ui.chart;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A line a chart draws, as plain data: its name, its points and an optional band behind it (points
 * {x, low, high}, e.g. min–max over seeds). View-models fill it; {@link ChartLines} turns it into the chart's
 * series, so no view-model builds chart objects that views hang nodes on.
 */
public final class PlotLine {
    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<PlotPoint> points = FXCollections.observableArrayList();
    private List<double[]> band = List.of();

    public PlotLine(String name) {
        this.name.set(name);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public String name() {
        return name.get();
    }

    public ObservableList<PlotPoint> points() {
        return points;
    }
    /** The band, {x, low, high} per point; empty when there is none. */
    public List<double[]> band() {
        return band;
    }

    /** Replaces points and band together, in one change of the points (one chart layout). */
    public void setAll(List<PlotPoint> newPoints, List<double[]> newBand) {
        band = List.copyOf(newBand);
        points.setAll(newPoints);
    }
}
