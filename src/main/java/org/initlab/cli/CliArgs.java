package org.initlab.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.initlab.data.DatasetLoader;
import org.initlab.io.OutputPaths;
import org.initlab.settings.Param;
import org.initlab.settings.Parsed;
import org.initlab.settings.WholeParam;

/**
 * {@code --name value} options and {@code --flag} switches, checked against what a command accepts.
 * Settings are read through their {@link Param}: its option, default, limits and message.
 */
public final class CliArgs {
    private final Map<String, String> values = new LinkedHashMap<>();

    private CliArgs() {}

    public static CliArgs parse(String[] args, int from, Set<String> options, Set<String> flags) throws UsageException {
        CliArgs parsed = new CliArgs();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2)
                throw new UsageException("unexpected argument '" + arg + "' (options start with --)");
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) throw new UsageException("--" + name + " takes no value");
                value = "true";
            } else if (options.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--"))
                        throw new UsageException("--" + name + " needs a value");
                    value = args[++i];
                }
            } else {
                List<String> known = new ArrayList<>();
                options.forEach(o -> known.add("--" + o));
                flags.forEach(f -> known.add("--" + f));
                throw new UsageException("unknown option --" + name + " (known: " + String.join(" ", known) + ")");
            }
            if (parsed.values.put(name, value) != null) throw new UsageException("--" + name + " is given twice");
        }
        return parsed;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The option of {@code p} read through the parameter (its default when absent); its message after "--option: " otherwise. */
    public <T> T get(Param<T> p) throws UsageException {
        if (!has(p.option())) return p.defaultValue();
        return orUsage(p, p.parse(values.get(p.option())));
    }

    /** A whole number whose maximum another option sets (zlab's --ones ≤ --inputs). */
    public long within(WholeParam p, long upTo) throws UsageException {
        if (!has(p.option())) return p.defaultValue();
        return orUsage(p, p.parseWithin(values.get(p.option()), upTo));
    }

    static <T> T orUsage(Param<T> p, Parsed<T> parsed) throws UsageException {
        if (!parsed.ok()) throw new UsageException(parsed.problem().onCommandLine());
        return parsed.value();
    }

    /** {@code --data}: the folder named (its message when it is not one), or the bundled MNIST when absent. Exit code 2, as every bad argument. */
    Path dataFolder() throws UsageException {
        String typed =
                has("data") ? values.get("data") : DatasetLoader.bundledMnist().toString();
        if (typed.isBlank())
            throw new UsageException("--data: no folder given (expected the folder of the four MNIST IDX files)");
        Path data;
        try {
            data = Path.of(typed);
        } catch (InvalidPathException e) {
            throw new UsageException("--data: '" + typed + "' is not a valid path");
        }
        if (!Files.isDirectory(data))
            throw new UsageException("--data: " + data + " is not a folder (expected the four MNIST IDX files)");
        return data;
    }

    /** The files of a data folder that a command reads, for {@link OutputPaths.Check}: no output may be one of them. */
    static OutputPaths.Check readsData(OutputPaths.Check check, Path data) {
        for (String name : List.of(
                DatasetLoader.TRAIN_IMAGES,
                DatasetLoader.TRAIN_LABELS,
                DatasetLoader.TEST_IMAGES,
                DatasetLoader.TEST_LABELS)) {
            for (String file : List.of(name, name + ".gz"))
                check.input("the --data file " + data.resolve(file), data.resolve(file));
        }
        return check.input(
                "the --data file " + data.resolve(DatasetLoader.MANIFEST), data.resolve(DatasetLoader.MANIFEST));
    }

    /** Every output of a command checked before any work (one line naming the option and the reason); the paths as typed. */
    static void checkOutputs(OutputPaths.Check check) throws UsageException {
        Optional<String> problem = check.problem();
        if (problem.isPresent()) throw new UsageException(problem.get());
    }

    /** An output option's path, or null when absent (checked by {@link #checkOutputs}). */
    Path path(String option) {
        return has(option) ? Path.of(values.get(option)) : null;
    }

    /** An output option as typed, or null when absent. */
    String typed(String option) {
        return values.get(option);
    }

    /** The option names of these parameters, and any extra ones (paths). */
    static Set<String> options(List<Param<?>> params, String... extra) {
        Set<String> o = new java.util.LinkedHashSet<>(List.of(extra));
        for (Param<?> p : params) if (p.hasOption()) o.add(p.option());
        return o;
    }
}
