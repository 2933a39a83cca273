package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.initlab.core.Mlp;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.math.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The loop measures a run after its chosen steps: the step points equal a replay of the same steps by hand
 * (the network after step t evaluated on the whole evaluation set and the training sample), steps past the
 * end and step 0 are never reached, and a lockstep group's members get the step points they get alone.
 */
class StepPointsTest {
    static final class Steps implements TrainingListener {
        final List<StepPoint> points = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void stepEvaluated(StepPoint p) {
            points.add(p);
        }
    }

    private static TrainingConfig config(double eta, List<Integer> steps) {
        return new TrainingConfig(eta, 4, 10, 2, 0, EpochMode.BATCHES, EvalSplit.TEST, 0, 7, Engine.JAVA, steps);
    }

    @Test
    void stepPointsEqualAReplayOfTheSameSteps() {
        TrainingSet data = TrainingSet.of(TrainingRunEventsTest.DATA, EvalSplit.TEST);
        TrainingConfig config = config(0.5, List.of(0, 13, 3, 25));
        RunKey key = new RunKey(0, TrainingRunEventsTest.LECUN, 6);
        Steps rec = new Steps();
        RunResult result = new TrainingRun(key, TrainingRunEventsTest.SPEC, config, data, Evaluation.of(data, config))
                .run(rec, new RunControl());
        assertEquals(RunStatus.COMPLETED, result.status());
        assertEquals(
                List.of(3, 13),
                result.steps().stream().map(StepPoint::step).toList(),
                "in the order reached; 0 and 25 (of 20 steps) never are");
        assertEquals(result.steps(), rec.points, "the listener gets what the result keeps");

        Mlp net = TrainingRun.initialNetwork(TrainingRunEventsTest.SPEC, key);
        SgdStep step = Engine.JAVA.create(net, data, config);
        BatchSampler sampler = new BatchSampler(50, 4, Seeds.rng(6, Seeds.BATCHES));
        int[] batch = new int[4];
        Nd4jEvaluator train = TrainSample.of(data),
                test = Evaluation.of(data, config).full();
        List<int[]> expected = new ArrayList<>();
        double cost = 0, costAt13 = 0;
        for (int t = 1; t <= 20; t++) {
            sampler.next(batch);
            double c = step.step(batch, 4);
            if (t > 3) cost += c;
            if (t == 3 || t == 13)
                expected.add(new int[] {train.correct(step.network()), test.correct(step.network())});
            if (t == 13) costAt13 = cost / (10 * 4);
        }
        assertEquals(
                50,
                train.size(),
                "the sample is the whole training range when it has fewer than " + TrainSample.SIZE + " images");
        for (int i = 0; i < 2; i++) {
            StepPoint p = result.steps().get(i);
            assertEquals(expected.get(i)[0], p.trainCorrect(), "training sample, point " + i);
            assertEquals(50, p.trainTotal());
            assertEquals(expected.get(i)[1], p.correct(), "evaluation set, point " + i);
            assertEquals(20, p.total());
            assertEquals(p.step() * 4L, p.examplesSeen());
        }
        assertEquals(costAt13, result.steps().get(1).meanCost(), 1e-12, "the mean cost of steps 4 to 13");
    }

    @Test
    void anEpochEndingOnAStepPointKeepsItsCountAndAnotherIsEvaluated() {
        TrainingSet data = TrainingSet.of(TrainingRunEventsTest.DATA, EvalSplit.TEST);
        TrainingConfig config = config(0.5, List.of(10, 13));
        RunKey key = new RunKey(0, TrainingRunEventsTest.LECUN, 6);
        RunResult result = new TrainingRun(key, TrainingRunEventsTest.SPEC, config, data, Evaluation.of(data, config))
                .run(TrainingListener.NONE, new RunControl());
        Mlp net = TrainingRun.initialNetwork(TrainingRunEventsTest.SPEC, key);
        SgdStep step = Engine.JAVA.create(net, data, config);
        BatchSampler sampler = new BatchSampler(50, 4, Seeds.rng(6, Seeds.BATCHES));
        int[] batch = new int[4];
        Nd4jEvaluator test = Evaluation.of(data, config).full();
        int[] atEpochEnd = new int[2];
        for (int t = 1; t <= 20; t++) {
            sampler.next(batch);
            step.step(batch, 4);
            if (t % 10 == 0) atEpochEnd[t / 10 - 1] = test.correct(step.network());
        }
        assertEquals(atEpochEnd[0], result.steps().get(0).correct(), "step 10");
        assertEquals(atEpochEnd[0], result.epochs().get(0).correct(), "epoch 0 ends on step 10: the same count");
        assertEquals(
                atEpochEnd[1], result.epochs().get(1).correct(), "epoch 1 ends on step 20, no step point: evaluated");
    }

    @Test
    void aGroupsMembersGetTheStepPointsTheyGetAlone() {
        TrainingSet data = TrainingSet.of(TrainingRunEventsTest.DATA, EvalSplit.TEST);
        List<RunKey> keys = new ArrayList<>();
        List<TrainingConfig> configs = new ArrayList<>();
        String[] schemes = {"lecun", "xavier", "he"};
        for (int i = 0; i < 3; i++) {
            keys.add(new RunKey(i, InitScheme.of(InitCatalog.byId(schemes[i])), 9));
            configs.add(config(0.1 * (i + 1), i == 2 ? List.of(5) : List.of(2, 7, 20)));
        }
        Steps together = new Steps();
        List<RunResult> group = LockstepRuns.run(
                keys, Collections.nCopies(3, TrainingRunEventsTest.SPEC), configs, data, together, new RunControl());
        for (int i = 0; i < 3; i++) {
            RunResult alone = new TrainingRun(
                            keys.get(i),
                            TrainingRunEventsTest.SPEC,
                            configs.get(i),
                            data,
                            Evaluation.of(data, configs.get(i)))
                    .run(TrainingListener.NONE, new RunControl());
            assertEquals(alone.steps().size(), group.get(i).steps().size(), schemes[i]);
            for (int k = 0; k < alone.steps().size(); k++) {
                StepPoint a = alone.steps().get(k), g = group.get(i).steps().get(k);
                assertEquals(a.step(), g.step());
                assertEquals(a.correct(), g.correct(), schemes[i] + " step " + a.step());
                assertEquals(a.trainCorrect(), g.trainCorrect(), schemes[i] + " step " + a.step());
                assertEquals(
                        Double.doubleToRawLongBits(a.meanCost()),
                        Double.doubleToRawLongBits(g.meanCost()),
                        schemes[i] + " step " + a.step());
            }
        }
        assertEquals(3 + 3 + 1, together.points.size(), "steps 2, 7, 20 for two members, 5 for the third");
    }
}
