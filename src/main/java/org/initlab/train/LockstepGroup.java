package org.initlab.train;

import java.util.List;
import org.initlab.core.Mlp;

/**
 * Several networks trained in lockstep on one thread: the same mini-batches, each example's sparse pixels
 * read once for all of them (the first layer's sums and updates; see {@link JavaSgdStep#stepGroup}). Each
 * network ends with exactly the bits it would have trained alone with the same batches and settings. The
 * networks may differ in weights, η, λ and the layers after the first; they share the images, the
 * mini-batch size and the first hidden layer's padded width.
 */
public final class LockstepGroup {
    private final SgdStep[] steps;
    /** The same steps as Java steps when there are several (they step together); null for one alone. */
    private final JavaSgdStep[] javaSteps;

    /** One network alone on its configured engine (any engine), or several on the Java engine. */
    public static LockstepGroup of(List<Mlp> networks, TrainingSet data, List<TrainingConfig> configs) {
        if (networks.size() == 1 && configs.size() == 1)
            return new LockstepGroup(configs.get(0).engine().create(networks.get(0), data, configs.get(0)));
        return new LockstepGroup(networks, data, configs);
    }

    private LockstepGroup(SgdStep alone) {
        steps = new SgdStep[] {alone};
        javaSteps = null;
    }

    public LockstepGroup(List<Mlp> networks, TrainingSet data, List<TrainingConfig> configs) {
        if (networks.isEmpty() || networks.size() != configs.size())
            throw new IllegalArgumentException("one config per network, at least one network");
        int batch = configs.get(0).batchSize();
        javaSteps = new JavaSgdStep[networks.size()];
        for (int i = 0; i < javaSteps.length; i++) {
            if (configs.get(i).batchSize() != batch)
                throw new IllegalArgumentException("lockstep networks share the mini-batch size");
            javaSteps[i] = new JavaSgdStep(networks.get(i), data, configs.get(i));
        }
        steps = javaSteps;
    }

    public int size() {
        return steps.length;
    }

    /** One step of every network on {@code batch[0..count)}; each network's cost sum, as {@link SgdStep#step} returns it. */
    public double[] step(int[] batch, int count) {
        if (steps.length == 1) return new double[] {steps[0].step(batch, count)};
        return JavaSgdStep.stepGroup(javaSteps, batch, count);
    }

    /** Times the group's steps phase by phase into {@code profile} (null: off). */
    public void profile(StepProfile profile) {
        if (javaSteps == null) throw new IllegalStateException("only the Java engine profiles its steps");
        javaSteps[0].profile(profile);
    }

    /** The {@code i}-th network's current parameters. */
    public Mlp network(int i) {
        return steps[i].network();
    }

    /** The {@code i}-th network's mean |δ| per layer since the last call (as {@link SgdStep#takeMeanAbsDelta}). */
    public double[] takeMeanAbsDelta(int i) {
        return steps[i].takeMeanAbsDelta();
    }
}
