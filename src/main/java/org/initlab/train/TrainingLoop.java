package org.initlab.train;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.format.Numbers;
import org.initlab.math.Seeds;

/**
 * The one training loop: a group of 1..n runs on the same mini-batches ({@link LockstepGroup}; one run alone
 * may use any engine), each reporting its start, probe points, epoch ends and end to the listener, each
 * judged on its own (divergence, stall, its messages). A member that diverges keeps stepping with the group
 * (its numbers are no longer looked at; the networks are independent), so the others' arithmetic is the
 * arithmetic they have alone. A member's {@code trainSeconds} is the group's step time divided by the
 * members still training.
 */
final class TrainingLoop {
    /** One run's state while the group trains. */
    private static final class Member {
        final RunKey key;
        final TrainingConfig config;
        final Evaluation evaluation;
        final List<ProbePoint> probes = new ArrayList<>();
        final List<EpochResult> epochs = new ArrayList<>();
        final List<StepPoint> steps = new ArrayList<>();
        double stepCost;
        long stepExamples;
        NetworkStats initial = NetworkStats.EMPTY;
        RunResult out;
        double initialCost = Double.NaN, epochCost, windowCost, stepSeconds;
        long epochExamples, windowExamples;
        /** The last step point's step, its count on the whole evaluation set and how long that took. */
        int pointStep = -1, pointCorrect;

        double pointMillis;

        Member(RunKey key, TrainingConfig config, Evaluation evaluation) {
            this.key = key;
            this.config = config;
            this.evaluation = evaluation;
        }
    }

    private final List<Member> members = new ArrayList<>();
    private final List<NetworkSpec> specs;
    private final TrainingSet data;
    private final TrainingListener listener;
    /** The training sample step points measure on; null while no run has evaluation steps. */
    private final Nd4jEvaluator trainSample;

    private final long start = System.nanoTime();
    private int active;
    /** Steps the group has taken. */
    private int stepsDone;

    private TrainingLoop(
            List<RunKey> keys,
            List<NetworkSpec> specs,
            List<TrainingConfig> configs,
            List<Evaluation> evaluations,
            TrainingSet data,
            TrainingListener listener) {
        if (keys.isEmpty()
                || keys.size() != specs.size()
                || keys.size() != configs.size()
                || keys.size() != evaluations.size()) {
            throw new IllegalArgumentException("one spec, config and evaluation per run, at least one run");
        }
        for (int m = 0; m < keys.size(); m++) members.add(new Member(keys.get(m), configs.get(m), evaluations.get(m)));
        this.specs = specs;
        this.data = data;
        this.listener = listener;
        this.active = keys.size();
        this.trainSample = configs.stream().anyMatch(c -> !c.evalSteps().isEmpty()) ? TrainSample.of(data) : null;
    }

    /** Trains the runs together and returns their results in the order of {@code keys}. */
    static List<RunResult> run(
            List<RunKey> keys,
            List<NetworkSpec> specs,
            List<TrainingConfig> configs,
            List<Evaluation> evaluations,
            TrainingSet data,
            TrainingListener listener,
            RunControl control) {
        return new TrainingLoop(keys, specs, configs, evaluations, data, listener).train(control);
    }

    private List<RunResult> train(RunControl control) {
        int g = members.size();
        List<Mlp> nets = new ArrayList<>();
        List<TrainingConfig> configs = new ArrayList<>();
        for (int m = 0; m < g; m++) {
            Member member = members.get(m);
            Mlp net = TrainingRun.initialNetwork(specs.get(m), member.key, data);
            List<float[]> startZ = new ArrayList<>();
            Gradients startGradients =
                    member.evaluation.probe().measure(net, startZ).gradients();
            member.initial = NetworkStats.of(net, startZ, startGradients);
            listener.runStarted(member.key, startZ, member.initial);
            nets.add(net);
            configs.add(member.config);
        }
        LockstepGroup group = LockstepGroup.of(nets, data, configs);
        TrainingConfig c0 = configs.get(0);
        BatchSampler sampler = new BatchSampler(
                data.first(),
                data.count(),
                c0.batchSize(),
                Seeds.rng(members.get(0).key.seed(), Seeds.BATCHES));
        int[] batch = new int[c0.batchSize()];
        long examples = 0;
        for (int epoch = 0; epoch < c0.epochs() && active > 0; epoch++) {
            boolean pass = c0.epochMode() == EpochMode.PASS;
            if (pass) sampler.startPass();
            int batches = pass ? sampler.batchesPerPass() : c0.batchesPerEpoch();
            for (Member member : members) {
                member.epochCost = member.windowCost = member.stepSeconds = 0;
                member.epochExamples = member.windowExamples = 0;
            }
            for (int i = 0; i < batches && active > 0; i++) {
                if (!control.checkpoint()) {
                    for (Member member : members)
                        if (member.out == null) end(member, RunStatus.CANCELLED, "cancelled in epoch " + epoch);
                    return results();
                }
                int n = pass ? sampler.nextInPass(batch) : sampler.next(batch);
                long t0 = System.nanoTime();
                double[] cost = group.step(batch, n);
                double share = (System.nanoTime() - t0) / 1e9 / active;
                examples += n;
                stepsDone++;
                for (int m = 0; m < g; m++) {
                    Member member = members.get(m);
                    if (member.out != null) continue;
                    member.stepSeconds += share;
                    if (!Double.isFinite(cost[m])) {
                        diverged(member, epoch, "the cost became NaN or infinite");
                        continue;
                    }
                    if (Double.isNaN(member.initialCost)) member.initialCost = cost[m] / n;
                    member.epochCost += cost[m];
                    member.windowCost += cost[m];
                    member.epochExamples += n;
                    member.windowExamples += n;
                    member.stepCost += cost[m];
                    member.stepExamples += n;
                    if (member.config.evalSteps().contains(stepsDone))
                        stepPoint(member, group.network(m), stepsDone, examples);
                    int probes = member.config.probesPerEpoch();
                    int probeEvery = probes == 0 ? Integer.MAX_VALUE : Math.max(1, batches / probes);
                    if ((i + 1) % probeEvery == 0 && i + 1 < batches) {
                        probe(member, group.network(m), epoch, epoch + (i + 1) / (double) batches, examples);
                    }
                }
            }
            for (int m = 0; m < g; m++) {
                Member member = members.get(m);
                if (member.out == null) endEpoch(member, group, m, epoch);
            }
        }
        for (Member member : members) if (member.out == null) end(member, RunStatus.COMPLETED, "");
        return results();
    }

