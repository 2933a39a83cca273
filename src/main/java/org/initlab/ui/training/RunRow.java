package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.initlab.core.Activation;
import org.initlab.train.EpochResult;
import org.initlab.train.NetworkStats;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.RunSummary;
import org.initlab.ui.chart.PlotLine;

/**
 * One run's live row: progress, ETA, status, the core's {@link RunSummary} of the epochs so far (the
 * views format it, see {@link RowText}), its chart lines and the snapshots the theory and layer views read.
 */
public final class RunRow {
    private final RunKey key;
    private final Activation activation;
    private final PlotLine accuracy;
    private final PlotLine saturation;
    /** log₁₀ of the first hidden layer's mean |∂C/∂z|, against epochs trained. */
    private final PlotLine gradient;

    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty eta = new SimpleStringProperty("");
    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(RunStatus.RUNNING);
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<RunSummary> summary = new ReadOnlyObjectWrapper<>();
    /** Listed before Run: the run that Run would start, nothing trained yet. */
    private final BooleanProperty planned = new SimpleBooleanProperty(false);
    /** The epochs so far, without their z snapshots (those are kept, capped, below). */
    private final List<EpochResult> epochs = new ArrayList<>();
    /** The first hidden layer's z over the probe images: index 0 at initialization, then after each epoch. */
    private final List<float[]> hiddenZ = new ArrayList<>();
    /** Per snapshot (initialization, then each epoch): every hidden layer's z, capped per layer to keep memory bounded. */
    private final List<List<float[]>> layerZ = new ArrayList<>();
    /** Per snapshot: the network's statistics (z histograms, saturated share, gradients); what an opened run's views draw. */
    private final List<NetworkStats> snapshotStats = new ArrayList<>();
    /** Per epoch: mean |δ| per layer, input side first. */
    private final List<double[]> meanAbsDelta = new ArrayList<>();

    private long lastProgressNanos;
    /** The network at initialization (probe gradients, z histograms, saturated share, weight-row spread); EMPTY until known. */
    private NetworkStats initialStats = NetworkStats.EMPTY;

    public NetworkStats initialStats() {
        return initialStats;
    }

    void setInitialStats(NetworkStats s) {
        initialStats = s;
    }

    public RunRow(RunKey key, String name, Activation activation) {
        this.key = key;
        this.activation = activation;
        accuracy = new PlotLine(name);
        saturation = new PlotLine(name);
        gradient = new PlotLine(name);
    }

    public RunKey key() {
        return key;
    }
    /** The hidden activation this run trained with. */
    public Activation activation() {
        return activation;
    }

    public String name() {
        return accuracy.name();
    }

    public PlotLine accuracy() {
        return accuracy;
    }

    public PlotLine saturation() {
        return saturation;
    }

    public PlotLine gradient() {
        return gradient;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    public ObjectProperty<RunStatus> statusProperty() {
        return status;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty plannedProperty() {
        return planned;
    }

    public ReadOnlyObjectProperty<RunSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }
    /** The summary of the epochs so far; null before the first epoch ends. */
    public RunSummary summary() {
        return summary.get();
    }

    public List<EpochResult> epochs() {
        return epochs;
    }

    public List<float[]> hiddenZ() {
        return hiddenZ;
    }

    public List<List<float[]>> layerZ() {
        return layerZ;
    }

    public List<double[]> meanAbsDelta() {
        return meanAbsDelta;
    }

    public List<NetworkStats> snapshotStats() {
        return snapshotStats;
    }

    long lastProgressNanos() {
        return lastProgressNanos;
    }

    void setLastProgressNanos(long t) {
        lastProgressNanos = t;
    }

    /** Adds an epoch (its z is kept elsewhere) and lets the core summarize the run so far. */
    void addEpoch(EpochResult e, double targetPercent) {
        epochs.add(e.withoutSnapshots(e.run()));
        summarize(targetPercent);
    }

    void summarize(double targetPercent) {
        if (epochs.isEmpty()) return;
        summary.set(RunSummary.of(new RunResult(key, status.get(), epochs, message.get(), 0), targetPercent));
    }
}
