package org.initlab;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.initlab.cli.BenchCommand;
import org.initlab.cli.CompareCommand;
import org.initlab.cli.SweepCommand;
import org.initlab.cli.SweepMergeCommand;
import org.initlab.cli.TheoryCommand;
import org.initlab.cli.UsageException;
import org.initlab.cli.ZlabCommand;
import org.initlab.platform.BackgroundPriority;
import org.initlab.platform.NativeEnv;
import org.initlab.settings.SettingsTable;

/**
 * Entry point. Without arguments it opens the window; with a command it runs it without one. This class
 * does not extend {@code Application}, so the JavaFX runtime is found on the class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0 || args.length > 0) System.exit(code);
    }

    static int run(String[] args) {
        if (args.length == 0) {
            Optional<String> none =
                    noDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"));
            if (none.isPresent()) {
                System.err.println("initlab: " + none.get());
                return 1;
            }
            return launchWindow();
        }
        JvmRelauncher.dieWithParent();
        try {
            if (!args[0].startsWith("help")
                    && !args[0].equals("settings")
                    && !args[0].startsWith("-")
                    && JvmRelauncher.isNeeded()) {
                Optional<Integer> code = JvmRelauncher.relaunch(args);
                if (code.isPresent()) return code.get();
            }
            return switch (args[0]) {
                case "compare" -> CompareCommand.run(args, System.out, System.err);
                case "sweep" -> SweepCommand.run(args, System.out, System.err);
                case "sweep-merge" -> SweepMergeCommand.run(args, System.out);
                case "bench" -> BenchCommand.run(args, System.out);
                case "zlab" -> ZlabCommand.run(args, System.out);
                case "theory" -> TheoryCommand.run(args, System.out);
                case "settings" -> {
                    noArguments(args);
                    System.out.print(SettingsTable.markdown());
                    yield 0;
                }
                case "help", "--help", "-h" -> {
                    noArguments(args);
                    System.out.println(usage());
                    yield 0;
                }
                default ->
                    throw new UsageException("unknown command '" + args[0]
                            + "' (commands: compare, sweep, sweep-merge, zlab, theory, bench, settings, help)");
            };
        } catch (UsageException e) {
            System.err.println("initlab " + (args.length > 0 ? args[0] + ": " : "") + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("initlab: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("initlab: interrupted");
            return 1;
        }
    }

    /** A command that takes nothing refuses what it is given, as every command refuses an unknown option. */
    private static void noArguments(String[] args) throws UsageException {
        if (args.length > 1)
            throw new UsageException("unexpected argument '" + args[1] + "' (" + args[0] + " takes none)");
    }

    static String usage() {
        return String.join(
                "\n",
                Arrays.asList(
                        "usage: initlab [compare|sweep|sweep-merge|zlab|theory|bench] [options]   (no command: open the window)",
                        "  compare --schemes standard,lecun --epochs 30 --seeds 1,2,3 --csv runs.csv",
                        "  sweep --param weight-scale --values 0.01,0.1,1,10,100 --schemes lecun --epochs 1 --seeds 1,2,3 --csv sweep.csv [--param2 depth --values2 1,2,4] [--shard K/N]",
                        "  sweep-merge a.csv b.csv --csv all.csv",
                        "  zlab --inputs 1000 --ones 500 --weights standard --bias-sigma 1 --samples 200000 --seed 1 --threshold 0.01",
                        "  theory --activation tanh --sigma-w2 1.5 --sigma-b2 0.05 --depth 20 [--critical] [--measure] [--jacobian --scheme orthogonal]",
                        "  bench --epochs 5 [--full]",
                        "  settings   (every setting with its default and limits)",
                        "See docs/cli.md for every option."));
    }

    static final String COMMANDS_RUN_WITHOUT = "the commands run without one (initlab help)";

    /**
     * Why the window cannot open, before JavaFX tries: on Linux and the BSDs a window needs an X11 or
     * Wayland display (a server, or over SSH {@code ssh -X}); Monocle (headless tests) needs none.
     */
    static Optional<String> noDisplay(java.util.Map<String, String> env, String os, String glassPlatform) {
        String o = os.toLowerCase(java.util.Locale.ROOT);
        if (o.startsWith("windows") || o.startsWith("mac") || "Monocle".equalsIgnoreCase(glassPlatform))
            return Optional.empty();
        boolean display = !env.getOrDefault("DISPLAY", "").isBlank()
                || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return display
                ? Optional.empty()
                : Optional.of("no display to open the window on (DISPLAY is not set); " + COMMANDS_RUN_WITHOUT);
    }

    private static int launchWindow() {
        NativeEnv.ensureSingleOmpThread(); // before ND4J loads in the background: one OpenMP thread per op
        // (docs/performance.md)
        BackgroundPriority.lowerOptimizingCompiler(); // the first frame comes sooner (see there)
        try {
            Class.forName("org.initlab.ui.app.InitLabApp")
                    .getMethod("launchApp", String[].class)
                    .invoke(null, (Object) new String[0]);
            return 0;
        } catch (ReflectiveOperationException e) {
            // A display that is set but cannot be opened ("Unable to open DISPLAY") fails here: one line, not a trace.
            Throwable cause = e;
            while (cause.getCause() != null) cause = cause.getCause();
            System.err.println("initlab: the window cannot open (" + cause.getMessage() + "); " + COMMANDS_RUN_WITHOUT);
            return 1;
        }
    }
}
