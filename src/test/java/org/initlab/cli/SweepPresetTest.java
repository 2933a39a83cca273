package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.initlab.core.Activation;
import org.initlab.sweep.SweepResult;
import org.initlab.sweep.SweepRun;
import org.junit.jupiter.api.Test;

/** sweep --preset starts from a preset's settings and schemes; options after it change them; the plan is the one the same options give. */
class SweepPresetTest {
    private static String[] args(String line) {
        return ("sweep " + line).trim().split(" +");
    }

    @Test
    void aPresetIsTheSweepOfItsSettings() throws Exception {
        SweepCommand.Plan preset = SweepCommand.plan(args("--preset he30 --param depth --values 30"));
        String thirty = String.join(",", java.util.Collections.nCopies(30, "100"));
        SweepCommand.Plan spelled = SweepCommand.plan(
                args(
                        "--param depth --values 30 --hidden " + thirty
                                + " --activation relu --bias zeros --output softmax "
                                + "--loss cross-entropy --eta 0.05 --batch 64 --batches-per-epoch 1000 --epochs 1 --eval-steps 100,300,1000 --schemes xavier,he --seeds 1"));
        assertEquals(spelled.sweep().definition(), preset.sweep().definition());
        assertEquals(
                SweepCommand.plan(args("--preset he30 --hidden 100 --param depth --values 30"))
                        .sweep()
                        .id(),
                SweepCommand.plan(
                                args(
                                        "--param depth --values 30 --hidden 100 --activation relu --bias zeros --output softmax --loss cross-entropy --eta 0.05 "
                                                + "--batch 64 --batches-per-epoch 1000 --epochs 1 --eval-steps 100,300,1000 --schemes xavier,he --seeds 1"))
                        .sweep()
                        .id(),
                "an option after the preset changes it");
        assertEquals(List.of(100, 300, 1000), preset.sweep().evalSteps());
        SweepCommand.Plan changed = SweepCommand.plan(
                args(
                        "--preset edgeOfChaos --param sigma-w2 --values 1,4 --param2 depth --values2 10,20 --eta 0.01 --schemes xavier"));
        assertEquals(0.01, changed.sweep().base().eta());
        assertEquals(List.of("xavier"), changed.sweep().schemes());
        assertEquals(Activation.TANH, changed.sweep().base().activation());
        assertEquals(
                30,
                changed.sweep().base().hidden().size(),
                "the preset's 30 layers of 100, the depth axis overriding them per cell");
        UsageException e = assertThrows(UsageException.class, () -> SweepCommand.plan(args("--preset nope")));
        assertTrue(e.getMessage().startsWith("--preset: unknown preset 'nope'; known: reference, "), e.getMessage());
    }

    @Test
    void aDeepPresetWithoutAxesSweepsItsOwnGrid() throws Exception {
        SweepCommand.Plan p = SweepCommand.plan(args("--preset edgeOfChaos"));
        assertEquals(
                List.of(org.initlab.settings.SweepAxis.SIGMA_W2, org.initlab.settings.SweepAxis.DEPTH),
                p.sweep().axes());
        assertEquals(
                List.of(1.0, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0), p.sweep().values().get(0));
        assertEquals(List.of(10.0, 20.0, 30.0, 40.0, 50.0), p.sweep().values().get(1));
        assertEquals(
                org.initlab.sweep.PresetGrid.of("edgeOfChaos")
                        .orElseThrow()
                        .plan()
                        .definition(),
                p.sweep().definition());
        assertEquals(
                List.of(2L, 3L),
                SweepCommand.plan(args("--preset edgeOfChaos --seeds 2,3"))
                        .sweep()
                        .seeds());
        assertEquals(
                List.of(org.initlab.settings.SweepAxis.DEPTH),
                SweepCommand.plan(args("--preset edgeOfChaos --param depth --values 5"))
                        .sweep()
                        .axes(),
                "axes given replace the preset's grid");
        assertEquals(
                SweepCommand.plan(args("")).sweep().axes(),
                SweepCommand.plan(args("--preset reference")).sweep().axes(),
                "a preset without a grid sweeps the default axis");
    }

    @Test
    void theSweepPrintsTheMapsAgreementAndTheStepTable() throws Exception {
        SweepCommand.Plan p = SweepCommand.plan(args(
                "--preset edgeOfChaos --param sigma-w2 --values 1,4 --param2 depth --values2 10,60 --eval-steps 100"));
        List<SweepResult> results = new java.util.ArrayList<>();
        int[] percent = {90, 30, 80, 10}; // (1, 10), (1, 60), (4, 10), (4, 60): 6 ξ_c is 21.8 at σ_w² 1 and 41.9 at 4
        for (SweepRun r : p.sweep().runs()) {
            int c = percent[r.cell()] * 100;
            results.add(new SweepResult(
                    r,
                    new int[] {c},
                    10000,
                    new double[] {1},
                    null,
                    new SweepResult.StepAccuracy(new int[] {100}, new int[] {c}, new int[] {c + 50}, 10000)));
        }
        assertEquals("""

                the map against the theory (trained: above 50% on the evaluation set; trainable in theory: depth < 6 ξ_c):
                  after step 100: 4 of 4 cells agree (100%)
                  after the last epoch: 4 of 4 cells agree (100%)
                """, SweepCommand.agreement(p.sweep(), results));
        String table = SweepCommand.stepTable(p.sweep(), results);
        assertTrue(table.contains("           1           60 lecun          30.00 / 30.50"), table);
        assertEquals(
                "",
                SweepCommand.agreement(
                        SweepCommand.plan(args("--param depth --values 1,2")).sweep(), List.of()),
                "no depth × σ_w² map");
    }
}
