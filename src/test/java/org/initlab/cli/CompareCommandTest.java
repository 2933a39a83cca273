package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.initlab.MainAccess;
import org.initlab.report.RunCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompareCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--epochs abc|--epochs: 'abc' is not a whole number",
                "--epochs 0|--epochs: 0 is outside the allowed range 1 to 10000",
                "--epochs -3|--epochs: -3 is outside",
                "--eta 0|--eta: 0 is outside the allowed range",
                "--eta -1|--eta: -1 is outside",
                "--eta NaN|--eta: NaN is outside",
                "--eta 3x|--eta: '3x' is not a number",
                "--batch 0|--batch: 0 is outside",
                "--hidden 100000000|--hidden: 100000000 is outside",
                "--hidden 30,,30|--hidden: '' is not a whole number",
                "--schemes standard,glorot|--schemes: unknown scheme 'glorot'",
                "--schemes lecun,lecun|--schemes: 'lecun' is listed twice",
                "--loss hinge|--loss: loss 'hinge' is not one of quadratic, cross-entropy",
                "--seeds 1,x|--seeds: 'x' is not a whole number",
                "--frobnicate 3|unknown option --frobnicate",
                "--epochs|--epochs needs a value",
                "stray|unexpected argument 'stray'",
                "--output softmax|a softmax output needs the cross-entropy",
            })
    void badArgumentsNameTheArgument(String args, String message) {
        String[] argv = ("compare " + args).split(" ");
        UsageException e = assertThrows(UsageException.class, () -> CompareCommand.plan(argv));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void mainExitsWithCode2AndOneLineOnStandardError() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, MainAccess.run("compare", "--epochs", "zero"));
            assertEquals(2, MainAccess.run("frobnicate"));
        } finally {
            System.setErr(oldErr);
        }
        String[] lines = err.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("initlab compare: --epochs: 'zero'"), lines[0]);
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("Exception"), "no stack trace");
    }

    @Test
    void defaultsAreTheReferenceExperiment() throws UsageException {
        CompareCommand.Plan p = CompareCommand.plan(new String[] {"compare"});
        assertEquals(
                "784-30-10 sigmoid/sigmoid quadratic", p.comparison().spec().toString());
        assertEquals(3.0, p.comparison().config().eta());
        assertEquals(10, p.comparison().config().batchSize());
        assertEquals(5000, p.comparison().config().batchesPerEpoch());
        assertEquals(30, p.comparison().config().epochs());
        assertEquals(
                List.of("standard", "lecun"),
                p.comparison().schemes().stream().map(s -> s.id()).toList());
    }

    @Test
    void smallRunPrintsTheReferenceLinesAndWritesTheCsv() throws Exception {
        Path csv = dir.resolve("runs.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CompareCommand.run(
                new String[] {
                    "compare",
                    "--schemes",
                    "standard,lecun",
                    "--epochs",
                    "2",
                    "--batches-per-epoch",
                    "200",
                    "--seeds",
                    "1,2",
                    "--csv",
                    csv.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(0, code);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*standard seed=1 Epoch 0: \\d+ / 10000.*"), text);
        assertTrue(text.matches("(?s).*lecun seed=2 best: \\d+ / 10000.*"), text);
        assertTrue(text.contains("first >=94%"), text);
        List<String> rows = Files.readAllLines(csv);
        assertEquals(RunCsv.HEADER, rows.get(0));
        assertEquals(1 + 2 * 2 * 2, rows.size());
        assertTrue(
                rows.get(1)
                        .matches(
                                "standard,1,0,\\d+,10000,\\d+\\.\\d{4},\\d\\.\\d{6},784-30-10,sigmoid,sigmoid,quadratic,3,0,10,test,batches,completed,5000,55000"),
                rows.get(1));
    }
}
