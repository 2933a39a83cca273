package org.initlab.sweep;

import java.util.Arrays;
import org.initlab.train.EpochResult;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;

/**
 * What a sweep keeps of one finished run: per planned epoch the correct count (−1 for epochs a diverged
 * run did not reach) and the training seconds, the evaluation size, and why it diverged (null if it did not).
 * A few numbers per epoch, nothing per step.
 */
public record SweepResult(SweepRun run, int[] correct, int total, double[] trainSeconds, String diverged) {
    public static SweepResult of(SweepRun run, RunResult r, int epochs, int evalSize) {
        int[] correct = new int[epochs];
        double[] seconds = new double[epochs];
        Arrays.fill(correct, -1);
        for (EpochResult e : r.epochs()) {
            if (e.epoch() < epochs) {
                correct[e.epoch()] = e.correct();
                seconds[e.epoch()] = e.trainSeconds();
            }
        }
        String why = r.status() == RunStatus.DIVERGED ? (r.message().isEmpty() ? "diverged" : r.message()) : null;
        return new SweepResult(run, correct, r.epochs().isEmpty() ? evalSize : r.total(), seconds, why);
    }

    public boolean isDiverged() {
        return diverged != null;
    }

    /** The best accuracy of any epoch in percent; NaN when no epoch was reached. */
    public double bestPercent() {
        int best = -1;
        for (int c : correct) best = Math.max(best, c);
        return best < 0 || total == 0 ? Double.NaN : 100.0 * best / total;
    }

    /** The accuracy after the last planned epoch; NaN when it was not reached. */
    public double finalPercent() {
        int c = correct[correct.length - 1];
        return c < 0 || total == 0 ? Double.NaN : 100.0 * c / total;
    }

    public double seconds() {
        double s = 0;
        for (double d : trainSeconds) s += d;
        return s;
    }
}
