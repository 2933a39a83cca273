package org.initlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code --name value} options and {@code --flag} switches, checked against what a command accepts.
 * Every accessor validates and names the option in its message.
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

    public int integer(String name, int fallback, int min, int max) throws UsageException {
        if (!has(name)) return fallback;
        return parseInt(name, values.get(name), min, max);
    }

    public long longValue(String name, long fallback, long min, long max) throws UsageException {
        if (!has(name)) return fallback;
        return parseLong(name, values.get(name), min, max);
    }

    public double decimal(String name, double fallback, double minExclusive, double max) throws UsageException {
        if (!has(name)) return fallback;
        return parseDouble(name, values.get(name), minExclusive, max);
    }

    /** A finite number from 0 to {@code max}. */
    public double nonNegative(String name, double fallback, double max) throws UsageException {
        if (!has(name)) return fallback;
        String text = values.get(name);
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(v) || v < 0 || v > max) throw new UsageException("--" + name + ": " + text.strip() + " is outside the allowed range 0 to " + fmt(max));
        return v;
    }

    public <T> T choice(String name, T fallback, Function<String, T> parser) throws UsageException {
        if (!has(name)) return fallback;
        try {
            return parser.apply(values.get(name));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    public static int parseInt(String name, String text, int min, int max) throws UsageException {
        return (int) parseLong(name, text, min, max);
    }

    public static long parseLong(String name, String text, long min, long max) throws UsageException {
        long v;
        try {
            v = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + text + "' is not a whole number (allowed " + min + " to " + max + ")");
        }
        if (v < min || v > max) throw new UsageException("--" + name + ": " + v + " is outside the allowed range " + min + " to " + max);
        return v;
    }

    /** A finite number above {@code minExclusive} and at most {@code max}. */
    public static double parseDouble(String name, String text, double minExclusive, double max) throws UsageException {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(v) || v <= minExclusive || v > max) {
            throw new UsageException("--" + name + ": " + text.strip() + " is outside the allowed range (above " + fmt(minExclusive) + ", at most " + fmt(max) + ")");
        }
        return v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
