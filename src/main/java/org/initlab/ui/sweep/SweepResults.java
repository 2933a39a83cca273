package org.initlab.ui.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.data.Dataset;
import org.initlab.report.RunJson;
import org.initlab.settings.SweepAxis;
import org.initlab.sweep.DepthAgreement;
import org.initlab.sweep.SweepPlan;
import org.initlab.sweep.SweepResult;
import org.initlab.sweep.SweepRun;
import org.initlab.train.RunResult;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;

/**
 * A sweep's results as plain data: the runs' table rows, a curve per scheme with a band of ± one sd over
 * seeds (one parameter) or a heat map (two), the x axis they are drawn on, and the finished runs for the
 * Training tab. Split out of {@link SweepViewModel}, which hands it finished runs on the FX thread.
 */
final class SweepResults {
    private final DoubleProperty theoryX = new SimpleDoubleProperty(Double.NaN);
    private final BooleanProperty logX = new SimpleBooleanProperty(true);
    private final StringProperty xName = new SimpleStringProperty("");
    private final ObjectProperty<double[]> xSpan = new SimpleObjectProperty<>();
    private final ObservableList<PlotLine> curves = FXCollections.observableArrayList();
    private final ObjectProperty<SweepViewModel.HeatMap> heatMap = new SimpleObjectProperty<>();
    private final ObservableList<SweepViewModel.Row> rows = FXCollections.observableArrayList();
    private final Map<Integer, SweepResult> results = new HashMap<>();
    private final Map<Integer, RunResult> runs = new HashMap<>();
    /** The training time the charts show: the i-th chosen step, or (= the number of chosen steps) the end of training. */
    private final IntegerProperty time = new SimpleIntegerProperty(0);

    private final IntegerProperty times = new SimpleIntegerProperty(0);
    private final StringProperty timeLabel = new SimpleStringProperty("");
    private final StringProperty agreement = new SimpleStringProperty("");
    private final StringProperty heatTitle = new SimpleStringProperty(I18n.t("sweep.heatTitle"));
    private final StringProperty curveTitle = new SimpleStringProperty(I18n.t("sweep.curveTitle"));
    private SweepPlan plan;
    /** 6 ξ_c per cell, computed off the FX thread with the theory's curve; null until then (no agreement shown). */
    private double[] trainable;

    DoubleProperty theoryXProperty() {
        return theoryX;
    }

    BooleanProperty logXProperty() {
        return logX;
    }

    StringProperty xNameProperty() {
        return xName;
    }

    ObjectProperty<double[]> xSpanProperty() {
        return xSpan;
    }

    ObservableList<PlotLine> curves() {
        return curves;
    }

    ObjectProperty<SweepViewModel.HeatMap> heatMapProperty() {
        return heatMap;
    }

    ObservableList<SweepViewModel.Row> rows() {
        return rows;
    }

    IntegerProperty timeProperty() {
        return time;
    }
    /** The chosen steps' count: the time runs from 0 to it (0 alone: no chosen steps, the end only). */
    IntegerProperty timesProperty() {
        return times;
    }

    StringProperty timeLabelProperty() {
        return timeLabel;
    }
    /** The depth × σ_w² map's agreement with depth < 6 ξ_c at the time shown (DepthAgreement); empty for other sweeps. */
    StringProperty agreementProperty() {
        return agreement;
    }

    /** The heat map's title, naming the time shown ("Accuracy after step 300 …"). */
    StringProperty heatTitleProperty() {
        return heatTitle;
    }

    /** The curve's title, naming the time shown. */
    StringProperty curveTitleProperty() {
        return curveTitle;
    }

    /** The theory's 6 ξ_c per cell (DepthAgreement.trainableDepths): the agreement is shown from now on. */
    void setTrainable(double[] t) {
        trainable = t;
    }

    double[] trainable() {
        return trainable;
    }

    /** The runs in, in no order. */
    List<SweepResult> all() {
        return new ArrayList<>(results.values());
    }

    /** How many runs are in. */
    int size() {
        return results.size();
    }

