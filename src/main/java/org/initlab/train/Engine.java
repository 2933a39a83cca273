package org.initlab.train;

import java.util.Locale;
import org.initlab.core.Activation;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;

/**
 * Which implementation runs the SGD step. {@link #JAVA} is the default hot path: row kernels over the sparse
 * input ({@link JavaSgdStep}) for small networks like the reference, whole-batch OpenBLAS products
 * ({@link DenseSgdStep}) for deep and wide ones, whichever {@link #dense} estimates faster; {@link #ND4J} is
 * the reference implementation built from ND4J ops. The differential tests prove they compute the same thing.
 */
public enum Engine {
    JAVA("java"),
    ND4J("nd4j");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public SgdStep create(Mlp network, TrainingSet data, TrainingConfig config) {
        return switch (this) {
            case JAVA ->
                dense(network.spec(), config.batchSize())
                        ? new DenseSgdStep(network, data, config)
                        : new JavaSgdStep(network, data, config);
            case ND4J -> new Nd4jSgdStep(network, data, config);
        };
    }

    /**
     * Whether the Java engine trains this network with whole-batch matrix products rather than row kernels:
     * the one with the smaller estimated step time (ns), fitted to both steps' measured CPU time on MNIST
     * (docs/performance.md, "Deep and wide networks"). The row kernels visit only the ~150 non-zero pixels of
     * an image (0.1 ns a multiply-add) but apply tanh and ReLU one unit at a time; the products do all 784
     * pixels at 0.02–0.04 ns a multiply-add (small batches use the BLAS less well), plus the batch's pixels and
     * a few µs of calls per layer. The reference (784-30-10, batch 10) stays on the row kernels and their bits.
     */
    public static boolean dense(NetworkSpec spec, int batch) {
        int layers = spec.layers(), first = spec.size(1);
        double later = 0, all = (double) spec.size(0) * first, units = 0;
        for (int l = 1; l < layers; l++) {
            later += (double) spec.size(l) * spec.size(l + 1);
            units += spec.size(l);
        }
        all += later;
        double perUnit = spec.hidden() == Activation.SIGMOID ? 1 : spec.hidden() == Activation.RELU ? 10 : 50;
        double rows = batch
                * (0.1 * (0.4 * spec.size(0) * first + 3 * later) + perUnit * units); // 19% of MNIST's pixels are not 0
        double products = 3 * batch * all * (batch < 32 ? 0.04 : 0.02) + batch * spec.size(0) + 3000.0 * layers;
        return products < rows;
    }

    public static Engine parse(String text) {
        for (Engine e : values()) if (e.id.equals(text.strip().toLowerCase(Locale.ROOT))) return e;
        throw new IllegalArgumentException("engine '" + text + "' is not one of java, nd4j");
    }
}