    /** A step point: the accuracy on the training sample and the whole evaluation set after this many steps. */
    private void stepPoint(Member member, Mlp current, int step, long examples) {
        int trainCorrect = trainSample.correct(current);
        long e0 = System.nanoTime();
        member.pointCorrect = member.evaluation.full().correct(current);
        member.pointMillis = (System.nanoTime() - e0) / 1e6;
        member.pointStep = step;
        StepPoint point = new StepPoint(
                member.key,
                step,
                examples,
                member.stepCost / member.stepExamples,
                trainCorrect,
                trainSample.size(),
                member.pointCorrect,
                member.evaluation.full().size());
        member.steps.add(point);
        listener.stepEvaluated(point);
        member.stepCost = 0;
        member.stepExamples = 0;
    }

    /** A probe point inside an epoch: the cost since the last one, the probe sample's accuracy (and gradients early on). */
    private void probe(Member member, Mlp current, int epoch, double position, long examples) {
        String why = TrainingRun.divergence(current, member.windowCost / member.windowExamples, member.initialCost);
        if (why != null) {
            diverged(member, epoch, why);
            return;
        }
        int correct;
        Gradients gradients = Gradients.EMPTY;
        if (epoch < TrainingRun.GRADIENT_PROBE_EPOCHS) {
            Nd4jEvaluator.Measured measured = member.evaluation.probe().measure(current, null);
            correct = measured.correct();
            gradients = measured.gradients();
        } else {
            correct = member.evaluation.probe().correct(current);
        }
        ProbePoint point = new ProbePoint(
                member.key,
                position,
                examples,
                member.windowCost / member.windowExamples,
                correct,
                member.evaluation.probe().size(),
                gradients);
        member.probes.add(point);
        listener.probe(point);
        member.windowCost = 0;
        member.windowExamples = 0;
    }

    /** The epoch's end: divergence, the full evaluation, the statistics, the stall check. */
    private void endEpoch(Member member, LockstepGroup group, int m, int epoch) {
        Mlp current = group.network(m);
        String why = TrainingRun.divergence(current, member.epochCost / member.epochExamples, member.initialCost);
        if (why != null) {
            diverged(member, epoch, why);
            return;
        }
        // A step point on the epoch's last step has just evaluated this same network: its count, not a second pass
        // (a tenth of a deep sweep run's time at depth 60, where one pass over 10,000 images takes 0.7 s).
        boolean measured = member.pointStep == stepsDone;
        long e0 = System.nanoTime();
        int correct = measured ? member.pointCorrect : member.evaluation.full().correct(current);
        double evalMillis = measured ? member.pointMillis : (System.nanoTime() - e0) / 1e6;
        List<float[]> hiddenZ = new ArrayList<>();
        Gradients gradients =
                member.evaluation.probe().measure(current, hiddenZ).gradients();
        double[] meanAbsDelta = group.takeMeanAbsDelta(m);
        EpochResult result = new EpochResult(
                member.key,
                epoch,
                correct,
                member.evaluation.full().size(),
                member.epochCost / member.epochExamples,
                member.stepSeconds,
                evalMillis,
                hiddenZ,
                meanAbsDelta,
                NetworkStats.of(current, hiddenZ, gradients));
        member.epochs.add(result);
        listener.epochEnded(result);
        if (TrainingRun.stalled(meanAbsDelta))
            diverged(member, epoch, "every neuron saturated and the gradient is 0, so learning stopped");
    }

    private void diverged(Member member, int epoch, String why) {
        end(
                member,
                RunStatus.DIVERGED,
                "diverged in epoch " + epoch + ": " + why + " (η = " + Numbers.whole(member.config.eta())
                        + " is probably too large)");
    }

    private void end(Member member, RunStatus status, String message) {
        member.out = new RunResult(
                member.key,
                status,
                member.epochs,
                message,
                (System.nanoTime() - start) / 1e9,
                data.range(),
                member.initial,
                member.probes,
                member.steps);
        active--;
        listener.runEnded(member.out);
    }

    private List<RunResult> results() {
        List<RunResult> out = new ArrayList<>();
        for (Member member : members) out.add(member.out);
        return out;
    }
}
