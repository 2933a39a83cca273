package org.initlab.train;

/** Running mean |δ| per layer over the examples since the last {@link #take()}: how fast each layer learns. */
public final class DeltaMeter {
    private final double[] sum;
    private long examples;

    public DeltaMeter(int layers) {
        sum = new double[layers];
    }

    /** Adds a batch's summed per-example mean |δ| for one layer. */
    public void add(int layer, double sumOverBatch) {
        sum[layer] += sumOverBatch;
    }

    public void countExamples(int n) {
        examples += n;
    }

    public double[] take() {
        double[] mean = new double[sum.length];
        for (int l = 0; l < sum.length; l++) {
            mean[l] = examples == 0 ? Double.NaN : sum[l] / examples;
            sum[l] = 0;
        }
        examples = 0;
        return mean;
    }
}
