package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.initlab.core.NetworkSpec;
import org.initlab.data.TestData;
import org.initlab.format.Numbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rule for every command's arguments (exit code 2, one line), and what is refused against the data before any work. */
class ArgumentRulesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bench --data /nonexistent/folder|initlab bench: --data: /nonexistent/folder is not a folder",
                "compare --data ''|initlab compare: --data: no folder given",
                "sweep --data ''|initlab sweep: --data: no folder given",
                "settings --foo|initlab settings: unexpected argument '--foo' (settings takes none)",
                "settings x|initlab settings: unexpected argument 'x' (settings takes none)",
                "help --foo|initlab help: unexpected argument '--foo' (help takes none)",
                "compare --epochs １|initlab compare: --epochs: '１' is not a whole number",
                "compare --seeds ٣,2|initlab compare: --seeds: '٣' is not a whole number",
                "compare --eta ０.5|initlab compare: --eta: '０.5' is not a number",
                "compare --epochs 2 --epochs 3|initlab compare: --epochs is given twice",
                "sweep-merge a.csv --csv=a --csv=b|initlab sweep-merge: --csv is given twice",
                "compare --bias constant:1e300|initlab compare: --bias: bias rule 'constant:1e300': the number after ':' must be from -1e6 to 1e6",
                "compare --bias constant:1e309|initlab compare: --bias: bias rule 'constant:1e309': the number after ':' must be from -1e6 to 1e6",
                "compare --bias constant:Infinity|initlab compare: --bias: bias rule 'constant:Infinity': the number after ':' must be from -1e6 to 1e6",
                "compare --bias normal:-1|initlab compare: --bias: bias rule 'normal:-1': the number after ':' must be from 0 to 1e6",
                "compare --hidden 60000 --batch 60000|initlab compare: a batch of 60,000 images through a layer of 60,000 units is 3,600,000,000 values",
                "sweep --param hidden-width --values 30,60000 --batch 60000|initlab sweep: cell hidden-width=60000: a batch of 60,000 images",
            })
    void refusedWithExitCode2AndOneLine(String line, String expected) {
        String[] args =
                Arrays.stream(line.split(" ")).map(a -> a.equals("''") ? "" : a).toArray(String[]::new);
        OutputFilesTest.Result r = OutputFilesTest.run(args);
        assertEquals(2, r.code(), r.err() + r.out());
        assertTrue(r.err().startsWith(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void memoryIsEstimatedForTheRunsAtOnce() {
        NetworkSpec wide = NetworkSpec.reference(784, 60000, 10);
        DataShape mnist = new DataShape(60000, 10000, 28, 28);
        long twoGb = 2_000_000_000L;
        // 47,700,010 parameters × 3 float copies = 572 MB, plus the batch of 10's activations; 8 schemes on 8 threads
        // at once.
        assertEquals(
                "not enough memory: about 4,931 MB needed (8 runs at once × 583 MB for weights, gradients and activations at batch 10; the data 275 MB),"
                        + " and this JVM may use 2,000 MB: use fewer --threads, a smaller --batch or network, or a larger -Xmx",
                MemoryCheck.problem(wide, 10, 8, 8, mnist, twoGb));
        assertNull(MemoryCheck.problem(wide, 10, 1, 1, mnist, twoGb), "one such run fits");
        assertNull(
                MemoryCheck.problem(NetworkSpec.reference(784, 30, 10), 10, 6, 2, mnist, 300_000_000L),
                "the reference fits in 300 MB");
        assertTrue(
                MemoryCheck.problem(
                                NetworkSpec.reference(784, 30, 10),
                                10,
                                2,
                                2,
                                new DataShape(1_000_000, 10000, 28, 28),
                                twoGb)
                        .contains("the data 3,960 MB"),
                "a dataset larger than the heap is refused before it is read");
    }

    @Test
    void imagesOfAnySizeTrainInCompareAsInSweep() throws Exception {
        Path data = Files.createDirectories(dir.resolve("small"));
        TestData.writeIdxFolder(data, 300, 100, 10);
        CompareCommand.Plan plan = CompareCommand.plan(new String[] {"compare", "--data", data.toString()});
        assertEquals(100, plan.comparison().spec().inputs());
        OutputFilesTest.Result r = OutputFilesTest.run(
                "compare",
                "--data",
                data.toString(),
                "--epochs",
                "1",
                "--batches-per-epoch",
                "2",
                "--schemes",
                "lecun",
                "--seeds",
                "1",
                "--threads",
                "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("lecun seed=1 Epoch 0: "), r.out());
        assertTrue(r.out().contains("for 1 runs on 1 thread\n"), "--threads 1 is said as given: " + r.out());
        assertEquals(
                100,
                SweepCommand.plan(new String[] {"sweep", "--data", data.toString()})
                        .sweep()
                        .comparison(
                                SweepCommand.plan(new String[] {"sweep", "--data", data.toString()})
                                        .sweep()
                                        .runs()
                                        .get(0),
                                100,
                                10)
                        .spec()
                        .inputs());
    }

    @Test
    void validationNeedsMoreThan10000TrainingImagesAndIsRefusedBeforeTheCsv() throws Exception {
        Path data = Files.createDirectories(dir.resolve("five-thousand"));
        TestData.writeIdxFolder(data, 5000, 10, 4);
        String expected = "--eval validation: the validation split holds out the last 10,000 training images, and "
                + data + " has 5,000; use --eval test";
        OutputFilesTest.Result c = OutputFilesTest.run("compare", "--data", data.toString(), "--eval", "validation");
        assertEquals("initlab compare: " + expected, c.err().strip());
        Path csv = dir.resolve("s.csv");
        OutputFilesTest.Result s = OutputFilesTest.run(
                "sweep", "--data", data.toString(), "--eval", "validation", "--csv", csv.toString());
        assertEquals("initlab sweep: " + expected, s.err().strip());
        assertEquals(2, s.code());
        assertFalse(Files.exists(csv), "no header-only CSV is left");
    }

    @Test
    void aRunWithoutEpochsIsNotAPercentage() {
        assertEquals("n/a", Numbers.percent(0, 0));
        assertEquals("94.12%", Numbers.percent(9412, 10000));
    }
}
