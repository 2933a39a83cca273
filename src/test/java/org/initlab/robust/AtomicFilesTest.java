package org.initlab.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.initlab.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesWholeAndLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("runs.csv");
        AtomicFiles.writeString(f, "old");
        AtomicFiles.writeString(f, "new content");
        assertEquals("new content", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the target remains");
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFile() throws IOException {
        Path f = dir.resolve("runs.csv");
        AtomicFiles.writeString(f, "old");
        // The move onto a non-empty directory fails: the write must fail cleanly.
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("child"));
        assertThrows(IOException.class, () -> AtomicFiles.writeString(blocked, "x"));
        assertEquals("old", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary file left behind");
        }
    }

    /** A written file has the permissions of any new file under the user's umask (here the same as a file made the ordinary way), not -rw-------. */
    @Test
    void writtenFilesKeepTheUsersNormalPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "made the ordinary way");
        var normal = Files.getPosixFilePermissions(plain);
        for (String name : new String[] {"runs.csv", "run.json", "chart.png"}) {
            Path f = dir.resolve(name);
            AtomicFiles.writeString(f, "x");
            assertEquals(normal, Files.getPosixFilePermissions(f), name);
        }
        assertTrue(
                Files.getPosixFilePermissions(dir.resolve("runs.csv"))
                                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                        || !normal.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                "not owner-only when the umask allows others to read");
    }

    @Test
    void aReplacedFileKeepsItsOwnPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path f = dir.resolve("shared.csv");
        AtomicFiles.writeString(f, "old");
        var chosen = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(f, chosen);
        AtomicFiles.writeString(f, "new");
        assertEquals(chosen, Files.getPosixFilePermissions(f));
        assertEquals("new", Files.readString(f));
    }
}
