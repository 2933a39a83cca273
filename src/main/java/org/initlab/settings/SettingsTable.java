package org.initlab.settings;

import java.util.ArrayList;
import java.util.List;
import org.initlab.core.NetworkSpec;
import org.initlab.format.Numbers;

/**
 * The catalogue as a table a person reads: every setting with its settings-file key, its command-line
 * option, its default and what it allows. {@code initlab settings} prints it; docs/cli.md shows it (a test
 * keeps the two equal), so the limits are written down once, here.
 */
public final class SettingsTable {
    private SettingsTable() {}

    public static String markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| setting | settings-file key | option | default | allowed |");
        lines.add("|---|---|---|---|---|");
        for (Param<?> p : LabParameters.all()) {
            lines.add("| " + p.name() + " | "
                    + (LabParameters.fileSettings().contains(p)
                                    || LabParameters.zView().contains(p)
                            ? "`" + p.id() + "`"
                            : "—")
                    + " | " + (p.hasOption() ? "`--" + p.option() + "`" : "—") + " | " + defaultText(p) + " | "
                    + allowed(p) + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    /** The threads' default is the machine's core count: named, not printed, so the table is the same everywhere. */
    private static String defaultText(Param<?> p) {
        return p == LabParameters.THREADS ? "the cores" : code(p.defaultText());
    }

    static String allowed(Param<?> p) {
        Bounds b = p.bounds();
        // Rules and schemes with a number in them: the pickers offer a few, any such rule is accepted.
        if (p == LabParameters.BIAS) return "`normal`, `normal:SIGMA`, `zeros`, `constant:C`";
        if (p == LabParameters.Z_WEIGHTS) return "a scheme id (as `--schemes`) or `custom:SIGMA`";
        if (p instanceof ChoiceParam<?> c)
            return String.join(
                    ", ", c.offered().stream().map(SettingsTable::code).toList());
        if (p instanceof WholeListParam l) {
            return "up to " + l.maxCount() + " " + p.itemWords() + ", each " + b.english()
                    + (l.distinct() ? ", no repeats" : "")
                    + (p == LabParameters.HIDDEN
                            ? "; at most " + Numbers.grouped(NetworkSpec.MAX_PARAMETERS) + " parameters in all"
                            : "");
        }
        if (p instanceof IdListParam<?> l) return "up to " + l.maxCount() + " scheme ids, no repeats";
        String range = b.english().startsWith("(")
                ? b.english().substring(1, b.english().length() - 1)
                : b.english();
        return b.isWhole() ? "whole number, " + range : range;
    }

    private static String code(String s) {
        return s.isEmpty() ? "—" : "`" + s + "`";
    }
}
