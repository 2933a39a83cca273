package org.initlab.ui.theory;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.initlab.lessons.Placeholders;
import org.initlab.math.SigmoidMath;
import org.initlab.theory.ZSpec;
import org.initlab.theory.ZStats;
import org.initlab.ui.base.LessonNumbers;

/** The z view's and the saturation view's numbers for lessons (slots a and b are the z view's two schemes). */
public final class ZNumbers implements LessonNumbers {
    public static final Placeholders.Names NAMES = new Placeholders.Names(
            Placeholders.Names.pairs(
                    "z.inputs",
                    "n_in, the neuron's inputs",
                    "z.ones",
                    "how many inputs are 1",
                    "z.scheme.a",
                    "slot a's scheme formula",
                    "z.scheme.b",
                    "slot b's scheme formula",
                    "z.weightSigma.a",
                    "σ_w of slot a",
                    "z.weightSigma.b",
                    "σ_w of slot b",
                    "z.variance.a",
                    "analytic Var z = ones·σ_w² + σ_b², slot a",
                    "z.variance.b",
                    "the same, slot b",
                    "z.sigma.analytic.a",
                    "analytic σ_z, slot a",
                    "z.sigma.analytic.b",
                    "analytic σ_z, slot b",
                    "z.sigma.sampled.a",
                    "sampled σ_z, slot a",
                    "z.sigma.sampled.b",
                    "sampled σ_z, slot b",
                    "sat.threshold",
                    "t in σ'(z) < t",
                    "sat.boundary",
                    "c with σ'(c) = t: saturated when |z| > c",
                    "sat.analytic.a",
                    "analytic saturated share, slot a (%)",
                    "sat.analytic.b",
                    "the same, slot b (%)",
                    "sat.sampled.a",
                    "sampled saturated share, slot a (%)",
                    "sat.sampled.b",
                    "the same, slot b (%)",
                    "sigmaPrime.mean.a",
                    "mean σ'(z), slot a (analytic)",
                    "sigmaPrime.mean.b",
                    "mean σ'(z), slot b (analytic)"),
            Map.of());

    private final ZViewModel theory;

    public ZNumbers(ZViewModel theory) {
        this.theory = theory;
    }

    @Override
    public Placeholders.Names names() {
        return NAMES;
    }

    @Override
    public String text(String name, String scheme) {
        if (name.startsWith("z.scheme.")) return schemeFormula(name.endsWith(".a") ? 0 : 1);
        return LessonNumbers.super.text(name, scheme);
    }

    /** The sampled numbers wait for the sample; the others exist as soon as the inputs are valid. */
    @Override
    public String missing(String name, String scheme) {
        return name.startsWith("z.sigma.sampled") || name.startsWith("sat.sampled") ? PENDING : NONE;
    }

    @Override
    public String format(String name, double v) {
        if (name.equals("z.inputs") || name.equals("z.ones")) return LessonNumbers.count(v);
        if (name.startsWith("sat.") && !name.equals("sat.boundary") && !name.equals("sat.threshold"))
            return String.format(Locale.ROOT, "%.1f", v);
        return LessonNumbers.significant(v);
    }

    /** The scheme in a slot, as its formula ("N(0, 1/√n_in)"); "—" while the slot's inputs are not valid. */
    private String schemeFormula(int slot) {
        ZSpec spec = theory.spec(
                slot == 0
                        ? theory.schemeAProperty().get()
                        : theory.schemeBProperty().get(),
                slot);
        return spec == null ? NONE : spec.weights().formula();
    }

    @Override
    public OptionalDouble value(String name, String scheme) {
        ZSpec a = theory.spec(theory.schemeAProperty().get(), 0),
                b = theory.spec(theory.schemeBProperty().get(), 1);
        ZStats ra = theory.resultAProperty().get(),
                rb = theory.resultBProperty().get();
        double t = theory.thresholdProperty().get();
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
            default -> OptionalDouble.empty();
        };
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
}
