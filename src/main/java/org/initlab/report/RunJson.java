package org.initlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.LsuvInit;
import org.initlab.data.Dataset;
import org.initlab.format.Message;
import org.initlab.io.AtomicFiles;
import org.initlab.math.Seeds;
import org.initlab.settings.ExperimentSettings;
import org.initlab.settings.JsonFiles;
import org.initlab.settings.LabParameters;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.NetworkStats;
import org.initlab.train.ProbePoint;
import org.initlab.train.RunResult;
import org.initlab.train.StepPoint;
import org.initlab.train.TrainRange;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingRun;
import org.initlab.train.TrainingSet;
import org.initlab.train.VectorApi;
import org.initlab.train.ZHistogram;

/**
 * A finished comparison as JSON with its provenance — configuration, seeds, dataset checksums,
 * application and library versions, timings, per-epoch results — written by {@code compare --json} and
 * the window, and read back to view without training. Reading validates the whole document (schema,
 * version, every value through the same constructors that validate settings) and fails with a message.
 * The "settings" object records the comparison's settings under their {@link LabParameters} ids; files
 * without it (written before) are still read from their "network" and "training" sections.
 */
public final class RunJson {
    public static final String SCHEMA = "initlab-run";
    /**
     * 2: every view's data per run (statistics at initialization and per epoch, probe points, mean |δ|) and the
     * train range. 1: accuracy, cost and timings per epoch only; read as version 2 with the views' data empty.
     */
    public static final int VERSION = 2;
    /** The oldest version still read (migrated on reading). */
    public static final int OLDEST_VERSION = 1;

