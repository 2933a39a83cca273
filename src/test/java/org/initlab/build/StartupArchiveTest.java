package org.initlab.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive is rebuilt exactly when it is missing, older than its class list, or made for another JVM or command. */
class StartupArchiveTest {
    @Test
    void upToDateOnlyWhenPresentNewerAndStampedForThisJvm(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("a.jsa"), list = dir.resolve("window.classlist"), stamp = dir.resolve("a.jsa.stamp");
        Files.writeString(list, "java/lang/Object\n");
        Files.setLastModifiedTime(list, FileTime.fromMillis(1_000_000));
        assertFalse(StartupArchive.isUpToDate(archive, list, stamp, "jdk A\n"), "no archive");
        Files.writeString(archive, "x");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
        assertFalse(
                StartupArchive.isUpToDate(archive, list, stamp, "jdk A\n"), "no stamp: an archive of unknown origin");
        Files.writeString(stamp, "jdk A\n");
        assertTrue(StartupArchive.isUpToDate(archive, list, stamp, "jdk A\n"));
        assertFalse(StartupArchive.isUpToDate(archive, list, stamp, "jdk B\n"), "another JVM or module path");
        Files.setLastModifiedTime(list, FileTime.fromMillis(3_000_000));
        assertFalse(StartupArchive.isUpToDate(archive, list, stamp, "jdk A\n"), "the class list changed since");
    }
}
