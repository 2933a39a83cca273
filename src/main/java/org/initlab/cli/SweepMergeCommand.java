package org.initlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.initlab.sweep.SweepMerge;

/** {@code sweep-merge A.csv B.csv … --csv all.csv}: joins the shards of one sweep; refuses other sweeps' files and duplicate runs. */
public final class SweepMergeCommand {
    private SweepMergeCommand() {}

    public static int run(String[] args, PrintStream out) throws UsageException, IOException {
        List<Path> inputs = new ArrayList<>();
        Path output = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--csv")) {
                if (i + 1 >= args.length) throw new UsageException("--csv needs a value");
                if (output != null) throw new UsageException("--csv is given twice");
                output = Path.of(args[++i]);
            } else if (a.startsWith("--csv=")) {
                output = Path.of(a.substring(6));
            } else if (a.startsWith("--")) {
                throw new UsageException("unknown option " + a + " (known: --csv)");
            } else inputs.add(Path.of(a));
        }
        if (inputs.isEmpty()) throw new UsageException("give the shard CSVs to merge, then --csv OUT.csv");
        if (output == null) throw new UsageException("--csv OUT.csv is required (where the merged sweep goes)");
        if (inputs.contains(output)) throw new UsageException("--csv " + output + " is one of the inputs");
        for (Path p : inputs) if (!java.nio.file.Files.isRegularFile(p)) throw new UsageException(p + " is not a file");
        SweepMerge.Result r;
        try {
            r = SweepMerge.merge(inputs, output);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("refused")) throw new UsageException(e.getMessage());
            throw e;
        }
        out.printf(java.util.Locale.ROOT, "merged %d files: %d of %d runs%s%n", inputs.size(), r.found(), r.planned(),
                r.missing() == 0 ? "" : " (" + r.missing() + " missing: run the missing shards, or sweep again with --csv " + output + " to fill them in)");
        out.println("wrote " + output);
        return 0;
    }
}
