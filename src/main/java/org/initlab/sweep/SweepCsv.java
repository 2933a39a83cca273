package org.initlab.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.initlab.io.AtomicFiles;
import org.initlab.io.FileLock;
import org.initlab.settings.SweepAxis;

/**
 * A sweep's CSV: a first line {@code # initlab sweep id=… shard=K/N runs=M def=…} naming the sweep, the
 * column header, then one row per run × planned epoch: a column per swept parameter, then
 * {@code scheme,seed,epoch,correct,total,diverged,train_seconds}. {@code diverged} is {@code no}, or why
 * the run diverged (then the epochs it did not reach have an empty {@code correct} and seconds). A plan
 * with evaluation steps adds {@code train_total} and per chosen step S {@code step_S_correct,step_S_train_correct}
 * (the same on each of a run's rows; empty where the run did not get there).
 *
 * <p>A run's rows are appended in one write and forced to disk when it ends ({@link Writer}), so a killed
 * process leaves every finished run; a half-written run at the end is dropped when the sweep starts again,
 * and any other line that does not read is refused with its number ({@link SweepCsvReader}).
 * When the last run is in, the file is rewritten in plan order (through a temporary file and a move), so
 * an interrupted and restarted sweep ends with the same rows in the same order as an uninterrupted one.
 */
public final class SweepCsv {
    public static final String MARK = "# initlab sweep ";
    public static final String TAIL = "scheme,seed,epoch,correct,total,diverged,train_seconds";

    private SweepCsv() {}

    public static String columns(SweepPlan plan) {
        StringBuilder sb = new StringBuilder();
        for (SweepAxis a : plan.axes()) sb.append(a.column()).append(',');
        sb.append(TAIL);
        if (!plan.evalSteps().isEmpty()) sb.append(",train_total");
        for (int s : plan.evalSteps())
            sb.append(",step_").append(s).append("_correct,step_").append(s).append("_train_correct");
        return sb.toString();
    }

    /** A run's step columns (after train_seconds), with their leading commas; none without evaluation steps. */
    static String stepColumns(SweepPlan plan, SweepResult r) {
        if (plan.evalSteps().isEmpty()) return "";
        StringBuilder sb = new StringBuilder(",").append(r.steps().trainTotal());
        for (int i = 0; i < r.steps().steps().length; i++) {
            int c = r.steps().correct()[i], t = r.steps().trainCorrect()[i];
            sb.append(',')
                    .append(c < 0 ? "" : Integer.toString(c))
                    .append(',')
                    .append(t < 0 ? "" : Integer.toString(t));
        }
        return sb.toString();
    }

    public static String firstLine(SweepPlan plan, Shard shard) {
        return MARK + "id=" + plan.id() + " shard=" + shard + " runs="
                + plan.runs(shard).size() + " def=" + plan.definition();
    }

    public static String header(SweepPlan plan, Shard shard) {
        return firstLine(plan, shard) + "\n" + columns(plan) + "\n";
    }

    /** A run's rows, one per planned epoch, each ending in a newline. */
    public static String rows(SweepPlan plan, SweepResult r) {
        StringBuilder sb = new StringBuilder();
        String key = r.run().key(plan.axes());
        String diverged = r.diverged() == null ? "no" : quote(r.diverged());
        String steps = stepColumns(plan, r);
        for (int e = 0; e < r.correct().length; e++) {
            boolean reached = r.correct()[e] >= 0;
            sb.append(key)
                    .append(',')
                    .append(e)
                    .append(',')
                    .append(reached ? Integer.toString(r.correct()[e]) : "")
                    .append(',')
                    .append(r.total())
                    .append(',')
                    .append(diverged)
                    .append(',')
                    .append(reached ? String.format(Locale.ROOT, "%.4f", r.trainSeconds()[e]) : "")
                    .append(steps)
                    .append('\n');
        }
        return sb.toString();
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n")
                ? "\"" + s.replace("\n", " ").replace("\"", "\"\"") + "\""
                : s;
    }

    /** Splits one CSV line (quotes as {@link #quote} writes them). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') q = false;
                else cur.append(c);
            } else if (c == '"') q = true;
            else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    /** The header fields of a sweep CSV's first line: id, shard, runs, def; an IOException if it is not one. */
    public static Map<String, String> readFirstLine(Path file, String firstLine) throws IOException {
        if (firstLine == null || !firstLine.startsWith(MARK))
            throw new IOException(
                    file + " is not a sweep CSV (its first line does not start with '" + MARK.strip() + "')");
        Map<String, String> m = new LinkedHashMap<>();
        String rest = firstLine.substring(MARK.length());
        int def = rest.indexOf(" def=");
        if (def < 0) throw new IOException(file + ": its first line has no sweep definition");
        m.put("def", rest.substring(def + 5));
        for (String f : rest.substring(0, def).split(" ")) {
            int eq = f.indexOf('=');
            if (eq > 0) m.put(f.substring(0, eq), f.substring(eq + 1));
        }
        for (String k : List.of("id", "shard", "runs"))
            if (!m.containsKey(k)) throw new IOException(file + ": its first line has no " + k + "=");
        return m;
    }

