package org.initlab.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a file the lab is about to write, before any work is done: the command line's {@code --csv},
 * {@code --json}, {@code --png} before training, the window's save dialogs before writing.
 */
public final class OutputPaths {
    private OutputPaths() {}

    /** What is wrong with writing {@code target}, in words ("is a folder, not a file"), or empty when it can be written. */
    public static Optional<String> problem(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (target.toString().isBlank()) return Optional.of("no file name given");
        if (Files.isDirectory(absolute)) return Optional.of(target + " is a folder, not a file");
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) return Optional.of(target + " is not a regular file");
        if (Files.exists(absolute) && !Files.isWritable(absolute)) return Optional.of(target + " exists and cannot be written (no permission)");
        // The nearest existing folder above must be a writable folder (missing folders are created).
        Path p = absolute.getParent();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return Optional.of(target + ": no existing folder above it");
        if (!Files.isDirectory(p)) return Optional.of(target + ": " + p + " is a file, not a folder");
        if (!Files.isWritable(p)) return Optional.of(target + ": the folder " + p + " cannot be written (no permission)");
        return Optional.empty();
    }
}
