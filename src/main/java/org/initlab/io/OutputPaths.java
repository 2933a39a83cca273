package org.initlab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.initlab.format.Message;

/**
 * Checks a file the lab is about to write, before any work is done: every command's output options
 * ({@code --csv}, {@code --json}, {@code --png}) before training or merging, the window's save dialogs
 * before writing. One check for every command, so each refuses the same paths with the same words.
 */
public final class OutputPaths {
    private OutputPaths() {}

    /** What is wrong with writing {@code target}, in words ("is a folder, not a file"), or empty when it can be written. */
    public static Optional<String> problem(Path target) {
        return wording(target).map(Message::english);
    }

    /** {@link #problem(Path)} as data, for the window to translate. */
    public static Optional<Message> wording(Path target) {
        if (target.toString().isBlank()) return Optional.of(Message.of("path.noName", "no file name given"));
        String t = target.toString();
        Path absolute;
        try {
            absolute = AtomicFiles.followLinks(target); // a link is written through: what matters is the file it names
        } catch (IOException e) {
            return Optional.of(Message.of("path.named", "{0}: {1}", t, Message.plain(AtomicFiles.reason(e))));
        }
        Message via = absolute.equals(target.toAbsolutePath().normalize())
                ? Message.plain("")
                : Message.of("path.via", " (the link''s target {0})", absolute.toString());
        if (Files.isDirectory(absolute))
            return Optional.of(Message.of("path.folder", "{0}{1} is a folder, not a file", t, via));
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            return Optional.of(Message.of(
                    "path.notRegular",
                    "{0}{1} is not a regular file (a device, a pipe or a socket): the lab writes only plain files",
                    t,
                    via));
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute))
            return Optional.of(
                    Message.of("path.notWritable", "{0}{1} exists and cannot be written (no permission)", t, via));
        Path name = absolute.getFileName();
        if (name == null) return Optional.of(Message.of("path.namesNoFile", "{0} names no file", t));
        int bytes = name.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > AtomicFiles.MAX_NAME_BYTES) {
            return Optional.of(Message.of(
                    "path.nameTooLong",
                    "{0}: the file name is {1} bytes long; file systems take at most {2}",
                    t,
                    Integer.toString(bytes),
                    Integer.toString(AtomicFiles.MAX_NAME_BYTES)));
        }
        // The nearest existing folder above must be a writable folder (missing folders are created).
        Path p = absolute.getParent();
        while (p != null && !Files.exists(p)) {
            if (Files.isSymbolicLink(p))
                return Optional.of(Message.of("path.danglingLink", "{0}: {1} is a link to nothing", t, p.toString()));
            p = p.getParent();
        }
        if (p == null) return Optional.of(Message.of("path.noFolder", "{0}: no existing folder above it", t));
        if (!Files.isDirectory(p))
            return Optional.of(Message.of("path.fileAbove", "{0}: {1} is a file, not a folder", t, p.toString()));
        if (!Files.isWritable(p))
            return Optional.of(Message.of(
                    "path.folderNotWritable",
                    "{0}: the folder {1} cannot be written (no permission or a read-only file system)",
                    t,
                    p.toString()));
        return Optional.empty();
    }

    /** The problem of an output as typed: a name ending in a separator names a folder ("out/"), which {@link Path} would silently drop. */
    public static Optional<String> problem(String typed) {
        if (typed.isBlank()) return Optional.of("no file name given");
        if (typed.endsWith("/") || typed.endsWith(java.io.File.separator))
            return Optional.of(typed + " ends in a separator: it names a folder, not a file");
        try {
            return problem(Path.of(typed));
        } catch (InvalidPathException e) {
            return Optional.of(typed + " is not a valid path (" + e.getReason() + ")");
        }
    }

    /**
     * Where a path leads once every link is followed: the real path of its longest existing part, then the
     * rest. Two spellings of one file (relative and absolute, through a link, with {@code ..}) give the same.
     */
    public static Path canonical(Path p) {
        Path absolute;
        try {
            absolute = AtomicFiles.followLinks(p);
        } catch (IOException e) {
            absolute = p.toAbsolutePath().normalize();
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return absolute;
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Whether two paths name one file: the same canonical path, or (both existing) the same file, as hard links are. */
    public static boolean sameFile(Path a, Path b) {
        if (canonical(a).equals(canonical(b))) return true;
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A command's outputs and inputs, checked together before any work: each output on its own
     * ({@link #problem(String)}), then no output the same file as another output or as an input. The
     * problem is one line naming the option: "--json: runs.csv is the same file as --csv runs.csv".
     */
    public static final class Check {
        private record Named(String what, String typed, Path path) {}

        private final List<Named> outputs = new ArrayList<>();
        private final List<Named> inputs = new ArrayList<>();

        /** An output given as {@code --option typed}; null when the option is absent. */
        public Check output(String option, String typed) {
            if (typed != null) outputs.add(new Named("--" + option, typed, null));
            return this;
        }

        /** A file the command reads, described for the message ("the --data file D/train-images-idx3-ubyte", "the input a.csv"). */
        public Check input(String what, Path file) {
            inputs.add(new Named(what, file.toString(), file));
            return this;
        }

        public Optional<String> problem() {
            List<Named> checked = new ArrayList<>();
            for (Named o : outputs) {
                Optional<String> p = OutputPaths.problem(o.typed());
                if (p.isPresent()) return Optional.of(o.what() + ": " + p.get());
                Named n = new Named(o.what(), o.typed(), Path.of(o.typed()));
                for (Named before : checked) {
                    if (sameFile(before.path(), n.path()))
                        return Optional.of(n.what() + ": " + n.typed() + " is the same file as " + before.what() + " "
                                + before.typed());
                }
                for (Named in : inputs) {
                    if (sameFile(in.path(), n.path()))
                        return Optional.of(
                                n.what() + ": " + n.typed() + " is " + in.what() + ": writing it would destroy it");
                }
                checked.add(n);
            }
            return Optional.empty();
        }
    }
}
