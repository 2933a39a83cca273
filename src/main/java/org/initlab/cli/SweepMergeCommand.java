package org.initlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.initlab.io.OutputPaths;
import org.initlab.sweep.SweepMerge;

/**
 * {@code sweep-merge A.csv B.csv … --csv all.csv}: joins the shards of one sweep; refuses other sweeps' files and duplicate runs.
 * An input may also be a folder (its {@code *.csv} files) or a pattern such as {@code 'results/part-*.csv'}, expanded here,
 * so a cluster script's quoting cannot keep the shell from expanding it.
 */
public final class SweepMergeCommand {
    private SweepMergeCommand() {}

    public static int run(String[] args, PrintStream out) throws UsageException, IOException {
        List<String> given = new ArrayList<>();
        String typedOutput = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String value = null;
            if (a.equals("--csv")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--"))
                    throw new UsageException("--csv needs a value");
                value = args[++i];
            } else if (a.startsWith("--csv=")) {
                value = a.substring(6);
            } else if (a.startsWith("--")) {
                throw new UsageException("unknown option " + a + " (known: --csv)");
            } else given.add(a);
            if (value != null) {
                if (typedOutput != null) throw new UsageException("--csv is given twice");
                typedOutput = value;
            }
        }
        if (given.isEmpty())
            throw new UsageException(
                    "give the shard CSVs to merge (files, a folder or a pattern such as 'results/part-*.csv'), then --csv OUT.csv");
        if (typedOutput == null) throw new UsageException("--csv OUT.csv is required (where the merged sweep goes)");
        Path output = Path.of(typedOutput);
        List<Path> inputs = new ArrayList<>();
        for (String g : given) inputs.addAll(expand(g, output));
        OutputPaths.Check check = new OutputPaths.Check();
        for (Path p : inputs) check.input("the input " + p, p);
        CliArgs.checkOutputs(check.output("csv", typedOutput));
        SweepMerge.Result r;
        try {
            r = SweepMerge.merge(inputs, output);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("refused"))
                throw new UsageException(e.getMessage());
            throw e;
        }
        out.printf(
                java.util.Locale.ROOT,
                "merged %d files: %d of %d runs%s%n",
                inputs.size(),
                r.found(),
                r.planned(),
                r.missing() == 0
                        ? ""
                        : " (" + r.missing() + " missing: run the missing shards, or sweep again with --csv " + output
                                + " to fill them in)");
        out.println("wrote " + output);
        return 0;
    }

    /**
     * One input as given: a file; a folder, for its {@code *.csv} files; or a pattern in its last part
     * ({@code *}, {@code ?}, {@code [..]}), for the matching files. The output is never one of a folder's or
     * a pattern's files (a merge into the shards' folder can run again).
     */
    static List<Path> expand(String given, Path output) throws UsageException {
        Path p;
        try {
            p = Path.of(given);
        } catch (InvalidPathException e) {
            throw new UsageException("'" + given + "' is not a valid path");
        }
        if (Files.isRegularFile(p)) return List.of(p);
        Path folder;
        String glob;
        if (Files.isDirectory(p)) {
            folder = p;
            glob = "*.csv";
        } else if (p.getFileName() != null && p.getFileName().toString().matches(".*[*?\\[].*")) {
            folder = p.getParent() == null ? Path.of("") : p.getParent();
            glob = p.getFileName().toString();
            if (folder.toString().matches(".*[*?\\[].*"))
                throw new UsageException(given + ": a pattern may only be in the file name, not in its folders");
            if (!Files.isDirectory(folder.toString().isEmpty() ? Path.of(".") : folder))
                throw new UsageException(given + ": " + folder + " is not a folder");
        } else {
            throw new UsageException(given + " is not a file, a folder or a pattern");
        }
        PathMatcher matcher;
        try {
            matcher = folder.getFileSystem().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new UsageException(given + ": not a valid pattern (" + e.getMessage() + ")");
        }
        TreeSet<Path> found = new TreeSet<>();
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(folder.toString().isEmpty() ? Path.of(".") : folder)) {
            for (Path f : files) {
                Path named = folder.resolve(f.getFileName());
                if (matcher.matches(f.getFileName())
                        && Files.isRegularFile(named)
                        && !OutputPaths.sameFile(named, output)) found.add(named);
            }
        } catch (IOException e) {
            throw new UsageException(given + ": cannot list " + folder + " (" + e.getMessage() + ")");
        }
        if (found.isEmpty())
            throw new UsageException(
                    given + ": no file matches " + (Files.isDirectory(p) ? "*.csv in it" : "the pattern"));
        return List.copyOf(found);
    }
}
