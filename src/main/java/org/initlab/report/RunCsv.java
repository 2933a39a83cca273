package org.initlab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.initlab.core.NetworkSpec;
import org.initlab.io.AtomicFiles;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.RunResult;
import org.initlab.train.TrainingConfig;

/**
 * One row per scheme × seed × epoch. The first six columns are the reference's
 * ({@code scheme,seed,epoch,correct,total,train_seconds}); the rest say which network and training
 * produced the row, so CSVs of different comparisons can be concatenated; the last two are the training images
 * the run learned from ({@code train_first} 0-based, {@code train_count}; the reference: 5000,55000), empty when
 * not known (a run read from a version 1 file).
 */
public final class RunCsv {
    public static final String HEADER =
            "scheme,seed,epoch,correct,total,train_seconds,mean_cost,layers,activation,output,loss,eta,lambda,batch,eval,epoch_mode,status,train_first,train_count";

    private RunCsv() {}

    public static String format(Comparison comparison, List<RunResult> results) {
        NetworkSpec spec = comparison.spec();
        TrainingConfig c = comparison.config();
        String network = String.format(
                Locale.ROOT,
                "%s,%s,%s,%s,%s,%s,%d,%s,%s",
                NetworkSpec.describe(spec.sizes()),
                spec.hidden().id(),
                spec.output().id(),
                spec.loss().id(),
                num(c.eta()),
                num(c.lambda()),
                c.batchSize(),
                c.evalSplit().id(),
                c.epochMode().id());
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (RunResult r : results) {
            for (EpochResult e : r.epochs()) {
                String range = r.trainRange() == null
                        ? ","
                        : r.trainRange().first() + "," + r.trainRange().count();
                sb.append(String.format(
                        Locale.ROOT,
                        "%s,%d,%d,%d,%d,%.4f,%.6f,%s,%s,%s%n",
                        r.run().scheme().id(),
                        r.run().seed(),
                        e.epoch(),
                        e.correct(),
                        e.total(),
                        e.trainSeconds(),
                        e.meanCost(),
                        network,
                        r.status().name().toLowerCase(Locale.ROOT),
                        range));
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    public static void write(Path file, Comparison comparison, List<RunResult> results) throws IOException {
        AtomicFiles.writeString(file, format(comparison, results));
    }
}
