package org.initlab.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.initlab.lessons.Placeholders;
import org.initlab.math.SigmoidMath;
import org.initlab.sweep.MapNumbers;
import org.initlab.theory.ZSpec;
import org.initlab.theory.ZStats;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.Gradients;
import org.initlab.train.RunSummary;
import org.initlab.train.SeedBands;
import org.initlab.ui.base.I18n;
import org.initlab.ui.sweep.SweepViewModel;
import org.initlab.ui.theory.ZViewModel;
import org.initlab.ui.training.LabViewModel;
import org.initlab.ui.training.RunRow;

/**
 * The numbers a lesson quotes, read from what the lab computed at this moment: the z view's analytic and
 * sampled values, and the shown comparison's runs (a scheme's value is the mean over its seeds). A number
 * not computed yet is "…"; one that does not exist for these runs is "—".
 */
public final class LiveNumbers {
    public static final String PENDING = "…", NONE = "—";
    private final LabViewModel lab;
    private final ZViewModel theory;
    /** The Sweep tab, whose finished map the sweep.* numbers read; null in a window without it. */
    private SweepViewModel sweep;

    public LiveNumbers(LabViewModel lab, ZViewModel theory) {
        this.lab = lab;
        this.theory = theory;
    }

    void useSweep(SweepViewModel sweep) {
        this.sweep = sweep;
    }

    /** A number of the Sweep tab's finished depth × σ_w² map (MapNumbers); empty before it is complete. */
    private OptionalDouble sweepNumber(String name) {
        if (sweep == null || sweep.mapNumbers().isEmpty()) return OptionalDouble.empty();
        MapNumbers m = sweep.mapNumbers().get();
        int end = m.end();
        double v = switch (name) {
            case "sweep.cells" -> m.cells();
            case "sweep.critical" -> m.criticalSigmaW2();
            case "sweep.firstStep" -> m.firstStep();
            case "sweep.agreement.first" -> m.agreementPercent(0);
            case "sweep.agreement.end" -> m.agreementPercent(end);
            case "sweep.trained.first" -> m.trained(0);
            case "sweep.trained.end" -> m.trained(end);
            case "sweep.deepest.low" -> m.deepestTrained(0, end);
            case "sweep.deepest.critical" -> m.deepestTrained(m.criticalColumn(), end);
            case "sweep.deepest.high" -> m.deepestTrained(m.lastColumn(), end);
            case "sweep.xi6.low" -> m.trainableDepth(0);
            case "sweep.xi6.high" -> m.trainableDepth(m.lastColumn());
            default -> Double.NaN;
        };
        return Double.isNaN(v) || v < 0 ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The placeholder's value as text. */
    public String text(Placeholders.Ref ref) {
        if (ref.name().equals("run.first")) return firstReaching(ref.scheme());
        if (ref.name().startsWith("z.scheme.")) return schemeFormula(ref.name().endsWith(".a") ? 0 : 1);
        OptionalDouble v = value(ref);
        if (v.isEmpty()) return pendingOrNone(ref);
        return format(ref.name(), v.getAsDouble());
    }

    /** The placeholder's value as a number, empty when it is not known (yet). */
    public OptionalDouble value(Placeholders.Ref ref) {
        return ref.scheme() == null ? global(ref.name()) : perScheme(ref.name(), ref.scheme());
    }

    /** The z view's scheme in a slot, as its formula ("N(0, 1/√n_in)"); "—" while the slot's inputs are not valid. */
    private String schemeFormula(int slot) {
        ZSpec spec = theory.spec(
                slot == 0
                        ? theory.schemeAProperty().get()
                        : theory.schemeBProperty().get(),
                slot);
        return spec == null ? NONE : spec.weights().formula();
    }

    private String pendingOrNone(Placeholders.Ref ref) {
        if (ref.name().startsWith("z.sigma.sampled") || ref.name().startsWith("sat.sampled")) return PENDING;
        if (ref.scheme() != null && rows(ref.scheme()).isEmpty()) return PENDING;
        return NONE;
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

    static String format(String name, double v) {
        if (name.equals("z.inputs")
                || name.equals("z.ones")
                || name.equals("run.epochs")
                || name.equals("run.seeds")
                || name.equals("run.firstStep")
                || name.equals("run.lastStep")
                || name.equals("run.first")) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
        }
        if (name.startsWith("sweep.agreement")) return String.format(Locale.ROOT, "%.0f", v);
        if (name.startsWith("run.grad") || name.equals("run.rows.spread")) return String.format(Locale.ROOT, "%.3g", v);
        if (name.startsWith("sat.") && !name.equals("sat.boundary") && !name.equals("sat.threshold"))
            return String.format(Locale.ROOT, "%.1f", v);
        if (name.startsWith("run.") && !name.equals("run.target")) return String.format(Locale.ROOT, "%.2f", v);
        return significant(v);
    }

    /** Four significant digits without trailing zeros: 501, 1.5, 22.38, 0.03162. */
    static String significant(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e), exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + exponent;
    }

