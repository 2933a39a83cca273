package org.initlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.initlab.io.AtomicFiles;
import org.initlab.train.EpochResult;
import org.initlab.train.RunResult;

/** One row per scheme × seed × epoch: {@code scheme,seed,epoch,correct,total,train_seconds}. */
public final class RunCsv {
    public static final String HEADER = "scheme,seed,epoch,correct,total,train_seconds";

    private RunCsv() {}

    public static String format(List<RunResult> results) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (RunResult r : results) {
            for (EpochResult e : r.epochs()) {
                sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.4f%n", r.run().scheme().id(), r.run().seed(), e.epoch(), e.correct(), e.total(), e.trainSeconds()));
            }
        }
        return sb.toString();
    }

    public static void write(Path file, List<RunResult> results) throws IOException {
        AtomicFiles.writeString(file, format(results));
    }
}
