package org.initlab.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.data.Dataset;
import org.initlab.data.TestData;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.StepPoint;
import org.initlab.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep with evaluation steps: its CSV records each run's accuracy after every chosen step and reads it back;
 * a sweep without them keeps the columns and the id of sweeps from before step columns existed; the map's
 * agreement with the theory counts the cells where "trained" and "depth below 6 ξ_c" say the same.
 */
class SweepStepsTest {
    @TempDir
    Path dir;

    static SweepPlan plan(String evalSteps) {
        Map<String, String> sweep = new LinkedHashMap<>(Map.of("param", "weight-scale", "values", "1,300"));
        Map<String, String> settings =
                new LinkedHashMap<>(Map.of("seeds", "1", "epochs", "2", "batchesPerEpoch", "30", "hidden", "12"));
        if (evalSteps != null) settings.put("evalSteps", evalSteps);
        return SweepPlan.parse(sweep, settings, List.of("lecun"));
    }

    @Test
    void theCsvRecordsTheAccuracyAfterEachChosenStepAndReadsItBack() throws Exception {
        Dataset mnist = TestData.mnist();
        SweepPlan p = plan("50,10,0,1000");
        assertEquals(List.of(10, 50, 1000), p.evalSteps(), "rising, each once, without 0");
        Path csv = dir.resolve("steps.csv");
        List<SweepResult> live = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<StepPoint> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        SweepRunner.run(
                p,
                Shard.ALL,
                mnist,
                csv,
                1,
                new SweepRunner.Listener() {
                    @Override
                    public void runEnded(SweepResult r, RunResult result, boolean fromFile) {
                        live.add(r);
                    }

                    @Override
                    public TrainingListener training() {
                        return new TrainingListener() {
                            @Override
                            public void stepEvaluated(StepPoint point) {
                                events.add(point);
                            }
                        };
                    }
                },
                new RunControl());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(
                "weight_scale,scheme,seed,epoch,correct,total,diverged,train_seconds,train_total,step_10_correct,step_10_train_correct,"
                        + "step_50_correct,step_50_train_correct,step_1000_correct,step_1000_train_correct",
                lines.get(1));
        assertEquals(4, events.size(), "steps 10 and 50 of 60, for both runs; 1,000 is past the end");
        assertEquals(2, live.size());
        for (SweepResult r : live) {
            assertEquals(-1, r.steps().correct()[2], "step 1000 not reached");
            assertTrue(Double.isNaN(r.stepPercent(2)));
            assertTrue(r.steps().correct()[0] > 0 && r.steps().trainCorrect()[0] > 0);
            assertEquals(
                    mnist.train().count() - 5000 < 10_000 ? mnist.train().count() - 5000 : 10_000,
                    r.steps().trainTotal());
        }
        List<SweepResult> read = SweepCsv.read(csv, p);
        assertEquals(2, read.size());
        for (SweepResult r : read) {
            SweepResult same = live.stream()
                    .filter(x -> x.run().equals(r.run()))
                    .findFirst()
                    .orElseThrow();
            assertArrayEquals(same.steps().correct(), r.steps().correct());
            assertArrayEquals(same.steps().trainCorrect(), r.steps().trainCorrect());
            assertEquals(same.steps().trainTotal(), r.steps().trainTotal());
            assertArrayEquals(new int[] {10, 50, 1000}, r.steps().steps());
        }
        // A row cut short of its step columns by a kill (no newline after it) is a torn run, not read.
        String body = lines.get(2);
        Path torn = dir.resolve("torn.csv");
        Files.writeString(torn, lines.get(0) + "\n" + lines.get(1) + "\n" + body.substring(0, body.lastIndexOf(',')));
        assertTrue(SweepCsv.read(torn, p).isEmpty());
    }

    @Test
    void withoutEvaluationStepsTheColumnsAndTheIdAreThoseOfBefore() {
        SweepPlan none = plan(null), zero = plan("0");
        assertEquals(none.id(), zero.id());
        assertFalse(none.definition().contains("evalSteps"), none.definition());
        assertEquals("weight_scale,scheme,seed,epoch,correct,total,diverged,train_seconds", SweepCsv.columns(none));
        assertTrue(plan("100").definition().contains("evalSteps=100"));
    }

    @Test
    void theAgreementCountsTheCellsWhereTrainingAndTheTheorySayTheSame() {
        Map<String, String> sweep = new LinkedHashMap<>(
                Map.of("param", "sigma-w2", "values", "1,1.5", "param2", "depth", "values2", "10,30"));
        SweepPlan p = SweepPlan.parse(
                sweep,
                Map.of(
                        "seeds",
                        "1",
                        "activation",
                        "tanh",
                        "bias",
                        "normal:0.2236068",
                        "evalSteps",
                        "100",
                        "batchesPerEpoch",
                        "100",
                        "epochs",
                        "1"),
                List.of("lecun"));
        // 6 ξ_c at σ_b² 0.05 (the theory command): 21.8 layers at σ_w² 1, 94.7 at 1.5.
        // Cells in order (1, 10), (1, 30), (1.5, 10), (1.5, 30): after step 100 at 90%, 60%, 80%, 20%; at the end 90%,
        // diverged, 80%, 70%.
        int[][] at = {{9000, 9000}, {6000, -1}, {8000, 8000}, {2000, 7000}};
        List<SweepResult> results = new java.util.ArrayList<>();
        for (SweepRun r : p.runs()) {
            int[] c = at[r.cell()];
            results.add(new SweepResult(
                    r,
                    new int[] {c[1]},
                    10000,
                    new double[] {1},
                    c[1] < 0 ? "diverged" : null,
                    new SweepResult.StepAccuracy(new int[] {100}, new int[] {c[0]}, new int[] {c[0]}, 10000)));
        }
        List<DepthAgreement.Agreement> a = DepthAgreement.of(p, results);
        assertEquals(2, a.size(), "after step 100 and after the last epoch");
        assertEquals(100, a.get(0).step());
        assertEquals(
                2,
                a.get(0).agreeing(),
                "(1, 10) trained and trainable; (1, 30) trained though deeper than 21.8; (1.5, 30) not trained though trainable");
        assertEquals(4, a.get(0).measured());
        assertEquals(21.76, a.get(0).cells().get(1).trainableDepth(), 0.01);
        assertEquals(94.75, a.get(0).cells().get(3).trainableDepth(), 0.01);
        assertEquals(-1, a.get(1).step());
        assertEquals(
                4,
                a.get(1).agreeing(),
                "the diverged run counts as untrained, as the theory says at depth 30 and σ_w² 1");
        assertEquals("after step 100: 2 of 4 cells agree (50%)", a.get(0).describe());
        assertEquals("after the last epoch: 4 of 4 cells agree (100%)", a.get(1).describe());
        assertTrue(DepthAgreement.of(plan("100"), List.of()).isEmpty(), "no depth × σ_w² map, no agreement");
    }
}
