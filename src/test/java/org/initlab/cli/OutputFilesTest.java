package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.initlab.MainAccess;
import org.initlab.data.DatasetLoader;
import org.initlab.data.TestData;
import org.initlab.io.AtomicFiles;
import org.initlab.io.OutputPaths;
import org.initlab.sweep.Shard;
import org.initlab.sweep.SweepCsv;
import org.initlab.sweep.SweepPlan;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's output files, checked by one check before any work: devices and pipes, folders, paths
 * under a file, an output that is another output or an input, links, names too long; written through links.
 */
class OutputFilesTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream(), out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = MainAccess.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    /** Refused with exit code 2 and this one line on standard error. */
    static void assertRefused(String expected, String... args) {
        Result r = run(args);
        assertEquals(2, r.code(), r.err() + r.out());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains(".tmp"), r.err());
    }

    private Path fifo() throws Exception {
        Path f = dir.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", f.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is available");
        return f;
    }

    private Path sweepFile(String name, Shard shard) throws IOException {
        SweepPlan plan = SweepPlan.parse(
                Map.of("param", "weight-scale", "values", "0.1,1"),
                Map.of("epochs", "1", "hidden", "5"),
                List.of("lecun"));
        return Files.writeString(dir.resolve(name), SweepCsv.header(plan, shard));
    }

    @Test
    void aPipeIsRefusedAsEveryOutputOfEveryCommandAndStaysAPipe() throws Exception {
        Path pipe = fifo();
        UsageException sweep = assertThrows(
                UsageException.class, () -> SweepCommand.plan(new String[] {"sweep", "--csv", pipe.toString()}));
        assertTrue(sweep.getMessage().startsWith("--csv: " + pipe + " is not a regular file"), sweep.getMessage());
        assertRefused("--json: " + pipe + " is not a regular file", "compare", "--json", pipe.toString());
        Path part = sweepFile("part.csv", Shard.ALL);
        assertRefused(
                "--csv: " + pipe + " is not a regular file", "sweep-merge", part.toString(), "--csv", pipe.toString());
        assertTrue(
                Files.readAttributes(pipe, java.nio.file.attribute.BasicFileAttributes.class)
                        .isOther(),
                "still a pipe");
    }

    @Test
    void aLinkToADeviceIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("null.csv"), Path.of("/dev/null"));
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")));
        UsageException e = assertThrows(
                UsageException.class, () -> SweepCommand.plan(new String[] {"sweep", "--csv", link.toString()}));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder", "under-a-file", "trailing-slash", "blank"})
    void sweepAndMergeCheckTheirOutputBeforeAnyWork(String kind) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out"));
        Path file = Files.writeString(dir.resolve("plain"), "x");
        String target = switch (kind) {
            case "folder" -> folder.toString();
            case "under-a-file" -> file.resolve("s.csv").toString();
            case "trailing-slash" -> dir.resolve("new") + "/";
            default -> " ";
        };
        String expected = switch (kind) {
            case "folder" -> "--csv: " + folder + " is a folder, not a file";
            case "under-a-file" -> "--csv: " + file.resolve("s.csv") + ": " + file + " is a file, not a folder";
            case "trailing-slash" -> "--csv: " + target + " ends in a separator: it names a folder, not a file";
            default -> "--csv: no file name given";
        };
        UsageException e =
                assertThrows(UsageException.class, () -> SweepCommand.plan(new String[] {"sweep", "--csv", target}));
        assertEquals(expected, e.getMessage());
        Path part = sweepFile("part.csv", Shard.ALL);
        assertRefused(expected, "sweep-merge", part.toString(), "--csv", target);
        assertRefused(expected.replace("--csv", "--json"), "compare", "--json", target);
    }

    @Test
    void anOutputThatIsAnotherOutputIsRefusedHoweverSpelt() throws Exception {
        Path csv = dir.resolve("x");
        String relative = Path.of("").toAbsolutePath().relativize(csv).toString();
        assertRefused(
                "--json: " + csv + " is the same file as --csv " + relative,
                "compare",
                "--csv",
                relative,
                "--json",
                csv.toString());
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), csv);
        assertRefused(
                "--png: " + link + " is the same file as --csv " + csv,
                "compare",
                "--csv",
                csv.toString(),
                "--png",
                link.toString());
    }

    @Test
    void anOutputThatIsADataFileIsRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        TestData.writeIdxFolder(data, 20, 10, 28);
        Path labels = data.resolve(DatasetLoader.TRAIN_LABELS);
        byte[] before = Files.readAllBytes(labels);
        assertRefused(
                "--csv: " + labels + " is the --data file " + labels,
                "compare",
                "--data",
                data.toString(),
                "--csv",
                labels.toString());
        UsageException e = assertThrows(
                UsageException.class,
                () -> SweepCommand.plan(new String[] {
                    "sweep",
                    "--data",
                    data.toString(),
                    "--csv",
                    data.resolve("sub/../" + DatasetLoader.TEST_IMAGES).toString()
                }));
        assertTrue(e.getMessage().contains("is the --data file"), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(labels)));
    }

    @Test
    void mergeRefusesAnInputAsItsOutputThroughAnotherSpelling() throws Exception {
        Path a = sweepFile("a.csv", new Shard(1, 2));
        Path b = sweepFile("b.csv", new Shard(2, 2));
        String before = Files.readString(a);
        assertRefused(
                "--csv: " + dir.resolve("sub/../a.csv") + " is the input " + a,
                "sweep-merge",
                a.toString(),
                b.toString(),
                "--csv",
                dir.resolve("sub/../a.csv").toString());
        Path link = Files.createSymbolicLink(dir.resolve("l.csv"), a);
        assertRefused("is the input " + a, "sweep-merge", a.toString(), b.toString(), "--csv", link.toString());
        assertEquals(before, Files.readString(a));
    }

    @Test
    void aLinkIsWrittenThroughNotReplaced() throws Exception {
        Path target =
                Files.writeString(Files.createDirectories(dir.resolve("real")).resolve("all.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("all.csv"), target);
        Path part = sweepFile("part.csv", Shard.ALL);
        Result r = run("sweep-merge", part.toString(), "--csv", link.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(Files.readString(part), Files.readString(target), "the file it points at holds the merge");
    }

    @Test
    void longNamesAreWrittenAndTooLongOnesRefusedUpFront() throws Exception {
        Path longest = dir.resolve("r".repeat(251) + ".csv"); // 255 bytes: the file system's limit
        assertTrue(OutputPaths.problem(longest).isEmpty());
        AtomicFiles.writeString(longest, "fits");
        assertEquals("fits", Files.readString(longest));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
        String tooLong = dir.resolve("é".repeat(128) + ".csv").toString(); // 260 bytes
        assertRefused(
                "--csv: " + tooLong + ": the file name is 260 bytes long; file systems take at most 255",
                "compare",
                "--csv",
                tooLong);
    }

    @Test
    void aFullDiskNamesTheFile() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("small"));
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
                .redirectErrorStream(true)
                .start();
        m.getInputStream().readAllBytes();
        Assumptions.assumeTrue(m.waitFor() == 0, "a small file system can be mounted here (root)");
        try {
            Path target = mount.resolve("runs.csv");
            IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[1 << 20]));
            assertEquals(target + ": No space left on device", e.getMessage());
            try (Stream<Path> s = Files.list(mount)) {
                assertEquals(0, s.count(), "no temporary file left");
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    @Test
    void aReadOnlyFileSystemIsRefusedUpFrontEvenForRoot() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("ro"));
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", mount.toString())
                .redirectErrorStream(true)
                .start();
        m.getInputStream().readAllBytes();
        Assumptions.assumeTrue(m.waitFor() == 0, "a file system can be mounted here (root)");
        try {
            String target = mount.resolve("s.csv").toString();
            UsageException e = assertThrows(
                    UsageException.class, () -> SweepCommand.plan(new String[] {"sweep", "--csv", target}));
            assertEquals(
                    "--csv: " + target + ": the folder " + mount
                            + " cannot be written (no permission or a read-only file system)",
                    e.getMessage());
            assertRefused(
                    "--csv: " + target + ": the folder",
                    "sweep-merge",
                    sweepFile("part.csv", Shard.ALL).toString(),
                    "--csv",
                    target);
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    @Test
    void mergeTakesAFolderOrAPatternItself() throws Exception {
        Path parts = Files.createDirectories(dir.resolve("results"));
        for (int k = 1; k <= 2; k++)
            Files.move(sweepFile("part-" + k + ".csv", new Shard(k, 2)), parts.resolve("part-" + k + ".csv"));
        Path out = parts.resolve("all.csv");
        Result folder = run("sweep-merge", parts.toString(), "--csv", out.toString());
        assertEquals(0, folder.code(), folder.err());
        assertTrue(folder.out().startsWith("merged 2 files"), folder.out());
        Result again = run("sweep-merge", parts.toString(), "--csv", out.toString()); // all.csv itself is not an input
        assertTrue(again.out().startsWith("merged 2 files"), again.err() + again.out());
        Result pattern = run(
                "sweep-merge",
                parts + "/part-*.csv",
                "--csv",
                dir.resolve("p.csv").toString());
        assertTrue(pattern.out().startsWith("merged 2 files"), pattern.err() + pattern.out());
        assertEquals(Files.readString(out), Files.readString(dir.resolve("p.csv")));
        assertRefused(
                "sweep-merge: " + parts + "/nope-*.csv: no file matches the pattern",
                "sweep-merge",
                parts + "/nope-*.csv",
                "--csv",
                "x.csv");
        assertRefused("--csv is given twice", "sweep-merge", "a.csv", "--csv=a", "--csv=b");
    }
}
