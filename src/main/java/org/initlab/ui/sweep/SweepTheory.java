package org.initlab.ui.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.core.init.InitCatalog;
import org.initlab.format.Numbers;
import org.initlab.settings.ExperimentSettings;
import org.initlab.settings.SweepAxis;
import org.initlab.sweep.DepthAgreement;
import org.initlab.sweep.DepthScaleCurve;
import org.initlab.sweep.SweepPlan;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.chart.PlotLine;
import org.initlab.ui.chart.PlotPoint;

/**
 * What the theory draws over a sweep: the depth theory's 6 ξ_c curve over a depth × σ_w² heat map, computed
 * in the background and shown as plain {@link PlotLine}s, and the theory's weight scale for a curve's
 * x axis. Split out of {@link SweepViewModel} so the theory's thread and data sit apart from the runs'.
 */
final class SweepTheory {
    private final ObservableList<PlotLine> curve = FXCollections.observableArrayList();
    private final StringProperty label = new SimpleStringProperty("");

    ObservableList<PlotLine> curve() {
        return curve;
    }

    StringProperty labelProperty() {
        return label;
    }

    void clear() {
        curve.clear();
        label.set("");
    }

    /**
     * Computes the 6 ξ_c curve in the background (the theory takes a second or a few) and hands it, or a
     * message if it fails, to {@code inbox} for the next pulse; {@code stale} stops it once another sweep started.
     */
    static void start(BackgroundRunner runner, SweepPlan p, BooleanSupplier stale, Consumer<SweepEvent> inbox) {
        record Computed(java.util.Optional<DepthScaleCurve.Curve> curve, double[] trainable) {}
        runner.submit(
                "sweep-theory",
                () -> {
                    var c = DepthScaleCurve.compute(p, stale);
                    return new Computed(
                            c, c.isEmpty() || stale.getAsBoolean() ? null : DepthAgreement.trainableDepths(p));
                },
                r -> r.curve().ifPresent(curve -> inbox.accept(new SweepEvent.TheoryComputed(p, curve, r.trainable()))),
                e -> inbox.accept(new SweepEvent.TheoryFailed(p, I18n.f("sweep.theoryFailed", I18n.explain(e)))));
    }

    /** Shows a computed curve (FX thread). */
    void show(DepthScaleCurve.Curve c) {
        List<PlotLine> lines = new ArrayList<>();
        String name = I18n.f(
                "sweep.theoryCurve",
                Numbers.whole(DepthScaleCurve.MULTIPLE),
                c.phi().id(),
                Numbers.whole(Double.parseDouble(String.format(Locale.ROOT, "%.4g", c.sigmaB2()))));
        for (List<double[]> piece : c.pieces()) {
            PlotLine l = new PlotLine(name);
            l.setAll(piece.stream().map(pt -> new PlotPoint(pt[0], pt[1], name)).toList(), List.of());
            lines.add(l);
        }
        label.set(name);
        curve.setAll(lines);
    }

    /** The theory's weight scale for the first scheme: σ = 1/√n_in over the scheme's own σ at the first layer. */
    static double choice(SweepPlan p) {
        if (p.axes().get(0) != SweepAxis.WEIGHT_SCALE) return Double.NaN;
        int nIn = ExperimentSettings.DEFAULT_INPUTS;
        int nOut = p.base().hidden().get(0).intValue();
        double std = InitCatalog.byId(p.schemes().get(0)).std(nIn, nOut);
        return std > 0 ? (1 / Math.sqrt(nIn)) / std : Double.NaN;
    }
}