    /** Reads a finished or partial sweep CSV of {@code plan}: its complete runs, every line checked ({@link SweepCsvReader}). */
    public static List<SweepResult> read(Path file, SweepPlan plan) throws IOException {
        List<String> lines = SweepCsvReader.lines(file);
        Shard shard = lines.isEmpty() ? Shard.ALL : shardOf(file, readFirstLine(file, lines.get(0)));
        return List.copyOf(SweepCsvReader.runs(file, plan, shard, lines).values());
    }

    private static Shard shardOf(Path file, Map<String, String> firstLine) throws IOException {
        try {
            return Shard.parse(firstLine.get("shard"));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": its first line's shard= does not read (" + e.getMessage() + ")");
        }
    }

    /**
     * Appends finished runs to a sweep's CSV. Opening an existing file of the same sweep and shard keeps its
     * complete runs (see {@link #done()}) and drops a torn end; a file of another sweep is refused. The file
     * is locked ({@link FileLock}) from opening to {@link #close()}: a second sweep on it is refused, so two
     * processes never append to one file or rewrite each other's rows away.
     */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final SweepPlan plan;
        private final Shard shard;
        private final LinkedHashMap<String, SweepResult> done;
        private FileChannel channel;
        private FileLock lock;

        public Writer(Path file, SweepPlan plan, Shard shard) throws IOException {
            this.file = file;
            this.plan = plan;
            this.shard = shard;
            lock = FileLock.acquire(file);
            try {
                done = openLocked();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private LinkedHashMap<String, SweepResult> openLocked() throws IOException {
            LinkedHashMap<String, SweepResult> done;
            String header = header(plan, shard);
            if (Files.exists(file) && Files.size(file) > 0) {
                List<String> lines = SweepCsvReader.lines(file);
                Map<String, String> h = readFirstLine(file, lines.isEmpty() ? null : lines.get(0));
                if (!h.get("id").equals(plan.id())) {
                    throw new IOException(file + " holds another sweep (id " + h.get("id") + ", this one is "
                            + plan.id() + "): give another --csv, or the arguments that sweep was started with");
                }
                if (!h.get("shard").equals(shard.toString()))
                    throw new IOException(file + " holds shard " + h.get("shard") + " of this sweep, not " + shard);
                done = SweepCsvReader.runs(file, plan, shard, lines);
                // Rewrite only the complete runs, so the appends below follow a clean end.
                StringBuilder sb = new StringBuilder(header);
                for (SweepResult r : done.values()) sb.append(rows(plan, r));
                AtomicFiles.writeString(file, sb.toString());
            } else {
                done = new LinkedHashMap<>();
                AtomicFiles.writeString(file, header);
            }
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return done;
        }

        /** The runs already in the file (complete), by key. */
        public Map<String, SweepResult> done() {
            return done;
        }

        /** Appends a run's rows in one write and forces them to disk. */
        public synchronized void append(SweepResult r) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(rows(plan, r).getBytes(StandardCharsets.UTF_8));
            try {
                while (b.hasRemaining()) channel.write(b);
                channel.force(false);
            } catch (IOException e) {
                throw new IOException(file + ": " + e.getMessage(), e); // a full disk names the file
            }
            done.put(r.run().key(plan.axes()), r);
        }

        /** When every run of the shard is in: the file rewritten in plan order (atomically). Returns whether it was complete. */
        public synchronized boolean finish() throws IOException {
            try {
                closeChannel();
                List<SweepRun> runs = plan.runs(shard);
                if (done.size() < runs.size()) return false;
                StringBuilder sb = new StringBuilder(header(plan, shard));
                for (SweepRun run : runs) sb.append(rows(plan, done.get(run.key(plan.axes()))));
                AtomicFiles.writeString(file, sb.toString());
                return true;
            } finally {
                close();
            }
        }

        private void closeChannel() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }

        /** Closes the file and releases its lock. */
        @Override
        public synchronized void close() throws IOException {
            try {
                closeChannel();
            } finally {
                if (lock != null) {
                    lock.close();
                    lock = null;
                }
            }
        }
    }
}
