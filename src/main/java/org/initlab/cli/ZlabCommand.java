package org.initlab.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.WeightInit;
import org.initlab.theory.ZSampler;
import org.initlab.theory.ZSpec;
import org.initlab.theory.ZStats;

/** {@code zlab}: the 500-ones experiment's numbers, as {@code name value} lines. */
public final class ZlabCommand {
    private ZlabCommand() {}

    public static int run(String[] args, PrintStream out) throws UsageException {
        CliArgs a = CliArgs.parse(args, 1, Set.of("inputs", "ones", "weights", "bias-sigma", "samples", "seed", "threshold", "fan-out"), Set.of());
        int inputs = a.integer("inputs", 1000, 1, ZSpec.MAX_INPUTS);
        int ones = a.integer("ones", inputs / 2, 0, inputs);
        WeightInit weights = a.choice("weights", InitCatalog.byId("standard"), InitCatalog::byId);
        double biasSigma = a.nonNegative("bias-sigma", 1.0, 1e6);
        int samples = a.integer("samples", 200_000, 1, ZSpec.MAX_SAMPLES);
        long seed = a.longValue("seed", 1, 0, Long.MAX_VALUE);
        double threshold = a.decimal("threshold", 0.01, 0, 0.25);
        int fanOut = a.integer("fan-out", 30, 1, ZSpec.MAX_INPUTS);
        if ((long) samples * ones > ZSpec.MAX_DRAWS) {
            throw new UsageException("--samples × --ones = " + (long) samples * ones + " weight draws; the limit is 1,000,000,000 (about 4 GB of work)");
        }
        ZSpec spec;
        try {
            spec = new ZSpec(inputs, ones, weights, fanOut, biasSigma, samples, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ZStats s = ZSampler.sample(spec, threshold, () -> false, x -> {});
        out.println("scheme " + weights.id());
        out.printf(Locale.ROOT, "weight_sigma %.6f%n", spec.weightSigma());
        out.printf(Locale.ROOT, "analytic_std %.6f%n", s.analyticStd());
        out.printf(Locale.ROOT, "empirical_mean %.6f%n", s.mean());
        out.printf(Locale.ROOT, "empirical_std %.6f%n", s.std());
        out.printf(Locale.ROOT, "analytic_saturated_fraction %.6f%n", s.analyticSaturatedFraction());
        out.printf(Locale.ROOT, "empirical_saturated_fraction %.6f%n", s.empiricalSaturatedFraction());
        out.printf(Locale.ROOT, "analytic_mean_sigma_prime %.6f%n", s.analyticMeanSigmaPrime());
        out.printf(Locale.ROOT, "empirical_mean_sigma_prime %.6f%n", s.empiricalMeanSigmaPrime());
        return 0;
    }
}
