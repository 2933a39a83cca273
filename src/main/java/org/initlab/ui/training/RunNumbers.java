package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.initlab.lessons.Placeholders;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.Gradients;
import org.initlab.train.RunSummary;
import org.initlab.train.SeedBands;
import org.initlab.ui.base.I18n;
import org.initlab.ui.base.LessonNumbers;

/**
 * The shown comparison's numbers for lessons: its shape, and per scheme the mean over its seeds' runs. A
 * per-scheme number of a scheme with no run yet is "…".
 */
public final class RunNumbers implements LessonNumbers {
    public static final Placeholders.Names NAMES = new Placeholders.Names(
            Placeholders.Names.pairs(
                    "run.epochs",
                    "epochs of the shown comparison",
                    "run.seeds",
                    "seeds per scheme of the shown comparison",
                    "run.firstStep",
                    "the first chosen step the shown comparison measures at (evalSteps)",
                    "run.lastStep",
                    "the last chosen step the shown comparison measures at",
                    "run.target",
                    "the target accuracy (%)"),
            Placeholders.Names.pairs(
                    "run.epoch0",
                    "accuracy after epoch 0 (%)",
                    "run.epoch0.sd",
                    "its standard deviation over seeds",
                    "run.epoch0.min",
                    "its lowest over seeds",
                    "run.epoch0.max",
                    "its highest over seeds",
                    "run.first",
                    "first epoch reaching the target",
                    "run.best",
                    "best accuracy (%)",
                    "run.final",
                    "final accuracy (%)",
                    "run.step.first",
                    "accuracy after the first chosen step (%)",
                    "run.step.last",
                    "accuracy after the last chosen step (%)",
                    "run.saturated.init",
                    "saturated hidden share at initialization (%)",
                    "run.saturated.last",
                    "saturated hidden share after the last epoch (%)",
                    "run.grad.init",
                    "hidden layer's mean |∂C/∂z| at initialization",
                    "run.grad.epoch0",
                    "hidden layer's mean |∂C/∂z| at the end of epoch 0",
                    "run.rows.spread",
                    "largest difference between two hidden units' weight rows after the last epoch"));

    private final LabViewModel lab;

    public RunNumbers(LabViewModel lab) {
        this.lab = lab;
    }

    @Override
    public Placeholders.Names names() {
        return NAMES;
    }

    @Override
    public String text(String name, String scheme) {
        if (name.equals("run.first")) return firstReaching(scheme);
        return LessonNumbers.super.text(name, scheme);
    }

    @Override
    public String missing(String name, String scheme) {
        return scheme != null && rows(scheme).isEmpty() ? PENDING : NONE;
    }