    private OptionalDouble global(String name) {
        ZSpec a = theory.spec(theory.schemeAProperty().get(), 0),
                b = theory.spec(theory.schemeBProperty().get(), 1);
        ZStats ra = theory.resultAProperty().get(),
                rb = theory.resultBProperty().get();
        double t = theory.thresholdProperty().get();
        Comparison c = lab.results().comparison();
        return switch (name) {
            case "z.inputs" -> a == null ? OptionalDouble.empty() : OptionalDouble.of(a.inputs());
            case "z.ones" -> a == null ? OptionalDouble.empty() : OptionalDouble.of(a.ones());
            case "z.weightSigma.a" -> a == null ? OptionalDouble.empty() : OptionalDouble.of(a.weightSigma());
            case "z.weightSigma.b" -> b == null ? OptionalDouble.empty() : OptionalDouble.of(b.weightSigma());
            case "z.variance.a" ->
                a == null ? OptionalDouble.empty() : OptionalDouble.of(a.analyticStd() * a.analyticStd());
            case "z.variance.b" ->
                b == null ? OptionalDouble.empty() : OptionalDouble.of(b.analyticStd() * b.analyticStd());
            case "z.sigma.analytic.a" -> a == null ? OptionalDouble.empty() : OptionalDouble.of(a.analyticStd());
            case "z.sigma.analytic.b" -> b == null ? OptionalDouble.empty() : OptionalDouble.of(b.analyticStd());
            case "z.sigma.sampled.a" -> sampled(ra, a, ZStats::std);
            case "z.sigma.sampled.b" -> sampled(rb, b, ZStats::std);
            case "sat.threshold" -> OptionalDouble.of(t);
            case "sat.boundary" -> OptionalDouble.of(SigmoidMath.saturationBoundary(t));
            case "sat.analytic.a" ->
                a == null
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(100 * SigmoidMath.saturatedFraction(0, a.analyticStd(), t));
            case "sat.analytic.b" ->
                b == null
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(100 * SigmoidMath.saturatedFraction(0, b.analyticStd(), t));
            case "sat.sampled.a" -> sampled(ra, a, s -> 100 * s.empiricalSaturatedFraction());
            case "sat.sampled.b" -> sampled(rb, b, s -> 100 * s.empiricalSaturatedFraction());
            case "sigmaPrime.mean.a" ->
                a == null
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(SigmoidMath.meanSigmoidPrime(0, a.analyticStd()));
            case "sigmaPrime.mean.b" ->
                b == null
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(SigmoidMath.meanSigmoidPrime(0, b.analyticStd()));
            case "run.epochs" ->
                c == null
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(c.config().epochs());
            case "run.seeds" ->
                c == null ? OptionalDouble.empty() : OptionalDouble.of(c.seeds().size());
            case "run.firstStep" -> chosenStep(0);
            case "run.lastStep" -> chosenStep(-1);
            case "run.target" -> OptionalDouble.of(lab.form().targetPercent());
            default -> name.startsWith("sweep.") ? sweepNumber(name) : OptionalDouble.empty();
        };
    }

    /** The shown comparison's chosen step ({@code index} -1: the last); empty when it chooses none. */
    private OptionalDouble chosenStep(int index) {
        List<Integer> steps = lab.results().stepCurves().steps();
        if (steps.isEmpty()) return OptionalDouble.empty();
        return OptionalDouble.of(steps.get(index < 0 ? steps.size() + index : index));
    }

    /** A sample's statistic, once the sample is of the spec now shown (a stale one would quote old inputs). */
    private static OptionalDouble sampled(ZStats s, ZSpec now, ToDoubleFunction<ZStats> f) {
        if (s == null || now == null || !same(s.spec(), now)) return OptionalDouble.empty();
        return OptionalDouble.of(f.applyAsDouble(s));
    }

    private static boolean same(ZSpec a, ZSpec b) {
        return a.inputs() == b.inputs()
                && a.ones() == b.ones()
                && a.weights().id().equals(b.weights().id())
                && a.biasSigma() == b.biasSigma()
                && a.samples() == b.samples()
                && a.seed() == b.seed()
                && a.fanOut() == b.fanOut();
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
        return java.util.Arrays.stream(v).average();
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
