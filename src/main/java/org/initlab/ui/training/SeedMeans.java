package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.initlab.train.SeedBands;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;

/**
 * One chart's lines with several seeds per scheme: a mean line per scheme with its min–max band, from the
 * core's {@link SeedBands}, and every run's own line on demand; with one seed, each run's own line.
 * The accuracy and the saturation charts each have one.
 */
final class SeedMeans {
    private final Map<String, PlotLine> means = new LinkedHashMap<>();
    private final Function<RunRow, PlotLine> own;

    /** {@code own} is a run's own line on this chart. */
    SeedMeans(Function<RunRow, PlotLine> own) {
        this.own = own;
    }

    void clear() {
        means.clear();
    }

    void addScheme(String schemeId, String name) {
        means.put(schemeId, new PlotLine(name));
    }

    /** What the chart shows. */
    List<PlotLine> shown(List<RunRow> rows, boolean multiSeed, boolean everySeed) {
        List<PlotLine> out = new ArrayList<>();
        if (multiSeed) out.addAll(means.values());
        if (!multiSeed || everySeed) rows.forEach(r -> out.add(own.apply(r)));
        return out;
    }

    /** A band's label for a point's tooltip ("" for none). */
    interface Label {
        String of(SeedBands.Band band);
    }

    /**
     * Recomputes {@code schemeId}'s mean line and band from its runs' values ({@code byRun.get(r).get(i)}), the
     * i-th value drawn at x = i + {@code xOffset}.
     */
    void update(String schemeId, List<List<Double>> byRun, int xOffset, Label label) {
        PlotLine line = means.get(schemeId);
        if (line == null) return;
        List<PlotPoint> points = new ArrayList<>();
        List<double[]> band = new ArrayList<>();
        for (SeedBands.Band e : SeedBands.of(byRun).epochs()) {
            points.add(new PlotPoint(e.epoch() + xOffset, e.mean(), label.of(e)));
            band.add(new double[] {e.epoch() + xOffset, e.min(), e.max()});
        }
        line.setAll(points, band);
    }
}
