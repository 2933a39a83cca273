package org.initlab.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.math.Seeds;
import org.initlab.train.BatchSampler;
import org.initlab.train.LockstepGroup;
import org.initlab.train.RunKey;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingRun;
import org.initlab.train.TrainingSet;

/** What {@code bench} times in lockstep: {@code g} lecun networks (seeds 1 … g) in one group, on seed 1's mini-batches of the training range. */
final class ReferenceGroup {
    final LockstepGroup group;
    private final BatchSampler sampler;
    private final int[] batch;

    ReferenceGroup(NetworkSpec spec, TrainingSet set, TrainingConfig config, int g) {
        List<Mlp> nets = new ArrayList<>();
        for (int i = 0; i < g; i++)
            nets.add(TrainingRun.initialNetwork(spec, new RunKey(i, InitScheme.of(InitCatalog.byId("lecun")), 1 + i)));
        group = new LockstepGroup(nets, set, Collections.nCopies(g, config));
        sampler = new BatchSampler(set.first(), set.count(), config.batchSize(), Seeds.rng(1, Seeds.BATCHES));
        batch = new int[config.batchSize()];
    }

    /** {@code n} steps of the whole group. */
    void steps(int n) {
        for (int b = 0; b < n; b++) group.step(batch, sampler.next(batch));
    }
}
