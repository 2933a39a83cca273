package org.initlab.sweep;

import java.util.Arrays;
import java.util.List;
import org.initlab.train.EpochResult;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.StepPoint;

/**
 * What a sweep keeps of one finished run: per planned epoch the correct count (−1 for epochs a diverged
 * run did not reach) and the training seconds, the evaluation size, why it diverged (null if it did not),
 * and its accuracy after the plan's chosen steps ({@link StepAccuracy}; none unless the plan has evaluation steps).
 * A few numbers per epoch and chosen step, nothing per step.
 */
public record SweepResult(
        SweepRun run, int[] correct, int total, double[] trainSeconds, String diverged, StepAccuracy steps) {
    /**
     * The correct counts after each chosen step: {@code correct} on the evaluation set (of the result's {@code total}),
     * {@code trainCorrect} on the training sample of {@code trainTotal} images; −1 where the run did not get there.
     */
    public record StepAccuracy(int[] steps, int[] correct, int[] trainCorrect, int trainTotal) {
        public static final StepAccuracy NONE = new StepAccuracy(new int[0], new int[0], new int[0], 0);

        public StepAccuracy {
            if (correct.length != steps.length || trainCorrect.length != steps.length) {
                throw new IllegalArgumentException("one count per step");
            }
        }

        /** The counts a run's step points give for the planned steps. */
        public static StepAccuracy of(List<Integer> planned, List<StepPoint> points) {
            int[] steps = planned.stream().mapToInt(Integer::intValue).toArray();
            int[] correct = new int[steps.length], train = new int[steps.length];
            Arrays.fill(correct, -1);
            Arrays.fill(train, -1);
            int trainTotal = 0;
            for (StepPoint p : points) {
                int i = planned.indexOf(p.step());
                if (i < 0) continue;
                correct[i] = p.correct();
                train[i] = p.trainCorrect();
                trainTotal = p.trainTotal();
            }
            return new StepAccuracy(steps, correct, train, trainTotal);
        }
    }

    /** Without step accuracies. */
    public SweepResult(SweepRun run, int[] correct, int total, double[] trainSeconds, String diverged) {
        this(run, correct, total, trainSeconds, diverged, StepAccuracy.NONE);
    }

    public static SweepResult of(SweepRun run, RunResult r, int epochs, int evalSize) {
        return of(run, r, epochs, evalSize, List.of());
    }

    /** The result of a run of a plan whose chosen steps are {@code steps}. */
    public static SweepResult of(SweepRun run, RunResult r, int epochs, int evalSize, List<Integer> steps) {
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
        return new SweepResult(
                run,
                correct,
                r.epochs().isEmpty() ? evalSize : r.total(),
                seconds,
                why,
                StepAccuracy.of(steps, r.steps()));
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

    /** The accuracy on the evaluation set after the {@code i}-th chosen step in percent; NaN when it was not reached. */
    public double stepPercent(int i) {
        int c = steps.correct()[i];
        return c < 0 || total == 0 ? Double.NaN : 100.0 * c / total;
    }

    /** The accuracy on the training sample after the {@code i}-th chosen step in percent; NaN when it was not reached. */
    public double stepTrainPercent(int i) {
        int c = steps.trainCorrect()[i];
        return c < 0 || steps.trainTotal() == 0 ? Double.NaN : 100.0 * c / steps.trainTotal();
    }

    public double seconds() {
        double s = 0;
        for (double d : trainSeconds) s += d;
        return s;
    }
}
