package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.data.Dataset;
import org.initlab.data.TestData;
import org.initlab.train.EpochResult;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.TrainingSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sweep trains runs that share their mini-batches in lockstep groups; each run's result is the one it has trained alone, bit for bit. */
class SweepLockstepTest {
    static Dataset mnist;

    @BeforeAll
    static void load() {
        mnist = TestData.mnist();
    }

    static SweepPlan plan(String param, String values, String hidden, String eta, String... schemes) {
        Map<String, String> sweep = new LinkedHashMap<>(Map.of("param", param, "values", values));
        return SweepPlan.parse(
                sweep,
                Map.of("seeds", "1,2", "epochs", "2", "batchesPerEpoch", "60", "hidden", hidden, "eta", eta),
                List.of(schemes));
    }

    @Test
    void aKeysRunsSplitIntoTheFewestGroupsOfEqualSize() {
        SweepPlan six =
                plan("weight-scale", "1", "30", "3", "standard", "lecun", "xavier", "xavier-uniform", "he", "uniform");
        List<List<SweepRun>> units = SweepRunner.groups(six, six.runs(), mnist);
        assertEquals(
                List.of(3, 3, 3, 3),
                units.stream().map(List::size).toList(),
                "6 schemes × 2 seeds: 3 + 3 per seed, not 4 + 2");
        SweepPlan five = plan("weight-scale", "1", "30", "3", "standard", "lecun", "xavier", "he", "uniform");
        assertEquals(
                List.of(3, 2, 3, 2),
                SweepRunner.groups(five, five.runs(), mnist).stream()
                        .map(List::size)
                        .toList());
        SweepPlan two = plan("weight-scale", "1,10", "30", "3", "lecun", "he");
        assertEquals(
                List.of(4, 4),
                SweepRunner.groups(two, two.runs(), mnist).stream()
                        .map(List::size)
                        .toList(),
                "a weight scale changes only the initial weights: a seed's two scales × two schemes share their mini-batches");
    }

    @Test
    void groupedRunsHaveTheBitsOfRunsTrainedAlone() {
        int diverged = 0, completed = 0, grouped = 0;
        for (SweepPlan p : List.of(
                plan("weight-scale", "0.1,1,30,3000", "12", "60", "lecun", "standard"),
                plan("sigma-w2", "0.5,2", "12,7", "3", "lecun", "xavier-uniform", "orthogonal"))) {
            TrainingSet data = TrainingSet.of(mnist, p.base().eval());
            List<List<SweepRun>> units = SweepRunner.groups(p, p.runs(), mnist);
            assertEquals(
                    p.runs(),
                    units.stream()
                            .flatMap(List::stream)
                            .sorted(java.util.Comparator.comparingInt(SweepRun::index))
                            .toList(),
                    "every run once");
            for (List<SweepRun> unit : units) {
                assertTrue(unit.size() <= SweepRunner.LOCKSTEP_MAX);
                assertTrue(unit.stream().allMatch(r -> r.seed() == unit.get(0).seed()), "a group shares its seed");
                if (unit.size() > 1) grouped += unit.size();
                List<RunResult> together = SweepRunner.trainGroup(p, unit, data, mnist, new RunControl());
                for (int u = 0; u < unit.size(); u++) {
                    RunResult alone = SweepRunner.train(p, unit.get(u), data, mnist, new RunControl());
                    RunResult g = together.get(u);
                    String what = p.describe(unit.get(u).values()) + " "
                            + unit.get(u).scheme() + " seed " + unit.get(u).seed();
                    assertEquals(alone.status(), g.status(), what);
                    assertEquals(alone.message(), g.message(), what);
                    assertEquals(alone.run().toString(), g.run().toString(), what);
                    assertEquals(alone.run().scheme().id(), g.run().scheme().id(), what);
                    assertEquals(alone.epochs().size(), g.epochs().size(), what);
                    if (alone.status() == RunStatus.DIVERGED) diverged++;
                    if (alone.status() == RunStatus.COMPLETED) completed++;
                    for (int e = 0; e < alone.epochs().size(); e++) {
                        EpochResult a = alone.epochs().get(e), b = g.epochs().get(e);
                        assertEquals(a.correct(), b.correct(), what + " epoch " + e);
                        assertEquals(
                                Double.doubleToRawLongBits(a.meanCost()),
                                Double.doubleToRawLongBits(b.meanCost()),
                                what + " epoch " + e + " cost");
                        assertArrayEquals(a.meanAbsDelta(), b.meanAbsDelta(), what + " epoch " + e + " mean |δ|");
                        assertArrayEquals(
                                a.stats().saturatedShare(),
                                b.stats().saturatedShare(),
                                what + " epoch " + e + " saturated share");
                    }
                    SweepResult ra = SweepResult.of(
                            unit.get(u), alone, p.epochs(), data.evaluation().count());
                    SweepResult rg = SweepResult.of(
                            unit.get(u), g, p.epochs(), data.evaluation().count());
                    assertArrayEquals(ra.correct(), rg.correct(), what);
                    assertEquals(ra.total(), rg.total(), what);
                    assertEquals(ra.diverged(), rg.diverged(), what);
                }
            }
        }
        assertTrue(grouped >= 20, "runs trained in groups: " + grouped);
        assertTrue(
                diverged >= 1 && completed >= 1,
                "diverged " + diverged + ", completed " + completed + ": a group with diverging members is covered");
    }
}
