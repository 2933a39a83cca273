package org.initlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.initlab.settings.LabParameters;
import org.initlab.settings.Param;
import org.initlab.settings.Parsed;
import org.initlab.settings.Problem;
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
            if (!arg.startsWith("--") || arg.length() == 2) throw new UsageException("unexpected argument '" + arg + "' (options start with --)");
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
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) throw new UsageException("--" + name + " needs a value");
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

    /** The option names of these parameters, and any extra ones (paths). */
    static Set<String> options(List<Param<?>> params, String... extra) {
        Set<String> o = new java.util.LinkedHashSet<>(List.of(extra));
        for (Param<?> p : params) if (p.hasOption()) o.add(p.option());
        return o;
    }
}
