package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.chart.XYChart;
import org.initlab.train.RunKey;
import org.initlab.train.RunStatus;

/** One run's live row: progress, ETA, the summary the reference reports, and its chart series. */
public final class RunRow {
    private final RunKey key;
    private final XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> saturation = new XYChart.Series<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty epoch0 = new SimpleStringProperty("");
    private final StringProperty firstReaching = new SimpleStringProperty("");
    private final StringProperty best = new SimpleStringProperty("");
    private final StringProperty last = new SimpleStringProperty("");
    private final StringProperty secondsPerEpoch = new SimpleStringProperty("");
    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(RunStatus.RUNNING);
    private final StringProperty message = new SimpleStringProperty("");
    /** Listed before Run: the run that Run would start, nothing trained yet. */
    private final javafx.beans.property.BooleanProperty planned = new javafx.beans.property.SimpleBooleanProperty(false);
    /** The first hidden layer's z over the probe images: index 0 at initialization, then after each epoch. */
    private final List<float[]> hiddenZ = new ArrayList<>();
    private final List<Integer> correctByEpoch = new ArrayList<>();
    /** Per snapshot (initialization, then each epoch): every hidden layer's z, capped per layer to keep memory bounded. */
    private final List<List<float[]>> layerZ = new ArrayList<>();
    /** Per epoch: mean |δ| per layer, input side first. */
    private final List<double[]> meanAbsDelta = new ArrayList<>();
    private final List<Double> trainSeconds = new ArrayList<>();

    private final org.initlab.core.Activation activation;

    public RunRow(RunKey key, String name, org.initlab.core.Activation activation) {
        this.key = key;
        this.activation = activation;
        accuracy.setName(name);
        saturation.setName(name);
    }

    private long lastProgressNanos;

    public RunKey key() { return key; }
    long lastProgressNanos() { return lastProgressNanos; }
    void setLastProgressNanos(long t) { lastProgressNanos = t; }
    /** The hidden activation this run trained with. */
    public org.initlab.core.Activation activation() { return activation; }
    public String name() { return accuracy.getName(); }
    public XYChart.Series<Number, Number> accuracySeries() { return accuracy; }
    public XYChart.Series<Number, Number> saturationSeries() { return saturation; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty etaProperty() { return eta; }
    public StringProperty epoch0Property() { return epoch0; }
    public StringProperty firstReachingProperty() { return firstReaching; }
    public StringProperty bestProperty() { return best; }
    public StringProperty finalProperty() { return last; }
    public StringProperty secondsPerEpochProperty() { return secondsPerEpoch; }
    public ObjectProperty<RunStatus> statusProperty() { return status; }
    public StringProperty messageProperty() { return message; }
    public javafx.beans.property.BooleanProperty plannedProperty() { return planned; }
    public List<float[]> hiddenZ() { return hiddenZ; }
    public List<Integer> correctByEpoch() { return correctByEpoch; }
    public List<List<float[]>> layerZ() { return layerZ; }
    public List<double[]> meanAbsDelta() { return meanAbsDelta; }
    public List<Double> trainSeconds() { return trainSeconds; }
}
