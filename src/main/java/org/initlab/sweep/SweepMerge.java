package org.initlab.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.initlab.io.AtomicFiles;
import org.initlab.settings.SweepAxis;

/**
 * Joins shards of one sweep into one CSV in plan order, the file an unsharded sweep writes. Refuses files
 * of different sweeps (their first lines' ids differ) and a run found in two files.
 */
public final class SweepMerge {
    /** What was merged: the runs found and the plan's count (missing = plan − found). */
    public record Result(SweepPlan plan, int found, long planned) {
        public long missing() {
            return planned - found;
        }
    }

    private SweepMerge() {}

    public static Result merge(List<Path> inputs, Path output) throws IOException {
        if (inputs.isEmpty()) throw new IOException("give the shard files to merge");
        String id = null, def = null;
        Path first = null;
        for (Path p : inputs) {
            Map<String, String> h = SweepCsv.readFirstLine(p, SweepCsvReader.firstLine(p));
            if (id == null) {
                id = h.get("id");
                def = h.get("def");
                first = p;
            } else if (!id.equals(h.get("id"))) {
                throw new IOException("refused: " + p + " is from another sweep than " + first + " (sweep id "
                        + h.get("id") + ", not " + id + ")");
            } else if (!def.equals(h.get("def"))) {
                // Same id, other definition: one of the two first lines was edited; the id no longer names its sweep.
                throw new IOException("refused: " + p + " has the sweep id of " + first
                        + " but another sweep definition (was its first line edited?)");
            }
        }
        SweepPlan plan;
        try {
            plan = SweepPlan.fromDefinition(def);
        } catch (IllegalArgumentException e) {
            throw new IOException(first + ": its sweep definition does not read: " + e.getMessage());
        }
        if (!plan.id().equals(id)) throw new IOException(first + ": its sweep id does not match its definition");
        Map<String, SweepResult> all = new HashMap<>();
        Map<String, Path> from = new HashMap<>();
        for (Path p : inputs) {
            for (SweepResult r : SweepCsv.read(p, plan)) {
                String key = r.run().key(plan.axes());
                Path before = from.putIfAbsent(key, p);
                if (before != null) {
                    throw new IOException("refused: the run " + key + " ("
                            + String.join(
                                    ",",
                                    plan.axes().stream().map(SweepAxis::column).toList()) + ",scheme,seed) is in both "
                            + before + " and " + p);
                }
                all.put(key, r);
            }
        }
        StringBuilder sb = new StringBuilder(SweepCsv.header(plan, Shard.ALL));
        List<SweepRun> runs = new ArrayList<>(plan.runs());
        for (SweepRun run : runs) {
            SweepResult r = all.get(run.key(plan.axes()));
            if (r != null) sb.append(SweepCsv.rows(plan, r));
        }
        AtomicFiles.writeString(output, sb.toString());
        return new Result(plan, all.size(), plan.runCount());
    }
}
