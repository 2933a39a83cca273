package org.initlab.theory;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.initlab.core.init.GaussianInit;
import org.initlab.core.init.OrthogonalInit;
import org.initlab.core.init.UniformInit;
import org.initlab.platform.Nd4jRuntime;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Monte-Carlo z = Σ w_j x_j + b in bulk with ND4J: a block of neurons at a time, each a row of k weights
 * (only the weights that meet an input of 1 matter; the others are multiplied by exactly 0), summed
 * along the row, plus a bias column. Blocks grow so the first answer comes fast and the rest refines it;
 * cancellation is checked between blocks.
 */
public final class ZSampler {
    /** About this many weight draws in the first block: ~45 ms here, so the first histogram is on screen within 100 ms of an edit. */
    static final long FIRST_BLOCK_DRAWS = 2_000_000L;

    static final long BLOCK_DRAWS = 32_000_000L;

    private ZSampler() {}

    /** Samples everything; reports each block's cumulative statistics; returns the final ones (or the partial ones if cancelled). */
    public static ZStats sample(ZSpec spec, double threshold, BooleanSupplier cancelled, Consumer<ZStats> progress) {
        Nd4jRuntime.ensureLoaded();
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(spec.seed());
        float[] z = new float[spec.samples()];
        int k = spec.ones();
        int done = 0;
        long drawsPerNeuron = Math.max(1, k);
        ZStats last = ZStats.of(spec, z, 0, threshold);
        while (done < spec.samples()) {
            if (cancelled.getAsBoolean()) return last;
            long budget = done == 0 ? FIRST_BLOCK_DRAWS : BLOCK_DRAWS;
            int block = (int) Math.max(1, Math.min(spec.samples() - done, budget / drawsPerNeuron));
            INDArray sums;
            if (k > 0) {
                INDArray w = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, block, k);
                fill(w, spec, rng);
                sums = w.sum(1);
            } else {
                sums = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, block);
            }
            if (spec.biasSigma() > 0) {
                INDArray b = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, block);
                Nd4j.getExecutioner().exec(new GaussianDistribution(b, 0, spec.biasSigma()), rng);
                sums.addi(b);
            }
            System.arraycopy(sums.data().asFloat(), 0, z, done, block);
            done += block;
            last = ZStats.of(spec, z, done, threshold);
            progress.accept(last);
        }
        return last;
    }

    private static void fill(INDArray w, ZSpec spec, Random rng) {
        if (spec.weights() instanceof UniformInit u) {
            double lim = u.limit(spec.inputs(), spec.fanOut());
            Nd4j.getExecutioner().exec(new UniformDistribution(w, -lim, lim), rng);
        } else if (spec.weights() instanceof GaussianInit || spec.weights() instanceof OrthogonalInit) {
            // One unit's weights from an orthogonal matrix are a uniform direction on the sphere: the sum of k of them
            // has the Gaussian draw's variance k·σ² (and is Gaussian to O(1/n)); LSUV here is its orthonormal start.
            Nd4j.getExecutioner().exec(new GaussianDistribution(w, 0, spec.weightSigma()), rng);
        } else {
            w.assign(0); // zeros, or any scheme whose σ is 0
        }
    }
}
