package org.initlab.cli;

import static org.initlab.settings.LabParameters.*;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import org.initlab.core.init.WeightInit;
import org.initlab.math.Seeds;
import org.initlab.theory.meanfield.DeepNetwork;
import org.initlab.theory.meanfield.MeanField;
import org.initlab.theory.meanfield.Phi;

/**
 * {@code theory}: mean-field signal propagation through a deep network at initialization, as {@code name value}
 * lines. Analytic by default; {@code --critical} solves for σ_w²; {@code --measure} adds the measured q^l on
 * Gaussian inputs; {@code --jacobian} the input–output Jacobian's squared singular values.
 */
public final class TheoryCommand {
    static final String CRITICAL = "critical", MEASURE = "measure", JACOBIAN = "jacobian";

    private TheoryCommand() {}

    /** What the arguments ask for, fully validated and within the budget; nothing is computed yet. */
    public record Plan(
            Phi activation,
            double sigmaW2,
            boolean sigmaW2Given,
            double sigmaB2,
            int depth,
            int width,
            double q0,
            int samples,
            int networks,
            long seed,
            WeightInit scheme,
            boolean critical,
            boolean measure,
            boolean jacobian) {}

    public static Plan plan(String[] args) throws UsageException {
        CliArgs a = CliArgs.parse(args, 1, CliArgs.options(theoryOptions()), Set.of(CRITICAL, MEASURE, JACOBIAN));
        Phi phi = a.get(DEPTH_ACTIVATION);
        double sw2 = a.get(SIGMA_W2);
        double sb2 = a.get(SIGMA_B2);
        int depth = a.get(DEPTH).intValue();
        int width = a.get(DEPTH_WIDTH).intValue();
        double q0 = a.get(Q0);
        int samples = a.get(DEPTH_SAMPLES).intValue();
        int networks = a.get(DEPTH_NETWORKS).intValue();
        long seed = a.get(DEPTH_SEED);
        WeightInit scheme = a.get(JACOBIAN_SCHEME);
        boolean critical = a.flag(CRITICAL), measure = a.flag(MEASURE), jacobian = a.flag(JACOBIAN);
        if (critical && a.has(SIGMA_W2.option()))
            throw new UsageException("--critical: it solves for σ_w², so give --sigma-w2 or --critical, not both");
        if (critical && phi != Phi.SIGMOID && phi != Phi.TANH) {
            // ReLU and linear have χ₁ independent of σ_b²: their critical σ_w² is 2 and 1 (still printed).
        }
        if (measure) {
            budget(
                    "--measure",
                    DeepNetwork.valuesNeeded(width, width, depth, samples),
                    DeepNetwork.flopsNeeded(width, width, depth, samples) * networks);
        }
        if (jacobian)
            budget(
                    "--jacobian",
                    DeepNetwork.valuesNeeded(width, width, depth, 1),
                    DeepNetwork.jacobianFlops(width, width, depth));
        return new Plan(
                phi,
                sw2,
                a.has(SIGMA_W2.option()),
                sb2,
                depth,
                width,
                q0,
                samples,
                networks,
                seed,
                scheme,
                critical,
                measure,
                jacobian);
    }

    private static void budget(String what, long values, double flops) throws UsageException {
        if (values > DeepNetwork.MAX_VALUES || flops > DeepNetwork.MAX_FLOPS) {
            throw new UsageException(String.format(
                    Locale.ROOT,
                    "%s with this --width, --depth and --samples needs about %,d MB and %.3g multiply–adds; the limits are %,d MB and %.3g (lower --width, --depth, --samples or --networks)",
                    what,
                    values * 8 / 1_000_000,
                    flops,
                    DeepNetwork.MAX_VALUES * 8 / 1_000_000,
                    DeepNetwork.MAX_FLOPS));
        }
    }

