package org.initlab.train;

import java.util.ArrayList;
import java.util.List;

/**
 * One scheme's runs over several seeds, epoch by epoch: mean, standard deviation (n − 1), minimum and
 * maximum of the accuracy — the mean line and the band on the chart, and the summary's mean ± sd.
 */
public record SeedBands(List<Band> epochs) {
    public record Band(int epoch, int runs, double mean, double sd, double min, double max) {}

    /** Accuracies in percent, {@code byRun.get(r).get(e)}; an epoch counts the runs that reached it. */
    public static SeedBands of(List<List<Double>> byRun) {
        int maxEpochs = byRun.stream().mapToInt(List::size).max().orElse(0);
        List<Band> bands = new ArrayList<>();
        for (int e = 0; e < maxEpochs; e++) {
            List<Double> v = new ArrayList<>();
            for (List<Double> run : byRun) if (e < run.size()) v.add(run.get(e));
            bands.add(band(e, v));
        }
        return new SeedBands(bands);
    }

    static Band band(int epoch, List<Double> v) {
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double sd = v.size() < 2 ? 0 : Math.sqrt(ss / (v.size() - 1));
        return new Band(
                epoch,
                v.size(),
                mean,
                sd,
                v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }

    /** Mean ± sd of one number per run (accuracy after epoch 0, best, first epoch reaching a target…). */
    public static Band summary(List<Double> perRun) {
        return band(-1, perRun);
    }
}
