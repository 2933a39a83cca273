package org.initlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.Dataset;
import org.initlab.io.AtomicFiles;
import org.initlab.settings.ExperimentSettings;
import org.initlab.settings.LabParameters;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.Comparison;
import org.initlab.train.Engine;
import org.initlab.train.EpochMode;
import org.initlab.train.EpochResult;
import org.initlab.train.EvalSplit;
import org.initlab.train.Gradients;
import org.initlab.train.NetworkStats;
import org.initlab.train.ProbePoint;
import org.initlab.train.TrainRange;
import org.initlab.train.ZHistogram;
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.TrainingConfig;
import org.initlab.train.VectorApi;

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
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Objects indented, arrays of numbers on one line: a histogram is one line, not 80. */
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = MAPPER.writer(
            new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withArrayIndenter(com.fasterxml.jackson.core.util.DefaultPrettyPrinter.FixedSpaceIndenter.instance));

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
    }

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
        TrainRange range = results.stream().map(RunResult::trainRange).filter(java.util.Objects::nonNull).findFirst()
                .orElse(dataset == null ? null : TrainRange.of(dataset.train().count(), c.config().evalSplit()));
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
            if (!k.equals(LabParameters.TARGET.id())) settings.put(k, v); // the target is the summary's, not the comparison's
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
            if (r.run().scheme().weights() instanceof org.initlab.core.init.LsuvInit) {
                // LSUV is data-dependent: the batch it scaled on, from the run's own seed (TrainingRun.lsuvBatch).
                ObjectNode lsuv = run.putObject("lsuv");
                lsuv.put("seedPurpose", org.initlab.train.Seeds.lsuv(r.run().scheme().id()));
                lsuv.put("derivedSeed", org.initlab.train.Seeds.derive(r.run().seed(), org.initlab.train.Seeds.lsuv(r.run().scheme().id())));
                if (dataset != null) {
                    int count = org.initlab.train.TrainingSet.of(dataset, c.config().evalSplit()).count();
                    lsuv.put("trainImages", count);
                    ArrayNode rows = lsuv.putArray("batch");
                    for (int i : org.initlab.train.TrainingRun.lsuvBatch(r.run(), count)) rows.add(i);
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

    public static void save(Path file, Comparison c, Dataset dataset, List<RunResult> results) throws IOException {
        AtomicFiles.writeString(file, write(c, dataset, results));
    }

    public static SavedRun load(Path file) throws IOException {
        return org.initlab.settings.JsonFiles.load(file, MAX_BYTES, "", RunJson::read);
    }

    public static SavedRun read(String json) throws SettingsFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new SettingsFormatException("not valid JSON");
        }
        try {
            if (root == null || !root.isObject()) throw new SettingsFormatException("expected a JSON object");
            if (!SCHEMA.equals(root.path("schema").asText(null))) throw new SettingsFormatException("\"schema\" must be \"" + SCHEMA + "\"");
            if (!root.path("version").isInt()) throw new SettingsFormatException("unknown schema version " + root.path("version") + " (this InitLab reads versions " + OLDEST_VERSION + " to " + VERSION + ")");
            int version = root.path("version").intValue();
            if (version > VERSION) throw new SettingsFormatException("written by a newer InitLab: version " + version + "; this one reads up to " + VERSION);
            if (version < OLDEST_VERSION) throw new SettingsFormatException("unknown schema version " + version + " (this InitLab reads versions " + OLDEST_VERSION + " to " + VERSION + ")");
            boolean v2 = version >= 2;
            JsonNode net = object(root, "network");
            JsonNode sizesNode = net.path("sizes");
            if (!sizesNode.isArray() || sizesNode.size() < 2 || sizesNode.size() > 102) throw new SettingsFormatException("\"network.sizes\" must list 2 to 102 layer sizes");
            int[] sizes = new int[sizesNode.size()];
            for (int i = 0; i < sizes.length; i++) sizes[i] = integer(sizesNode.get(i), "network.sizes");
            NetworkSpec spec = new NetworkSpec(sizes, Activation.parse(text(net, "activation")), OutputLayer.parse(text(net, "output")), Loss.parse(text(net, "loss")));
            JsonNode t = object(root, "training");
            TrainingConfig config = new TrainingConfig(number(t, "eta"), integer(t.path("batch"), "training.batch"), integer(t.path("batchesPerEpoch"), "training.batchesPerEpoch"),
                    integer(t.path("epochs"), "training.epochs"), number(t, "lambda"), EpochMode.parse(text(t, "epochMode")), EvalSplit.parse(text(t, "eval")),
                    TrainingConfig.reference().probesPerEpoch(), TrainingConfig.reference().probeSize(), Engine.parse(text(t, "engine")));
            TrainRange range = v2 ? trainRange(root.path("dataset")) : null;
            int layers = spec.layers(), hidden = spec.layers() - 1;
            JsonNode runsNode = root.path("runs");
            if (!runsNode.isArray() || runsNode.isEmpty() || runsNode.size() > 10_000) throw new SettingsFormatException("\"runs\" must list 1 to 10000 runs");
            List<InitScheme> schemes = new ArrayList<>();
            List<Long> seeds = new ArrayList<>();
            List<RunResult> results = new ArrayList<>();
            for (JsonNode r : runsNode) {
                InitScheme scheme = new InitScheme(InitCatalog.byId(text(r, "weights")), BiasInit.parse(text(r, "bias")));
                if (!r.path("seed").canConvertToLong()) throw new SettingsFormatException("a run's \"seed\" must be a whole number");
                long seed = r.path("seed").longValue();
                if (schemes.stream().noneMatch(s -> s.id().equals(scheme.id()))) schemes.add(scheme);
                if (!seeds.contains(seed)) seeds.add(seed);
                RunKey key = new RunKey(results.size(), scheme, seed);
                JsonNode epochsNode = r.path("epochs");
                if (!epochsNode.isArray() || epochsNode.size() > config.epochs()) throw new SettingsFormatException("a run's \"epochs\" must list at most " + config.epochs() + " epochs");
                List<EpochResult> epochs = new ArrayList<>();
                for (JsonNode e : epochsNode) {
                    int total = integer(e.path("total"), "epochs.total"), correct = integer(e.path("correct"), "epochs.correct");
                    if (total < 1 || correct < 0 || correct > total) throw new SettingsFormatException("an epoch's correct / total is out of range");
                    int epoch = integer(e.path("epoch"), "epochs.epoch");
                    if (epoch != epochs.size()) throw new SettingsFormatException("a run's epochs must be numbered 0, 1, 2, … in order");
                    double[] meanAbsDelta = v2 ? layerValues(e.path("meanAbsDelta"), "epochs.meanAbsDelta", layers) : new double[0];
                    NetworkStats stats = v2 ? readStats(e.path("stats"), "epochs.stats", layers, hidden) : NetworkStats.EMPTY;
                    epochs.add(new EpochResult(key, epoch, correct, total, nonNegative(e, "meanCost"), nonNegative(e, "trainSeconds"),
                            nonNegative(e, "evalMillis"), List.of(), meanAbsDelta, stats));
                }
                NetworkStats initial = v2 ? readStats(r.path("initial"), "initial", layers, hidden) : NetworkStats.EMPTY;
                List<ProbePoint> probes = v2 ? readProbes(r.path("probes"), key, config, layers) : List.of();
                RunStatus status = RunStatus.valueOf(text(r, "status").toUpperCase(java.util.Locale.ROOT));
                results.add(new RunResult(key, status, epochs, r.path("message").asText(""), nonNegative(r, "wallSeconds"), range, initial, probes));
            }
            Comparison c = new Comparison(spec, config, schemes, seeds, Comparison.defaultThreads());
            if (root.has("settings")) c = fromSettings(root.path("settings"), c);
            if (c.runKeys().size() != results.size()) throw new SettingsFormatException("the runs are not every scheme × every seed");
            for (int i = 0; i < results.size(); i++) {
                RunKey expected = c.runKeys().get(i), found = results.get(i).run();
                if (!expected.scheme().id().equals(found.scheme().id()) || expected.seed() != found.seed()) {
                    throw new SettingsFormatException("run " + (i + 1) + " is " + found.label() + ", expected " + expected.label() + " (every seed × every scheme, in order)");
                }
            }
            return new SavedRun(c, results, root.path("dataset").path("name").asText("unknown"));
        } catch (IllegalArgumentException e) {
            throw new SettingsFormatException(e.getMessage());
        }
    }

    /**
     * The comparison the "settings" object describes, read as the window's and compare's settings are; files
     * written before it existed are read from "network" and "training" alone. Both must tell the same comparison.
     */
    private static Comparison fromSettings(JsonNode node, Comparison legacy) throws SettingsFormatException {
        if (!node.isObject() || node.size() > 100) throw new SettingsFormatException("\"settings\" must be an object of setting texts");
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) throw new SettingsFormatException("setting \"" + e.getKey() + "\" must be a string");
            texts.put(e.getKey(), e.getValue().asText());
        }
        String schemes = texts.remove(LabParameters.SCHEMES.id());
        if (schemes == null) throw new SettingsFormatException("\"settings\" must name the schemes");
        ExperimentSettings.Result r = ExperimentSettings.parse(texts, org.initlab.settings.IdListParam.ids(schemes), legacy.spec().inputs(), legacy.spec().outputs());
        if (!r.ok()) throw new SettingsFormatException("settings: " + String.join("; ", r.problems().stream().map(org.initlab.settings.Problem::named).toList()));
        Comparison c = r.settings().comparison(legacy.spec().inputs(), legacy.spec().outputs(), Comparison.defaultThreads());
        if (!c.spec().equals(legacy.spec()) || !c.config().equals(legacy.config())) throw new SettingsFormatException("\"settings\" and \"network\"/\"training\" disagree");
        return c;
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

    private static TrainRange trainRange(JsonNode dataset) throws SettingsFormatException {
        if (!dataset.has("trainFirst") && !dataset.has("trainCount")) return null;
        int first = integer(dataset.path("trainFirst"), "dataset.trainFirst"), count = integer(dataset.path("trainCount"), "dataset.trainCount");
        if (first < 0 || count < 1 || (long) first + count > Integer.MAX_VALUE) throw new SettingsFormatException("\"dataset.trainFirst\" and \"trainCount\" must be a range of images");
        return new TrainRange(first, count);
    }

    private static NetworkStats readStats(JsonNode n, String name, int layers, int hidden) throws SettingsFormatException {
        if (!n.isObject()) throw new SettingsFormatException("\"" + name + "\" must be an object");
        Gradients g = gradients(n, name, layers);
        JsonNode hs = n.path("zHistograms");
        if (!hs.isArray() || (hs.size() != 0 && hs.size() != hidden)) throw new SettingsFormatException("\"" + name + ".zHistograms\" must list one histogram per hidden layer (" + hidden + ") or none");
        List<ZHistogram> histograms = new ArrayList<>();
        for (JsonNode h : hs) {
            if (!h.isObject()) throw new SettingsFormatException("a histogram must be an object");
            double min = number(h, "min"), max = number(h, "max");
            if (!(min < max)) throw new SettingsFormatException("a histogram's \"min\" must be below its \"max\"");
            JsonNode cs = h.path("counts");
            if (!cs.isArray() || cs.isEmpty() || cs.size() > ZHistogram.MAX_BINS) throw new SettingsFormatException("a histogram's \"counts\" must list 1 to " + ZHistogram.MAX_BINS + " bins");
            int[] counts = new int[cs.size()];
            for (int i = 0; i < counts.length; i++) counts[i] = count(cs.get(i), "counts");
            histograms.add(new ZHistogram(min, max, counts, count(h.path("underflow"), "underflow"), count(h.path("overflow"), "overflow")));
        }
        double[] saturated = values(n.path("saturatedShare"), name + ".saturatedShare", histograms.size());
        for (double v : saturated) if (v > 1) throw new SettingsFormatException("\"" + name + ".saturatedShare\" values are shares from 0 to 1");
        JsonNode spread = n.path("hiddenRowSpread");
        double rowSpread = spread.isNull() ? Double.NaN : nonNegative(n, "hiddenRowSpread");
        return new NetworkStats(g, histograms, saturated, rowSpread);
    }

    private static Gradients gradients(JsonNode n, String name, int layers) throws SettingsFormatException {
        double[] dz = layerValues(n.path("meanAbsDz"), name + ".meanAbsDz", layers), dw = layerValues(n.path("meanAbsDw"), name + ".meanAbsDw", layers);
        if (dz.length != dw.length) throw new SettingsFormatException("\"" + name + "\": \"meanAbsDz\" and \"meanAbsDw\" must both list every layer or both be empty");
        return new Gradients(dz, dw);
    }

    private static List<ProbePoint> readProbes(JsonNode n, RunKey key, TrainingConfig config, int layers) throws SettingsFormatException {
        int cap = (int) Math.min(MAX_PROBES, (long) config.epochs() * 1000);
        if (!n.isArray() || n.size() > cap) throw new SettingsFormatException("a run's \"probes\" must list at most " + cap + " probe points");
        List<ProbePoint> probes = new ArrayList<>();
        double last = 0;
        for (JsonNode p : n) {
            if (!p.isObject()) throw new SettingsFormatException("a probe point must be an object");
            double position = number(p, "position");
            if (!(position > last) || position > config.epochs()) throw new SettingsFormatException("probe points' \"position\" must rise, from above 0 to at most " + config.epochs() + " epochs");
            last = position;
            JsonNode ex = p.path("examples");
            if (!ex.isIntegralNumber() || !ex.canConvertToLong() || ex.longValue() < 0) throw new SettingsFormatException("a probe point's \"examples\" must be a whole number, not negative");
            int total = integer(p.path("total"), "probes.total"), correct = integer(p.path("correct"), "probes.correct");
            if (total < 1 || correct < 0 || correct > total) throw new SettingsFormatException("a probe point's correct / total is out of range");
            probes.add(new ProbePoint(key, position, ex.longValue(), nonNegative(p, "meanCost"), correct, total, gradients(p, "probes", layers)));
        }
        return probes;
    }

    /** One value per layer, or none. */
    private static double[] layerValues(JsonNode n, String name, int layers) throws SettingsFormatException {
        if (!n.isArray() || (n.size() != 0 && n.size() != layers)) throw new SettingsFormatException("\"" + name + "\" must list one value per layer (" + layers + ") or none");
        return values(n, name, n.size());
    }

    /** {@code size} numbers, each not negative, or null for a statistic not measured (NaN). */
    private static double[] values(JsonNode n, String name, int size) throws SettingsFormatException {
        if (!n.isArray() || n.size() != size) throw new SettingsFormatException("\"" + name + "\" must list " + size + " values");
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            JsonNode x = n.get(i);
            if (x.isNull()) v[i] = Double.NaN;
            else if (x.isNumber() && Double.isFinite(x.doubleValue()) && x.doubleValue() >= 0) v[i] = x.doubleValue();
            else throw new SettingsFormatException("\"" + name + "\" values must be numbers, not negative, or null");
        }
        return v;
    }

    private static int count(JsonNode v, String name) throws SettingsFormatException {
        int c = integer(v, name);
        if (c < 0) throw new SettingsFormatException("\"" + name + "\" must not be negative");
        return c;
    }

    private static JsonNode object(JsonNode root, String name) throws SettingsFormatException {
        JsonNode n = root.path(name);
        if (!n.isObject()) throw new SettingsFormatException("\"" + name + "\" must be an object");
        return n;
    }

    private static String text(JsonNode n, String name) throws SettingsFormatException {
        JsonNode v = n.path(name);
        if (!v.isTextual()) throw new SettingsFormatException("\"" + name + "\" must be a string");
        return v.asText();
    }

    private static double number(JsonNode n, String name) throws SettingsFormatException {
        JsonNode v = n.path(name);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) throw new SettingsFormatException("\"" + name + "\" must be a number");
        return v.doubleValue();
    }

    private static double nonNegative(JsonNode n, String name) throws SettingsFormatException {
        double v = number(n, name);
        if (v < 0) throw new SettingsFormatException("\"" + name + "\" must not be negative");
        return v;
    }

    private static int integer(JsonNode v, String name) throws SettingsFormatException {
        if (v == null || !v.isInt()) throw new SettingsFormatException("\"" + name + "\" must be a whole number");
        return v.intValue();
    }
}