    public static int run(String[] args, PrintStream out) throws UsageException {
        Plan p = plan(args);
        double sw2 = p.sigmaW2();
        out.println("activation " + p.activation().id());
        if (p.critical()) {
            sw2 = MeanField.criticalSigmaW2(p.activation(), p.sigmaB2());
            out.println("critical_sigma_w2 " + num(sw2));
        }
        out.println("sigma_w2 " + num(sw2));
        out.println("sigma_b2 " + num(p.sigmaB2()));
        MeanField mf = new MeanField(p.activation(), sw2, p.sigmaB2());
        MeanField.Correlation c = mf.correlation();
        out.println("phase " + mf.phase().id());
        out.println("q_star " + num(mf.qStar()));
        out.println("chi1 " + num(mf.chi1()));
        out.println("depth_scale " + num(mf.depthScale()));
        out.println("c_star " + num(c.cStar()));
        out.println("chi_c " + num(c.chiC()));
        out.println("depth_scale_c " + num(c.depthScale()));
        double[] q = mf.trajectory(p.q0(), p.depth());
        for (int l = 0; l <= p.depth(); l++) out.println("q_" + l + " " + q(q[l]));
        if (p.measure()) {
            DeepNetwork.SeedBand band = DeepNetwork.overSeeds(
                    p.activation(),
                    p.width(),
                    p.width(),
                    p.depth(),
                    DeepNetwork.gaussian(sw2),
                    1,
                    p.sigmaB2(),
                    DeepNetwork.gaussianInputs(p.samples(), p.width(), p.q0(), Seeds.derive(p.seed(), "depth/inputs")),
                    p.seed(),
                    p.networks(),
                    () -> false);
            out.println("measured_networks " + p.networks());
            for (int l = 1; l <= p.depth(); l++) out.println("measured_q_" + l + " " + num(band.qMean()[l - 1]));
            for (int l = 1; l <= p.depth(); l++) out.println("measured_q_sd_" + l + " " + num(band.qSd()[l - 1]));
            // Squared gradients relative to the top layer: measured (geometric mean over networks) and ∏ χ(q^k) from
            // the map.
            double lnPredicted = 0;
            double[] predicted = new double[p.depth()];
            for (int l = p.depth(); l >= 1; l--) {
                predicted[l - 1] = Math.exp(lnPredicted);
                if (l > 1) lnPredicted += Math.log(mf.chiAt(q[l - 1]));
            }
            for (int l = 1; l <= p.depth(); l++) {
                out.println("measured_grad_" + l + " "
                        + num(Math.exp(band.lnGradMean()[l - 1] - band.lnGradMean()[p.depth() - 1])));
            }
            for (int l = 1; l <= p.depth(); l++) out.println("predicted_grad_" + l + " " + num(predicted[l - 1]));
        }
        if (p.jacobian()) {
            WeightInit scheme = p.scheme();
            int n = p.width();
            double own = n * scheme.std(n, n) * scheme.std(n, n);
            double gain = p.sigmaW2Given() && own > 0 ? Math.sqrt(sw2 / own) : 1;
            double jacSw2 = own * gain * gain;
            double[] x = DeepNetwork.gaussianInputs(1, n, p.q0(), Seeds.derive(p.seed(), "depth/jacobian-input"))[0];
            double[] s = DeepNetwork.draw(
                            p.activation(),
                            n,
                            n,
                            p.depth(),
                            scheme,
                            gain,
                            p.sigmaB2(),
                            Seeds.derive(p.seed(), "depth/jacobian"))
                    .jacobianSpectrum(x, () -> false);
            double[] mv = DeepNetwork.meanAndVariance(s);
            out.println("jacobian_scheme " + scheme.id());
            out.println("jacobian_sigma_w2 " + num(jacSw2));
            out.println("jacobian_sv2_mean " + num(mv[0]));
            out.println("jacobian_sv2_variance " + num(mv[1]));
            out.println("jacobian_sv2_min " + num(s[0]));
            out.println("jacobian_sv2_max " + num(s[s.length - 1]));
        }
        return 0;
    }

    /** A q of the variance map: MeanField.trajectory holds a q that overflowed at the largest double, so that the map can go on; it is +∞. */
    static String q(double v) {
        return v == Double.MAX_VALUE ? "inf" : num(v);
    }

    /** A number as a script reads it: up to 9 significant digits, "inf" for +∞, "nan" for NaN. */
    static String num(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.9g", v);
        if (s.contains("e")) return s.replaceFirst("\\.?0+e", "e");
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }
}
