package org.initlab.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step (run by Maven in {@code process-classes}): keeps the window's class-data-sharing archive up
 * to date. It dumps {@code java -Xshare:dump} only when the archive is missing, older than its class
 * list, or was made for another JVM or module path — a JVM refuses a foreign archive silently and then
 * starts with none, slower than with the JDK's default one. An up-to-date archive costs the build
 * nothing. A failed dump is reported and leaves no archive; the window still starts, only slower.
 *
 * <p>Arguments: archive, class list, JavaFX module path, modules to add.
 */
public final class StartupArchive {
    private StartupArchive() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4)
            throw new IllegalArgumentException("usage: StartupArchive ARCHIVE CLASSLIST MODULEPATH MODULES");
        Path archive = Path.of(args[0]), classList = Path.of(args[1]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=error",
                "--module-path=" + args[2],
                "--add-modules",
                args[3]);
        String stamp = String.join(
                        "\n",
                        System.getProperty("java.home"),
                        System.getProperty("java.vm.version"),
                        String.join(" ", command))
                + "\n";
        Path stampFile = archive.resolveSibling(archive.getFileName() + ".stamp");
        if (isUpToDate(archive, classList, stampFile, stamp)) return;
        Files.deleteIfExists(archive);
        Files.deleteIfExists(stampFile);
        Files.createDirectories(archive.toAbsolutePath().getParent());
        System.out.println("initlab: building the window's start-up archive " + archive + " (once)");
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (code == 0 && Files.isRegularFile(archive)) {
            Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(archive);
            System.out.println("initlab: the start-up archive could not be built (exit " + code
                    + "); the window will start without it");
        }
    }

    static boolean isUpToDate(Path archive, Path classList, Path stampFile, String stamp) throws IOException {
        if (!Files.isRegularFile(archive) || !Files.isRegularFile(stampFile)) return false;
        if (Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(classList)) < 0) return false;
        return Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp);
    }
}