    /** Forgets the last sweep's runs and frames the x axis for a new one, with the theory's x (NaN for none). */
    void reset(SweepPlan p, double theory) {
        plan = p;
        trainable = null;
        results.clear();
        runs.clear();
        rows.clear();
        SweepAxis x = p.axes().get(0);
        logX.set(x.logScale());
        xName.set(I18n.t(x.labelKey()));
        theoryX.set(theory);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : p.values().get(0)) {
            lo = Math.min(lo, xOf(v));
            hi = Math.max(hi, xOf(v));
        }
        if (Double.isFinite(theoryX.get())) {
            lo = Math.min(lo, xOf(theoryX.get()));
            hi = Math.max(hi, xOf(theoryX.get()));
        }
        xSpan.set(new double[] {lo, hi});
        curves.clear();
        heatMap.set(null);
        times.set(p.evalSteps().size());
        time.set(p.evalSteps().size());
        agreement.set("");
        showTime();
    }

    /** Shows the map and curves at the i-th chosen step ({@link #timesProperty()}: the end of training). */
    void showTime(int i) {
        time.set(Math.max(0, Math.min(times.get(), i)));
        showTime();
        redraw();
    }

    private void showTime() {
        int i = time.get();
        boolean end = plan == null || i >= plan.evalSteps().size();
        String step = end ? "" : Integer.toString(plan.evalSteps().get(i));
        timeLabel.set(end ? I18n.t("sweep.time.end") : I18n.f("sweep.time.step", step));
        heatTitle.set(end ? I18n.t("sweep.heatTitle") : I18n.f("sweep.heatTitle.step", step));
        curveTitle.set(end ? I18n.t("sweep.curveTitle") : I18n.f("sweep.curveTitle.step", step));
    }

    /** A run's accuracy at the time shown; NaN when it did not get there. */
    private double percentAt(SweepResult r) {
        int i = time.get();
        return i < r.steps().steps().length ? r.stepPercent(i) : r.finalPercent();
    }

    /** Takes in a finished run (its epochs, or null) and returns its table row, which {@link #addRows} lists. */
    SweepViewModel.Row put(SweepResult r, RunResult run) {
        results.put(r.run().index(), r);
        if (run != null) runs.put(r.run().index(), run);
        return new SweepViewModel.Row(
                r.run().index(),
                cellText(r.run().values()),
                r.run().scheme(),
                r.run().seed(),
                pct(r.finalPercent()),
                pct(r.bestPercent()),
                r.diverged() == null ? "" : r.diverged());
    }

    /**
     * A cell as the window names it: each swept parameter's short name (its label where it has none) and value,
     * "σ_w² 1.5, depth 30", short enough for the table's column.
     */
    private String cellText(List<Double> cell) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < plan.axes().size(); i++) {
            SweepAxis a = plan.axes().get(i);
            String shortKey = a.labelKey() + ".short";
            parts.add(I18n.t(I18n.has(shortKey) ? shortKey : a.labelKey()) + " " + a.format(cell.get(i)));
        }
        return String.join(", ", parts);
    }

    void addRows(List<SweepViewModel.Row> newRows) {
        rows.addAll(newRows);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }

    void redraw() {
        if (plan == null) return;
        if (plan.axes().size() == 1) drawCurves();
        else drawHeatMap();
    }

    private double xOf(double v) {
        return logX.get() ? Math.log10(v) : v;
    }

    private void drawCurves() {
        List<PlotLine> lines = new ArrayList<>();
        for (String scheme : plan.schemes()) {
            List<PlotPoint> pts = new ArrayList<>();
            List<double[]> band = new ArrayList<>();
            for (int c = 0; c < plan.cells().size(); c++) {
                double[] stats = stats(c, scheme);
                if (stats == null) continue;
                double x = xOf(plan.cells().get(c).get(0));
                pts.add(new PlotPoint(
                        x,
                        stats[0],
                        cellText(plan.cells().get(c)) + " " + scheme + ": " + pct(stats[0]) + " ± " + pct(stats[1])
                                + "%"));
                band.add(new double[] {x, stats[0] - stats[1], stats[0] + stats[1]});
            }
            PlotLine line = curves.size() > lines.size()
                            && curves.get(lines.size()).name().equals(scheme)
                    ? curves.get(lines.size())
                    : new PlotLine(scheme);
            line.setAll(pts, band);
            lines.add(line);
        }
        double t = theoryX.get();
        if (Double.isFinite(t)) {
            String name = I18n.t("sweep.theory");
            PlotLine mark = curves.size() > lines.size()
                            && curves.get(lines.size()).name().equals(name)
                    ? curves.get(lines.size())
                    : new PlotLine(name);
            mark.setAll(List.of(new PlotPoint(xOf(t), 0, name), new PlotPoint(xOf(t), 100, name)), List.of());
            lines.add(mark);
        }
        if (!lines.equals(curves)) curves.setAll(lines);
    }

    /** Mean and sd over seeds of the final accuracy of a cell and scheme; null when none is in. */
    private double[] stats(int cell, String scheme) {
        List<Double> v = new ArrayList<>();
        int schemeIndex = plan.schemes().indexOf(scheme);
        int first = (cell * plan.schemes().size() + schemeIndex) * plan.seeds().size();
        for (int s = 0; s < plan.seeds().size(); s++) {
            SweepResult r = results.get(first + s);
            if (r != null) v.add(Double.isNaN(percentAt(r)) ? 100.0 * 0 : percentAt(r));
        }
        if (v.isEmpty()) return null;
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double sd = v.size() < 2
                ? 0
                : Math.sqrt(v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (v.size() - 1));
        return new double[] {mean, sd};
    }

    private void drawHeatMap() {
        SweepAxis ax = plan.axes().get(0), ay = plan.axes().get(1);
        List<Double> xs = plan.values().get(0), ys = plan.values().get(1);
        double[][] value = new double[ys.size()][xs.size()];
        boolean[][] div = new boolean[ys.size()][xs.size()];
        int[][] first = new int[ys.size()][xs.size()];
        String scheme = plan.schemes().get(0);
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                int cell = i * ys.size() + j;
                double[] s = stats(cell, scheme);
                value[j][i] = s == null ? Double.NaN : s[0];
                first[j][i] = cell * plan.schemes().size() * plan.seeds().size();
                for (int k = 0; k < plan.seeds().size(); k++) {
                    SweepResult r = results.get(first[j][i] + k);
                    if (r != null && r.isDiverged()) div[j][i] = true;
                }
            }
        }
        List<DepthAgreement.Agreement> a =
                trainable == null ? List.of() : DepthAgreement.of(plan, new ArrayList<>(results.values()), trainable);
        DepthAgreement.Agreement now = a.isEmpty() ? null : a.get(Math.min(time.get(), a.size() - 1));
        agreement.set(
                now == null || now.measured() == 0
                        ? DepthAgreement.applies(plan) ? I18n.t("sweep.agreement.pending") : ""
                        : I18n.f(
                                "sweep.agreement",
                                Integer.toString(now.agreeing()),
                                Integer.toString(now.measured()),
                                String.format(Locale.ROOT, "%.0f", 100 * now.share()),
                                String.format(Locale.ROOT, "%.0f", DepthAgreement.TRAINED_PERCENT)));
        heatMap.set(new SweepViewModel.HeatMap(
                I18n.t(ax.labelKey()),
                I18n.t(ay.labelKey()) + " — " + scheme + ", "
                        + plan.base().activation().id(),
                xs.stream().map(ax::format).toList(),
                ys.stream().map(ay::format).toList(),
                value,
                div,
                first));
    }

    /** A finished run of this sweep as a saved run, for the Training tab; empty if it is not in (yet). */
    Optional<RunJson.SavedRun> savedRun(int runIndex, Dataset d) {
        RunResult r = runs.get(runIndex);
        if (r == null || plan == null || d == null) return Optional.empty();
        SweepRun run = plan.runs().get(runIndex);
        return Optional.of(
                new RunJson.SavedRun(plan.comparison(run, d.inputSize(), d.classes()), List.of(r), d.name()));
    }

    /** The first run in of a heat-map cell (any seed). */
    Optional<RunJson.SavedRun> savedRunOfCell(int firstRun, Dataset d) {
        for (int k = 0; plan != null && k < plan.seeds().size(); k++) {
            Optional<RunJson.SavedRun> s = savedRun(firstRun + k, d);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }
}
