package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sweep's arguments: every compare setting applies, each swept value and the shard are checked, nothing trains. */
class SweepCommandTest {
    private static String[] args(String line) {
        return ("sweep " + line).trim().split(" +");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--values 0,1|--values: weight scale: 0 is outside the allowed range (above 0, at most 1000000)",
                "--param depth --values 0|--values: depth (hidden layers): 0 is outside the allowed range 1 to 1000",
                "--param eta --values 1,-3|--values: learning rate η: -3 is outside",
                "--param batch --values 10 --param2 batch --values2 20|--param2: batch is already --param",
                "--param2 depth|--param2 and --values2 go together",
                "--param nope|--param: unknown parameter 'nope'",
                "--epochs 0|--epochs: 0 is outside the allowed range 1 to 10000",
                "--hidden 30,x|--hidden: 'x' is not a whole number",
                "--schemes lecun,glorot|--schemes: unknown scheme 'glorot'",
                "--shard 3/2|--shard K/N: K must be 1 to N (2), got 3",
                "--shard 1|--shard: '1' is not K/N",
                "--json x.json|--json is compare's",
                "--frobnicate 1|unknown option --frobnicate",
            })
    void refusedWithTheSettingsModelsWords(String line, String message) {
        UsageException e = assertThrows(UsageException.class, () -> SweepCommand.plan(args(line)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void compareSettingsApplyToEveryRun() throws Exception {
        SweepCommand.Plan p = SweepCommand.plan(
                args(
                        "--param hidden-width --values 10,20 --param2 depth --values2 1,3 --activation tanh --eta 0.5 --seeds 4,5 --schemes xavier --shard 2/3 --threads 1"));
        assertEquals(8, p.sweep().runCount());
        assertEquals("2/3", p.shard().toString());
        var run = p.sweep()
                .runs()
                .get(3); // cells (10,1), (10,3), (20,1), (20,3), two seeds each: run 3 is (10,3), seed 5
        var s = p.sweep().settings(run);
        assertEquals(List.of(10L, 10L, 10L), s.hidden());
        assertEquals(0.5, s.eta());
        assertEquals("tanh", s.activation().id());
        assertEquals(List.of(5L), s.seeds());
        assertEquals(List.of("xavier"), s.schemeIds());
    }
}
