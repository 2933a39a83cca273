package org.initlab.theory.meanfield;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.initlab.core.init.OrthogonalInit;
import org.initlab.core.init.WeightInit;
import org.initlab.math.Seeds;
import org.initlab.platform.Nd4jRuntime;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A deep fully connected network at initialization, for measuring what the mean-field theory predicts:
 * {@code depth} layers of {@code width} units after {@code inputs} inputs, z^l = a^{l−1}·W^l + b^l,
 * a^l = φ(z^l), biases N(0, σ_b²). The weights are drawn with a catalogue scheme times a gain (Gaussian
 * N(0, σ_w²/n_in) is {@link #gaussian}); the bulk algebra (gemm, eigenvalues) is ND4J's, in double precision.
 */
public final class DeepNetwork {
    /** Floats a measurement may hold at once: activations, weights and the Jacobian (800 MB in double precision). */
    public static final long MAX_VALUES = 100_000_000L;
    /** Multiply–adds one measurement may take (about a minute on one core). */
    public static final double MAX_FLOPS = 2e11;

    private final Phi phi;
    private final List<INDArray> weights = new ArrayList<>();
    private final List<INDArray> biases = new ArrayList<>();
    private final int inputs, width, depth;

    private DeepNetwork(Phi phi, int inputs, int width, int depth) {
        this.phi = phi;
        this.inputs = inputs;
        this.width = width;
        this.depth = depth;
    }

    /** Weights N(0, σ_w²/n_in): the mean-field theory's own Gaussian scheme at σ_w². */
    public static WeightInit gaussian(double sigmaW2) {
        return new WeightInit() {
            @Override
            public String id() {
                return "gaussian";
            }

            @Override
            public String displayName() {
                return "Gaussian σ_w² = " + sigmaW2;
            }

            @Override
            public String formula() {
                return "N(0, σ_w²/n_in)";
            }

            @Override
            public double std(int fanIn, int fanOut) {
                return Math.sqrt(sigmaW2 / fanIn);
            }

            @Override
            public void fill(float[] w, int fanIn, int fanOut, java.util.random.RandomGenerator rng) {
                double s = std(fanIn, fanOut);
                for (int i = 0; i < w.length; i++) w[i] = (float) (rng.nextGaussian() * s);
            }
        };
    }

    /** Orthogonal weights scaled to σ_w² (gain √σ_w²). */
    public static WeightInit orthogonal(double sigmaW2) {
        return new OrthogonalInit(Math.sqrt(sigmaW2));
    }

    /** The values one measurement holds, for the budget check (weights, activations of every layer, one Jacobian). */
    public static long valuesNeeded(int inputs, int width, int depth, int samples) {
        return (long) inputs * width
                + (long) (depth - 1) * width * width
                + 2L * depth * samples * width
                + 2L * width * Math.max(width, inputs);
    }

    /** Multiply–adds of a forward and backward pass on {@code samples} inputs. */
    public static double flopsNeeded(int inputs, int width, int depth, int samples) {
        return 2.0 * samples * ((double) inputs * width + (double) (depth - 1) * width * width);
    }

    /** Multiply–adds of the Jacobian product and its eigenvalues. */
    public static double jacobianFlops(int inputs, int width, int depth) {
        return (double) inputs * width * width
                + (double) (depth - 1) * width * width * width
                + 10.0 * width * width * width;
    }

    public static DeepNetwork draw(
            Phi phi, int inputs, int width, int depth, WeightInit scheme, double gain, double sigmaB2, long seed) {
        Nd4jRuntime.ensureLoaded();
        DeepNetwork net = new DeepNetwork(phi, inputs, width, depth);
        SplittableRandom rng = new SplittableRandom(seed);
        double sb = Math.sqrt(sigmaB2);
        for (int l = 0; l < depth; l++) {
            int in = l == 0 ? inputs : width;
            float[] w = new float[in * width];
            scheme.fill(w, in, width, rng.split());
            double[] wd = new double[w.length];
            for (int i = 0; i < w.length; i++) wd[i] = gain * w[i];
            net.weights.add(Nd4j.create(wd, new long[] {in, width}, 'c'));
            double[] b = new double[width];
            for (int j = 0; j < width; j++) b[j] = sb * rng.nextGaussian();
            net.biases.add(Nd4j.create(b, new long[] {1, width}, 'c'));
        }
        return net;
    }

    public int depth() {
        return depth;
    }

    /** What a forward and backward pass measured, per layer 1…depth. */
    public record Measured(double[] q, double[] gradient) {}

    /**
     * Forward {@code x} (rows × inputs): q^l = the mean of (z^l)² over units and rows. Then backward from the
     * cost C = Σ g·a^L with g ~ N(0, 1) (a random read-out, drawn from {@code seed}): δ^L = g ⊙ φ'(z^L),
     * δ^l = (δ^{l+1}·W^{l+1}ᵀ) ⊙ φ'(z^l) = ∂C/∂b^l; gradient^l = the mean of (δ^l)². Null when cancelled.
     */
    public Measured measure(double[][] x, long seed, BooleanSupplier cancelled) {
        INDArray a = Nd4j.create(x);
        int rows = x.length;
        double[] q = new double[depth], grad = new double[depth];
        List<INDArray> slopes = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            if (cancelled.getAsBoolean()) return null;
            INDArray z = a.mmul(weights.get(l)).addiRowVector(biases.get(l));
            q[l] = z.mul(z).meanNumber().doubleValue();
            slopes.add(slope(z));
            a = apply(z);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] g = new double[rows * width];
        for (int i = 0; i < g.length; i++) g[i] = rng.nextGaussian();
        INDArray delta = Nd4j.create(g, new long[] {rows, width}, 'c').muli(slopes.get(depth - 1));
        grad[depth - 1] = delta.mul(delta).meanNumber().doubleValue();
        for (int l = depth - 2; l >= 0; l--) {
            if (cancelled.getAsBoolean()) return null;
            delta = delta.mmul(weights.get(l + 1).transpose()).muli(slopes.get(l));
            grad[l] = delta.mul(delta).meanNumber().doubleValue();
        }
        return new Measured(q, grad);
    }

    /**
     * The squared singular values of the input–output Jacobian ∂a^L/∂x at the input {@code x}: with row vectors,
     * J = W¹D¹W²D²…W^L D^L, D^l = diag(φ'(z^l)); the eigenvalues of JᵀJ (LAPACK syev). Null when cancelled.
     */
    public double[] jacobianSpectrum(double[] x, BooleanSupplier cancelled) {
        INDArray a = Nd4j.create(x, new long[] {1, x.length}, 'c');
        INDArray j = null;
        for (int l = 0; l < depth; l++) {
            if (cancelled.getAsBoolean()) return null;
            INDArray z = a.mmul(weights.get(l)).addiRowVector(biases.get(l));
            INDArray d = slope(z);
            j = (j == null ? weights.get(l).dup() : j.mmul(weights.get(l))).muliRowVector(d);
            a = apply(z);
        }
        INDArray jtj = j.transpose().mmul(j).dup('f');
        synchronized (OrthogonalInit.class) {
            INDArray ev = org.nd4j.linalg.eigen.Eigen.symmetricGeneralizedEigenvalues(jtj, false);
            double[] out = ev.dup().data().asDouble();
            for (int i = 0; i < out.length; i++) out[i] = Math.max(0, out[i]);
            java.util.Arrays.sort(out);
            return out;
        }
    }

    private INDArray apply(INDArray z) {
        return switch (phi) {
            case SIGMOID -> Transforms.sigmoid(z, true);
            case TANH -> Transforms.tanh(z, true);
            case RELU -> Transforms.relu(z, true);
            case LINEAR -> z.dup();
        };
    }

    private INDArray slope(INDArray z) {
        return switch (phi) {
            case SIGMOID -> {
                INDArray s = Transforms.sigmoid(z, true);
                yield s.mul(s.rsub(1));
            }
            case TANH -> {
                INDArray t = Transforms.tanh(z, true);
                yield t.mul(t).rsubi(1);
            }
            case RELU -> z.gt(0).castTo(DataType.DOUBLE);
            case LINEAR -> Nd4j.onesLike(z);
        };
    }

    /**
     * Mean and standard deviation over independently drawn networks, per layer 1…depth: of q^l, and of
     * ln(gradient^l) (gradients span decades, so their band is taken on the log scale).
     */
    public record SeedBand(double[] qMean, double[] qSd, double[] lnGradMean, double[] lnGradSd, int seeds) {}

    /**
     * {@code seeds} networks, each drawn from its own stream of {@code seed} ({@code depth/net/k}) and measured
     * on the same inputs with its own read-out ({@code depth/readout/k}). Null when cancelled.
     */
    public static SeedBand overSeeds(
            Phi phi,
            int inputs,
            int width,
            int depth,
            WeightInit scheme,
            double gain,
            double sigmaB2,
            double[][] x,
            long seed,
            int seeds,
            BooleanSupplier cancelled) {
        double[][] q = new double[seeds][], g = new double[seeds][];
        for (int k = 0; k < seeds; k++) {
            if (cancelled.getAsBoolean()) return null;
            DeepNetwork net =
                    draw(phi, inputs, width, depth, scheme, gain, sigmaB2, Seeds.derive(seed, "depth/net/" + k));
            Measured m = net.measure(x, Seeds.derive(seed, "depth/readout/" + k), cancelled);
            if (m == null) return null;
            q[k] = m.q();
            g[k] = new double[depth];
            for (int l = 0; l < depth; l++) g[k][l] = Math.log(m.gradient()[l]);
        }
        double[][] qs = meanSd(q, depth), gs = meanSd(g, depth);
        return new SeedBand(qs[0], qs[1], gs[0], gs[1], seeds);
    }

    private static double[][] meanSd(double[][] v, int n) {
        double[] mean = new double[n], sd = new double[n];
        for (int l = 0; l < n; l++) {
            double s = 0;
            for (double[] r : v) s += r[l];
            mean[l] = s / v.length;
            double s2 = 0;
            for (double[] r : v) s2 += (r[l] - mean[l]) * (r[l] - mean[l]);
            sd[l] = v.length > 1 ? Math.sqrt(s2 / (v.length - 1)) : 0;
        }
        return new double[][] {mean, sd};
    }

    /** {@code rows} Gaussian inputs of {@code inputs} values with variance q0. */
    public static double[][] gaussianInputs(int rows, int inputs, double q0, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double s = Math.sqrt(q0);
        double[][] x = new double[rows][inputs];
        for (double[] r : x) for (int i = 0; i < inputs; i++) r[i] = s * rng.nextGaussian();
        return x;
    }

    /** Mean and variance of a spectrum. */
    public static double[] meanAndVariance(double[] v) {
        double m = 0, m2 = 0;
        for (double e : v) m += e;
        m /= v.length;
        for (double e : v) m2 += (e - m) * (e - m);
        return new double[] {m, m2 / v.length};
    }
}