    public static final long MAX_BYTES = 64L << 20;
    /** At most this many probe points per run in a file. */
    public static final int MAX_PROBES = 100_000;
    /** At most this many step points per run (the evaluation steps' own limit). */
    public static final int MAX_STEPS = 100;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Objects indented, arrays of numbers on one line: a histogram is one line, not 80. */
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER =
            MAPPER.writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                    .withArrayIndenter(
                            com.fasterxml.jackson.core.util.DefaultPrettyPrinter.FixedSpaceIndenter.instance));

    /** Reading: nesting at most 16, duplicate keys and text after the document refused (the one JSON configuration). */
    static final ObjectMapper READER = JsonFiles.strictReader(
            StreamReadConstraints.builder().maxNestingDepth(16).build());

    /** A run read back: what was trained and what came out. */
    public record SavedRun(Comparison comparison, List<RunResult> results, String datasetName) {}

    private RunJson() {}

    public static String write(Comparison c, Dataset dataset, List<RunResult> results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", VERSION);
        root.put("created", Instant.now().toString());
        ObjectNode app = root.putObject("application");
        app.put("name", "InitLab");
        app.put("version", BuildInfo.get("version"));
        app.put("javafx", BuildInfo.get("javafx"));
        app.put("nd4j", BuildInfo.get("nd4j"));
        app.put("java", System.getProperty("java.version"));
        app.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        app.put("kernels", VectorApi.kernelName());
        ObjectNode data = root.putObject("dataset");
        data.put("name", dataset == null ? "unknown" : dataset.name());
        data.put("verified", dataset != null && dataset.verified());
        ObjectNode sums = data.putObject("sha256");
        if (dataset != null) dataset.checksums().forEach(sums::put);
        TrainRange range = results.stream()
                .map(RunResult::trainRange)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(
                        dataset == null
                                ? null
                                : TrainRange.of(
                                        dataset.train().count(), c.config().evalSplit()));
        if (range != null) {
            data.put("trainFirst", range.first());
            data.put("trainCount", range.count());
        }
        NetworkSpec spec = c.spec();
        ObjectNode net = root.putObject("network");
        ArrayNode sizes = net.putArray("sizes");
        for (int s : spec.sizes()) sizes.add(s);
        net.put("activation", spec.hidden().id());
        net.put("output", spec.output().id());
        net.put("loss", spec.loss().id());
        TrainingConfig t = c.config();
        ObjectNode tr = root.putObject("training");
        tr.put("eta", t.eta());
        tr.put("batch", t.batchSize());
        tr.put("batchesPerEpoch", t.batchesPerEpoch());
        tr.put("epochs", t.epochs());
        tr.put("lambda", t.lambda());
        tr.put("epochMode", t.epochMode().id());
        tr.put("eval", t.evalSplit().id());
        tr.put("engine", t.engine().id());
        // The settings under their parameter ids (LabParameters), as texts ExperimentSettings reads back.
        ObjectNode settings = root.putObject("settings");
        ExperimentSettings es = ExperimentSettings.of(c);
        es.texts().forEach((k, v) -> {
            if (!k.equals(LabParameters.TARGET.id()))
                settings.put(k, v); // the target is the summary's, not the comparison's
        });
        settings.put(LabParameters.SCHEMES.id(), LabParameters.SCHEMES.format(es.schemes()));
        ArrayNode seeds = root.putArray("seeds");
        c.seeds().forEach(seeds::add);
        ArrayNode runs = root.putArray("runs");
        for (RunResult r : results) {
            ObjectNode run = runs.addObject();
            run.put("scheme", r.run().scheme().id());
            run.put("weights", r.run().scheme().weights().id());
            run.put("bias", r.run().scheme().biases().id());
            run.put("seed", r.run().seed());
            if (r.run().scheme().weights() instanceof LsuvInit) {
                // LSUV is data-dependent: the batch it scaled on, from the run's own seed (TrainingRun.lsuvBatch).
                ObjectNode lsuv = run.putObject("lsuv");
                lsuv.put("seedPurpose", Seeds.lsuv(r.run().scheme().id()));
                lsuv.put(
                        "derivedSeed",
                        Seeds.derive(r.run().seed(), Seeds.lsuv(r.run().scheme().id())));
                if (dataset != null) {
                    int count = TrainingSet.of(dataset, c.config().evalSplit()).count();
                    lsuv.put("trainImages", count);
                    ArrayNode rows = lsuv.putArray("batch");
                    for (int i : TrainingRun.lsuvBatch(r.run(), count)) rows.add(i);
                }
            }
            run.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            run.put("message", r.message());
            run.put("wallSeconds", r.wallSeconds());
            writeStats(run.putObject("initial"), r.initial());
            ArrayNode probes = run.putArray("probes");
            for (ProbePoint p : r.probes()) {
                ObjectNode pp = probes.addObject();
                pp.put("position", p.epochPosition());
                pp.put("examples", p.examplesSeen());
                pp.put("meanCost", p.meanCost());
                pp.put("correct", p.correct());
                pp.put("total", p.total());
                numbers(pp.putArray("meanAbsDz"), p.gradients().meanAbsDz());
                numbers(pp.putArray("meanAbsDw"), p.gradients().meanAbsDw());
            }
            if (!r.steps().isEmpty()) {
                // The step-level curve (accuracy after the chosen steps); absent when none were chosen.
                ArrayNode steps = run.putArray("steps");
                for (StepPoint p : r.steps()) {
                    ObjectNode sp = steps.addObject();
                    sp.put("step", p.step());
                    sp.put("examples", p.examplesSeen());
                    sp.put("meanCost", p.meanCost());
                    sp.put("trainCorrect", p.trainCorrect());
                    sp.put("trainTotal", p.trainTotal());
                    sp.put("correct", p.correct());
                    sp.put("total", p.total());
                }
            }
            ArrayNode epochs = run.putArray("epochs");
            for (EpochResult e : r.epochs()) {
                ObjectNode ep = epochs.addObject();
                ep.put("epoch", e.epoch());
                ep.put("correct", e.correct());
                ep.put("total", e.total());
                ep.put("meanCost", e.meanCost());
                ep.put("trainSeconds", e.trainSeconds());
                ep.put("evalMillis", e.evalMillis());
                numbers(ep.putArray("meanAbsDelta"), e.meanAbsDelta());
                writeStats(ep.putObject("stats"), e.stats());
            }
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the run file; one the readers would refuse as larger than {@link #MAX_BYTES} is not written. */
    public static void save(Path file, Comparison c, Dataset dataset, List<RunResult> results) throws IOException {
        save(file, c, dataset, results, MAX_BYTES);
    }

    static void save(Path file, Comparison c, Dataset dataset, List<RunResult> results, long maxBytes)
            throws IOException {
        byte[] bytes = write(c, dataset, results).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new IOException(String.format(
                    java.util.Locale.ROOT,
                    "%s: not written: the run file would be %,d bytes, above the %,d a run file may hold "
                            + "(the window could not open it); save fewer runs or epochs",
                    file.getFileName(),
                    bytes.length,
                    maxBytes));
        }
        AtomicFiles.write(file, bytes);
    }

    /** Reads a run file's text: every value checked, every problem a {@link SettingsFormatException} (see {@link RunJsonReader}). */
    public static SavedRun read(String json) throws SettingsFormatException {
        return RunJsonReader.read(json);
    }

    public static SavedRun load(Path file) throws IOException {
        return JsonFiles.load(file, MAX_BYTES, Message.plain(""), RunJson::read);
    }

    // ---- version 2: the views' data ------------------------------------------------------------------

    private static void writeStats(ObjectNode node, NetworkStats s) {
        numbers(node.putArray("meanAbsDz"), s.gradients().meanAbsDz());
        numbers(node.putArray("meanAbsDw"), s.gradients().meanAbsDw());
        numbers(node.putArray("saturatedShare"), s.saturatedShare());
        putNumber(node, "hiddenRowSpread", s.hiddenRowSpread());
        ArrayNode hs = node.putArray("zHistograms");
        for (ZHistogram h : s.zHistograms()) {
            ObjectNode hn = hs.addObject();
            hn.put("min", h.min());
            hn.put("max", h.max());
            hn.put("underflow", h.underflow());
            hn.put("overflow", h.overflow());
            ArrayNode counts = hn.putArray("counts");
            for (int c : h.counts()) counts.add(c);
        }
    }

    /** Values that are not finite numbers (a statistic not measured) are written as null. */
    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) array.add(v);
            else array.addNull();
        }
    }

    private static void putNumber(ObjectNode node, String name, double v) {
        if (Double.isFinite(v)) node.put(name, v);
        else node.putNull(name);
    }
}
