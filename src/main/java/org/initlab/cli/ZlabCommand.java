package org.initlab.cli;

import static org.initlab.settings.LabParameters.*;

import java.io.PrintStream;
import java.util.Locale;
import org.initlab.core.init.WeightInit;
import org.initlab.format.Numbers;
import org.initlab.theory.ZSampler;
import org.initlab.theory.ZSpec;
import org.initlab.theory.ZStats;

/** {@code zlab}: the 500-ones experiment's numbers, as {@code name value} lines. */
public final class ZlabCommand {
    private ZlabCommand() {}

    /** What the arguments ask to sample, fully validated; nothing is sampled yet. */
    public record Plan(ZSpec spec, double threshold) {}

    public static Plan plan(String[] args) throws UsageException {
        CliArgs a = CliArgs.parse(args, 1, CliArgs.options(zlabOptions()), java.util.Set.of());
        int inputs = a.get(Z_INPUTS).intValue();
        // Without --ones, half the inputs are 1 (the catalogue's 500 of 1000).
        int ones = a.has(Z_ONES.option()) ? (int) a.within(Z_ONES, inputs) : inputs / 2;
        WeightInit weights = a.get(Z_WEIGHTS);
        double biasSigma = a.get(Z_BIAS_SIGMA);
        int samples = a.get(Z_SAMPLES).intValue();
        long seed = a.get(Z_SEED);
        double threshold = a.get(THRESHOLD);
        int fanOut = a.get(Z_FAN_OUT).intValue();
        if (!ZSpec.withinDraws(samples, ones)) {
            throw new UsageException("--samples × --ones = " + (long) samples * ones + " weight draws; the limit is "
                    + Numbers.grouped(ZSpec.MAX_DRAWS) + " (about 4 GB of work)");
        }
        try {
            return new Plan(new ZSpec(inputs, ones, weights, fanOut, biasSigma, samples, seed), threshold);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public static int run(String[] args, PrintStream out) throws UsageException {
        Plan plan = plan(args);
        ZSpec spec = plan.spec();
        ZStats s = ZSampler.sample(spec, plan.threshold(), () -> false, x -> {});
        out.println("scheme " + spec.weights().id());
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
