package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.initlab.MainAccess;
import org.initlab.io.OutputPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Output paths are refused before training: exit code 2, one line naming the option and the problem, at once. */
class OutputPathsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"csv", "json", "png"})
    void aFolderIsRefusedUpFront(String option) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out"));
        assertRefused(option, folder.toString(), "--" + option + ": " + folder + " is a folder, not a file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "json", "png"})
    void aFileInPlaceOfAFolderIsRefusedUpFront(String option) throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertRefused(option, file.resolve("runs.out").toString(), "is a file, not a folder");
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefused() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                ro.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "root writes anywhere");
            assertRefused("csv", ro.resolve("runs.csv").toString(), "cannot be written");
        } finally {
            Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void writablePathsPass() {
        assertTrue(OutputPaths.problem(dir.resolve("runs.csv")).isEmpty());
        assertTrue(OutputPaths.problem(dir.resolve("new/sub/runs.csv")).isEmpty(), "missing folders are created");
    }

    private void assertRefused(String option, String path, String expected) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        int code;
        try {
            // The reference run (30 epochs): refused before any of it is trained.
            code = MainAccess.run("compare", "--" + option, path);
        } finally {
            System.setErr(oldErr);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text);
        assertTrue(text.contains(expected), text);
        assertEquals(1, text.strip().lines().count(), "one line: " + text);
        assertFalse(text.contains(".tmp"), "names no temporary file");
        assertTrue(seconds < 1.0, "refused in under a second: " + seconds);
    }
}
