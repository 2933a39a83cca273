package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.train.Comparison;
import org.initlab.train.EpochMode;
import org.initlab.train.SeedBands;
import org.initlab.train.StepPoint;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;

/**
 * The learning curves per step of the shown comparison, when its settings choose steps ({@code evalSteps}):
 * accuracy on the evaluation set after each chosen step, one line per run, and with several seeds a mean line
 * per scheme with its min–max band over the seeds (as the epoch chart). Step points arrive with the other
 * training events in {@link RunResults#apply} (the FX thread, once per pulse); the bands are recomputed once
 * per pulse for the schemes that changed.
 */
public final class StepCurves {
    private final ObservableList<PlotLine> lines = FXCollections.observableArrayList();
    private final Map<Integer, PlotLine> runLines = new LinkedHashMap<>();
    private final Map<Integer, List<StepPoint>> runPoints = new LinkedHashMap<>();
    private final Map<Integer, String> schemeOfRun = new LinkedHashMap<>();
    private final Map<Integer, String> weightsOfRun = new LinkedHashMap<>();
    private final Map<String, PlotLine> means = new LinkedHashMap<>();
    private final Set<String> stale = new LinkedHashSet<>();
    private final ReadOnlyBooleanWrapper chosen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper lastStep = new ReadOnlyIntegerWrapper(0);
    private boolean multiSeed, everySeed;
    /** The chosen steps within the run's length, in order. */
    private List<Integer> steps = List.of();

    StepCurves() {}

    /** What the step chart draws: a line per run, or per scheme (mean with band) and every seed on demand. */
    public ObservableList<PlotLine> lines() {
        return lines;
    }

    /**
     * One line per scheme, in the comparison's order: its mean over seeds (with the band) when it has several,
     * else its run's own line. The Depth tab's comparison draws these beside each network's Jacobian spectrum.
     */
    public List<PlotLine> perScheme() {
        return multiSeed ? List.copyOf(means.values()) : List.copyOf(runLines.values());
    }

    /** True when the shown comparison measures at chosen steps: the step chart is shown. */
    public ReadOnlyBooleanProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The last chosen step the runs reach: the chart's x range. */
    public ReadOnlyIntegerProperty lastStepProperty() {
        return lastStep.getReadOnlyProperty();
    }

    /** The chosen steps the shown comparison reaches, in order (empty when none). */
    public List<Integer> steps() {
        return steps;
    }

    void clear() {
        lines.clear();
        runLines.clear();
        runPoints.clear();
        schemeOfRun.clear();
        weightsOfRun.clear();
        means.clear();
        stale.clear();
        steps = List.of();
        chosen.set(false);
        lastStep.set(0);
    }

    /** The lines of {@code c}'s runs, named as their rows ({@code rows}, in run order). */
    void create(Comparison c, List<RunRow> rows) {
        clear();
        // A fixed number of mini-batches per epoch says which steps the runs reach; a pass's length depends on the
        // data.
        long total = c.config().epochMode() == EpochMode.BATCHES
                ? (long) c.config().epochs() * c.config().batchesPerEpoch()
                : Long.MAX_VALUE;
        steps = c.config().evalSteps().stream()
                .filter(s -> s > 0 && s <= total)
                .sorted()
                .distinct()
                .toList();
        chosen.set(!steps.isEmpty());
        lastStep.set(steps.isEmpty() ? 0 : steps.get(steps.size() - 1));
        multiSeed = c.seeds().size() > 1;
        for (RunRow r : rows) {
            runLines.put(r.key().index(), new PlotLine(r.name()));
            runPoints.put(r.key().index(), new ArrayList<>());
            schemeOfRun.put(r.key().index(), r.key().scheme().id());
            weightsOfRun.put(r.key().index(), r.key().scheme().weights().id());
        }
        for (var scheme : c.schemes())
            means.put(
                    scheme.id(),
                    new PlotLine(I18n.f(
                            "row.mean",
                            RunResults.schemeName(scheme),
                            Integer.toString(c.seeds().size()))));
        rebuild();
    }

    void showEverySeed(boolean every) {
        everySeed = every;
        rebuild();
    }

    private void rebuild() {
        List<PlotLine> out = new ArrayList<>();
        if (multiSeed) out.addAll(means.values());
        if (!multiSeed || everySeed) out.addAll(runLines.values());
        lines.setAll(out);
    }

    /** A run's step point: its own line grows, its scheme's band is recomputed at {@link #updateStale()}. */
    void add(StepPoint p, String runName) {
        PlotLine line = runLines.get(p.run().index());
        if (line == null) return;
        runPoints.get(p.run().index()).add(p);
        line.points()
                .add(new PlotPoint(
                        p.step(),
                        p.accuracyPercent(),
                        I18n.f(
                                "point.step",
                                runName,
                                Integer.toString(p.step()),
                                Integer.toString(p.correct()),
                                Integer.toString(p.total()),
                                String.format(Locale.ROOT, "%.2f", p.trainPercent()))));
        if (multiSeed) stale.add(schemeOfRun.get(p.run().index()));
    }

    /** The mean line and band of each scheme that changed, from its seeds' points at each step they all reached. */
    void updateStale() {
        for (String scheme : stale) {
            PlotLine line = means.get(scheme);
            if (line == null) continue;
            List<List<Double>> byRun = new ArrayList<>();
            for (var e : runPoints.entrySet())
                if (schemeOfRun.get(e.getKey()).equals(scheme))
                    byRun.add(e.getValue().stream()
                            .map(StepPoint::accuracyPercent)
                            .toList());
            List<PlotPoint> points = new ArrayList<>();
            List<double[]> band = new ArrayList<>();
            for (SeedBands.Band b : SeedBands.of(byRun).epochs()) {
                if (b.epoch() >= steps.size()) break;
                int step = steps.get(b.epoch());
                points.add(new PlotPoint(
                        step,
                        b.mean(),
                        I18n.f(
                                "point.stepMean",
                                line.name(),
                                Integer.toString(step),
                                String.format(Locale.ROOT, "%.2f", b.mean()),
                                String.format(Locale.ROOT, "%.2f", b.min()),
                                String.format(Locale.ROOT, "%.2f", b.max()),
                                Integer.toString(b.runs()))));
                band.add(new double[] {step, b.min(), b.max()});
            }
            line.setAll(points, band);
        }
        stale.clear();
    }

    /**
     * The mean accuracy (%) over {@code scheme}'s runs after its {@code index}-th chosen step (negative counts
     * from the last: -1 is the last chosen step); empty until every run of the scheme has reached it.
     */
    public OptionalDouble accuracyAt(String schemeWeightsId, int index) {
        if (steps.isEmpty()) return OptionalDouble.empty();
        int i = index < 0 ? steps.size() + index : index;
        if (i < 0 || i >= steps.size()) return OptionalDouble.empty();
        double sum = 0;
        int n = 0;
        for (var e : runPoints.entrySet()) {
            if (!weightsOfRun.get(e.getKey()).equals(schemeWeightsId)) continue;
            if (e.getValue().size() <= i) return OptionalDouble.empty();
            sum += e.getValue().get(i).accuracyPercent();
            n++;
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }
}