    @Override
    public String format(String name, double v) {
        if (name.equals("run.epochs")
                || name.equals("run.seeds")
                || name.equals("run.firstStep")
                || name.equals("run.lastStep")
                || name.equals("run.first")) return LessonNumbers.count(v);
        if (name.startsWith("run.grad") || name.equals("run.rows.spread")) return String.format(Locale.ROOT, "%.3g", v);
        if (name.equals("run.target")) return LessonNumbers.significant(v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The mean first epoch reaching the target over the runs that reached it; "never" when none did; "…" while running. */
    private String firstReaching(String scheme) {
        List<RunRow> rows = rows(scheme);
        if (rows.isEmpty() || lab.stateProperty().get().isBusy()) return PENDING;
        List<Integer> reached = new ArrayList<>();
        for (RunRow r : rows) {
            if (r.summary() == null) return PENDING;
            r.summary().firstEpochReachingTarget().ifPresent(reached::add);
        }
        if (reached.isEmpty()) return I18n.t("row.never");
        String mean = format(
                "run.first",
                reached.stream().mapToInt(Integer::intValue).average().orElseThrow());
        return reached.size() == rows.size()
                ? mean
                : I18n.f("lesson.someSeeds", mean, Integer.toString(reached.size()), Integer.toString(rows.size()));
    }

    @Override
    public OptionalDouble value(String name, String scheme) {
        return scheme == null ? global(name) : perScheme(name, scheme);
    }

    private OptionalDouble global(String name) {
        Comparison c = lab.results().comparison();
        return switch (name) {
            case "run.epochs" ->
                c == null
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(c.config().epochs());
            case "run.seeds" ->
                c == null ? OptionalDouble.empty() : OptionalDouble.of(c.seeds().size());
            case "run.firstStep" -> chosenStep(0);
            case "run.lastStep" -> chosenStep(-1);
            case "run.target" -> OptionalDouble.of(lab.form().targetPercent());
            default -> OptionalDouble.empty();
        };
    }

    /** The shown comparison's chosen step ({@code index} -1: the last); empty when it chooses none. */
    private OptionalDouble chosenStep(int index) {
        List<Integer> steps = lab.results().stepCurves().steps();
        if (steps.isEmpty()) return OptionalDouble.empty();
        return OptionalDouble.of(steps.get(index < 0 ? steps.size() + index : index));
    }

    private List<RunRow> rows(String scheme) {
        List<RunRow> out = new ArrayList<>();
        for (RunRow r : lab.results().rows())
            if (r.key().scheme().weights().id().equals(scheme)
                    && !r.plannedProperty().get()) out.add(r);
        return out;
    }

    private OptionalDouble perScheme(String name, String scheme) {
        List<RunRow> rows = rows(scheme);
        if (rows.isEmpty()) return OptionalDouble.empty();
        return switch (name) {
            case "run.epoch0" -> mean(rows, r -> epochPercent(r, 0));
            case "run.epoch0.sd" -> sd(rows, r -> epochPercent(r, 0));
            case "run.epoch0.min" -> extreme(rows, r -> epochPercent(r, 0), false);
            case "run.epoch0.max" -> extreme(rows, r -> epochPercent(r, 0), true);
            case "run.first" ->
                mean(
                        rows,
                        r -> r.summary() == null
                                        || r.summary()
                                                .firstEpochReachingTarget()
                                                .isEmpty()
                                ? Double.NaN
                                : r.summary().firstEpochReachingTarget().getAsInt());
            case "run.best" ->
                mean(
                        rows,
                        r -> r.summary() == null
                                ? Double.NaN
                                : RunSummary.percent(
                                        r.summary().bestCorrect(), r.summary().total()));
            case "run.final" ->
                mean(
                        rows,
                        r -> r.summary() == null
                                ? Double.NaN
                                : RunSummary.percent(
                                        r.summary().finalCorrect(), r.summary().total()));
            case "run.step.first" -> lab.results().stepCurves().accuracyAt(scheme, 0);
            case "run.step.last" -> lab.results().stepCurves().accuracyAt(scheme, -1);
            case "run.saturated.init" ->
                mean(
                        rows,
                        r -> r.saturation().points().isEmpty()
                                ? Double.NaN
                                : r.saturation().points().get(0).y());
            case "run.saturated.last" ->
                mean(
                        rows,
                        r -> r.saturation().points().isEmpty()
                                ? Double.NaN
                                : r.saturation()
                                        .points()
                                        .get(r.saturation().points().size() - 1)
                                        .y());
            case "run.grad.init" -> mean(rows, r -> hiddenDz(r.initialStats().gradients()));
            case "run.grad.epoch0" ->
                mean(
                        rows,
                        r -> r.epochs().isEmpty()
                                ? Double.NaN
                                : hiddenDz(r.epochs().get(0).stats().gradients()));
            case "run.rows.spread" ->
                mean(
                        rows,
                        r -> r.epochs().isEmpty()
                                ? Double.NaN
                                : r.epochs().get(r.epochs().size() - 1).stats().hiddenRowSpread());
            default -> OptionalDouble.empty();
        };
    }

    /** The first hidden layer's mean |∂C/∂z| on the probe images; NaN when not measured. */
    private static double hiddenDz(Gradients g) {
        return g.layers() < 2 ? Double.NaN : g.meanAbsDz()[0];
    }

    private static double epochPercent(RunRow r, int epoch) {
        List<EpochResult> e = r.epochs();
        return e.size() <= epoch ? Double.NaN : e.get(epoch).accuracyPercent();
    }

    /** The mean over the runs, or empty while any run lacks the number. */
    private static OptionalDouble mean(List<RunRow> rows, ToDoubleFunction<RunRow> f) {
        double[] v = rows.stream().mapToDouble(f).toArray();
        for (double d : v) if (Double.isNaN(d)) return OptionalDouble.empty();
        return Arrays.stream(v).average();
    }

    private static OptionalDouble sd(List<RunRow> rows, ToDoubleFunction<RunRow> f) {
        OptionalDouble m = mean(rows, f);
        if (m.isEmpty()) return m;
        List<Double> v = rows.stream().map(f::applyAsDouble).toList();
        return OptionalDouble.of(SeedBands.summary(v).sd());
    }

    private static OptionalDouble extreme(List<RunRow> rows, ToDoubleFunction<RunRow> f, boolean max) {
        OptionalDouble m = mean(rows, f);
        if (m.isEmpty()) return m;
        return max
                ? rows.stream().mapToDouble(f).max()
                : rows.stream().mapToDouble(f).min();
    }
}
