package org.initlab.report;

import static org.initlab.report.RunJson.MAX_PROBES;
import static org.initlab.report.RunJson.OLDEST_VERSION;
import static org.initlab.report.RunJson.READER;
import static org.initlab.report.RunJson.SCHEMA;
import static org.initlab.report.RunJson.VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.initlab.core.Activation;
import org.initlab.core.Limit;
import org.initlab.core.Loss;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.format.Message;
import org.initlab.report.RunJson.SavedRun;
import org.initlab.settings.ExperimentSettings;
import org.initlab.settings.IdListParam;
import org.initlab.settings.JsonFiles;
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
import org.initlab.train.RunKey;
import org.initlab.train.RunResult;
import org.initlab.train.RunStatus;
import org.initlab.train.StepPoint;
import org.initlab.train.TrainRange;
import org.initlab.train.TrainingConfig;
import org.initlab.train.ZHistogram;

/**
 * Reads the run file {@link RunJson} writes (and version 1): the JSON tree, every value checked against its
 * limits and the configuration, so that a malformed or hostile file is refused with a message and never
 * half-read. Apart from the writer because reading holds most of the checks.
 */
final class RunJsonReader {
    private RunJsonReader() {}

    static SavedRun read(String json) throws SettingsFormatException {
        JsonNode root = JsonFiles.readTree(READER, json);
        try {
            if (root == null || !root.isObject())
                throw new SettingsFormatException(Message.of("file.notObject", "expected a JSON object"));
            if (!SCHEMA.equals(root.path("schema").asText(null)))
                throw new SettingsFormatException(Message.of("file.schema", "\"schema\" must be \"{0}\"", SCHEMA));
            if (!root.path("version").isInt())
                throw new SettingsFormatException(Message.of(
                        "run.unknownVersion",
                        "unknown schema version {0} (this InitLab reads versions {1} to {2})",
                        root.path("version").toString(),
                        Integer.toString(OLDEST_VERSION),
                        Integer.toString(VERSION)));
            int version = root.path("version").intValue();
            if (version > VERSION)
                throw new SettingsFormatException(Message.of(
                        "run.newer",
                        "written by a newer InitLab: version {0}; this one reads up to {1}",
                        Integer.toString(version),
                        Integer.toString(VERSION)));
            if (version < OLDEST_VERSION)
                throw new SettingsFormatException(Message.of(
                        "run.unknownVersion",
                        "unknown schema version {0} (this InitLab reads versions {1} to {2})",
                        Integer.toString(version),
                        Integer.toString(OLDEST_VERSION),
                        Integer.toString(VERSION)));
            boolean v2 = version >= 2;
            JsonNode net = object(root, "network");
            JsonNode sizesNode = net.path("sizes");
            // An input, the hidden layers the lab builds, an output.
            int most = NetworkSpec.MAX_HIDDEN_LAYERS + 2;
            if (!sizesNode.isArray() || sizesNode.size() < 2 || sizesNode.size() > most)
                throw new SettingsFormatException(Message.of(
                        "run.sizes",
                        "\"network.sizes\" must list {0} to {1} layer sizes",
                        "2",
                        Integer.toString(most)));
            int[] sizes = new int[sizesNode.size()];
            for (int i = 0; i < sizes.length; i++) sizes[i] = integer(sizesNode.get(i), "network.sizes");
            NetworkSpec spec = new NetworkSpec(
                    sizes,
                    choice(LabParameters.ACTIVATION, Activation::parse, net, "activation"),
                    choice(LabParameters.OUTPUT, OutputLayer::parse, net, "output"),
                    choice(LabParameters.LOSS, Loss::parse, net, "loss"));
            JsonNode t = object(root, "training");
            TrainingConfig config = new TrainingConfig(
                    number(t, "eta"),
                    integer(t.path("batch"), "training.batch"),
                    integer(t.path("batchesPerEpoch"), "training.batchesPerEpoch"),
                    integer(t.path("epochs"), "training.epochs"),
                    number(t, "lambda"),
                    choice(LabParameters.EPOCH_MODE, EpochMode::parse, t, "epochMode"),
                    choice(LabParameters.EVAL, EvalSplit::parse, t, "eval"),
                    TrainingConfig.reference().probesPerEpoch(),
                    TrainingConfig.reference().probeSize(),
                    choice(LabParameters.ENGINE, Engine::parse, t, "engine"));
            TrainRange range = v2 ? trainRange(root.path("dataset")) : null;
            int layers = spec.layers(), hidden = spec.layers() - 1;
            JsonNode runsNode = root.path("runs");
            if (!runsNode.isArray() || runsNode.isEmpty() || runsNode.size() > 10_000)
                throw new SettingsFormatException(
                        Message.of("run.runs", "\"runs\" must list {0} to {1} runs", "1", "10000"));
            List<InitScheme> schemes = new ArrayList<>();
            List<Long> seeds = new ArrayList<>();
            List<RunResult> results = new ArrayList<>();
            for (JsonNode r : runsNode) {
                InitScheme scheme = new InitScheme(
                        InitCatalog.byId(text(r, "weights")), choice(LabParameters.BIAS, BiasInit::parse, r, "bias"));
                if (!r.path("seed").isIntegralNumber() || !r.path("seed").canConvertToLong())
                    throw new SettingsFormatException(
                            Message.of("run.seed", "a run''s \"seed\" must be a whole number"));
                long seed = r.path("seed").longValue();
                if (schemes.stream().noneMatch(s -> s.id().equals(scheme.id()))) schemes.add(scheme);
                if (!seeds.contains(seed)) seeds.add(seed);
                RunKey key = new RunKey(results.size(), scheme, seed);
                JsonNode epochsNode = r.path("epochs");
                if (!epochsNode.isArray() || epochsNode.size() > config.epochs())
                    throw new SettingsFormatException(Message.of(
                            "run.epochsAtMost",
                            "a run''s \"epochs\" must list at most {0} epochs",
                            Integer.toString(config.epochs())));
                List<EpochResult> epochs = new ArrayList<>();
                for (JsonNode e : epochsNode) {
                    int total = integer(e.path("total"), "epochs.total"),
                            correct = integer(e.path("correct"), "epochs.correct");
                    if (total < 1 || correct < 0 || correct > total)
                        throw new SettingsFormatException(
                                Message.of("run.epochCorrect", "an epoch''s correct / total is out of range"));
                    int epoch = integer(e.path("epoch"), "epochs.epoch");
                    if (epoch != epochs.size())
                        throw new SettingsFormatException(
                                Message.of("run.epochOrder", "a run''s epochs must be numbered 0, 1, 2, … in order"));
                    double[] meanAbsDelta =
                            v2 ? layerValues(e.path("meanAbsDelta"), "epochs.meanAbsDelta", layers) : new double[0];
                    NetworkStats stats =
                            v2 ? readStats(e.path("stats"), "epochs.stats", layers, hidden) : NetworkStats.EMPTY;
                    epochs.add(new EpochResult(
                            key,
                            epoch,
                            correct,
                            total,
                            nonNegative(e, "meanCost"),
                            nonNegative(e, "trainSeconds"),
                            nonNegative(e, "evalMillis"),
                            List.of(),
                            meanAbsDelta,
                            stats));
                }
                NetworkStats initial =
                        v2 ? readStats(r.path("initial"), "initial", layers, hidden) : NetworkStats.EMPTY;
                List<ProbePoint> probes = v2 ? readProbes(r.path("probes"), key, config, layers) : List.of();
                List<StepPoint> steps = r.has("steps") ? readSteps(r.path("steps"), key) : List.of();
                RunStatus status = status(text(r, "status"));
                results.add(new RunResult(
                        key,
                        status,
                        epochs,
                        r.path("message").asText(""),
                        nonNegative(r, "wallSeconds"),
                        range,
                        initial,
                        probes,
                        steps));
            }
            Comparison c = new Comparison(spec, config, schemes, seeds, Comparison.defaultThreads());
            if (root.has("settings")) c = fromSettings(root.path("settings"), c);
            List<RunKey> keys = c.runKeys(); // built on each call: once, not once per run
            if (keys.size() != results.size())
                throw new SettingsFormatException(Message.of("run.grid", "the runs are not every scheme × every seed"));
            for (int i = 0; i < results.size(); i++) {
                RunKey expected = keys.get(i), found = results.get(i).run();
                if (!expected.scheme().id().equals(found.scheme().id()) || expected.seed() != found.seed()) {
                    throw new SettingsFormatException(Message.of(
                            "run.order",
                            "run {0} is {1}, expected {2} (every seed × every scheme, in order)",
                            Integer.toString(i + 1),
                            found.label(),
                            expected.label()));
                }
            }
            return new SavedRun(c, results, root.path("dataset").path("name").asText("unknown"));
        } catch (Limit.Refusal e) {
            throw new SettingsFormatException(LabParameters.refusal(e));
        } catch (IllegalArgumentException e) {
            throw new SettingsFormatException(
                    e instanceof Message.Carrier c
                            ? c.wording()
                            : Message.of("run.invalid", "{0}", Message.plain(e.getMessage())));
        }
    }

    /**
     * The comparison the "settings" object describes, read as the window's and compare's settings are; files
     * written before it existed are read from "network" and "training" alone. Both must tell the same comparison.
     */
    private static Comparison fromSettings(JsonNode node, Comparison legacy) throws SettingsFormatException {
        if (!node.isObject() || node.size() > 100)
            throw new SettingsFormatException(
                    Message.of("run.settingsObject", "\"settings\" must be an object of setting texts"));
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual())
                throw new SettingsFormatException(
                        Message.of("run.settingText", "setting \"{0}\" must be a string", e.getKey()));
            texts.put(e.getKey(), e.getValue().asText());
        }
        String schemes = texts.remove(LabParameters.SCHEMES.id());
        if (schemes == null)
            throw new SettingsFormatException(Message.of("run.settingsSchemes", "\"settings\" must name the schemes"));
        ExperimentSettings.Result r = ExperimentSettings.parse(
                texts,
                IdListParam.ids(schemes),
                legacy.spec().inputs(),
                legacy.spec().outputs());
        if (!r.ok())
            throw new SettingsFormatException(Message.of(
                    "run.settings",
                    "settings: {0}",
                    Message.joined(r.problems().stream()
                            .map(p -> p.wording(p.name(), p.named()))
                            .toList())));
        Comparison c =
                r.settings().comparison(legacy.spec().inputs(), legacy.spec().outputs(), Comparison.defaultThreads());
        // "training" does not list the evaluation steps: only the settings do.
        if (!c.spec().equals(legacy.spec())
                || !c.config().equals(legacy.config().withEvalSteps(c.config().evalSteps())))
            throw new SettingsFormatException(
                    Message.of("run.disagree", "\"settings\" and \"network\"/\"training\" disagree"));
        return c;
    }

    /** A run's status as the writer spells it (lower case); anything else is named with the valid ones. */
    private static RunStatus status(String text) throws SettingsFormatException {
        for (RunStatus s : RunStatus.values()) if (s.name().equalsIgnoreCase(text)) return s;
        throw new SettingsFormatException(Message.of(
                "run.status",
                "a run''s \"status\" \"{0}\" is not one of {1}",
                text,
                String.join(
                        ", ",
                        java.util.Arrays.stream(RunStatus.values())
                                .map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                                .toList())));
    }

    private static TrainRange trainRange(JsonNode dataset) throws SettingsFormatException {
        if (!dataset.has("trainFirst") && !dataset.has("trainCount")) return null;
        int first = integer(dataset.path("trainFirst"), "dataset.trainFirst"),
                count = integer(dataset.path("trainCount"), "dataset.trainCount");
        if (first < 0 || count < 1 || (long) first + count > Integer.MAX_VALUE)
            throw new SettingsFormatException(Message.of(
                    "run.trainRange", "\"dataset.trainFirst\" and \"trainCount\" must be a range of images"));
        return new TrainRange(first, count);
    }

    private static NetworkStats readStats(JsonNode n, String name, int layers, int hidden)
            throws SettingsFormatException {
        if (!n.isObject())
            throw new SettingsFormatException(Message.of("file.notAnObject", "\"{0}\" must be an object", name));
        Gradients g = gradients(n, name, layers);
        JsonNode hs = n.path("zHistograms");
        if (!hs.isArray() || (hs.size() != 0 && hs.size() != hidden))
            throw new SettingsFormatException(Message.of(
                    "run.histogramsPerLayer",
                    "\"{0}.zHistograms\" must list one histogram per hidden layer ({1}) or none",
                    name,
                    Integer.toString(hidden)));
        List<ZHistogram> histograms = new ArrayList<>();
        for (JsonNode h : hs) {
            if (!h.isObject())
                throw new SettingsFormatException(Message.of("run.histogramObject", "a histogram must be an object"));
            double min = number(h, "min"), max = number(h, "max");
            if (!(min < max))
                throw new SettingsFormatException(
                        Message.of("run.histogramRange", "a histogram''s \"min\" must be below its \"max\""));
            JsonNode cs = h.path("counts");
            if (!cs.isArray() || cs.isEmpty() || cs.size() > ZHistogram.MAX_BINS)
                throw new SettingsFormatException(Message.of(
                        "run.histogramBins",
                        "a histogram''s \"counts\" must list 1 to {0} bins",
                        Integer.toString(ZHistogram.MAX_BINS)));
            int[] counts = new int[cs.size()];
            for (int i = 0; i < counts.length; i++) counts[i] = count(cs.get(i), "counts");
            histograms.add(new ZHistogram(
                    min, max, counts, count(h.path("underflow"), "underflow"), count(h.path("overflow"), "overflow")));
        }
        double[] saturated = values(n.path("saturatedShare"), name + ".saturatedShare", histograms.size());
        for (double v : saturated)
            if (v > 1)
                throw new SettingsFormatException(
                        Message.of("run.shares", "\"{0}.saturatedShare\" values are shares from 0 to 1", name));
        JsonNode spread = n.path("hiddenRowSpread");
        double rowSpread = spread.isNull() ? Double.NaN : nonNegative(n, "hiddenRowSpread");
        return new NetworkStats(g, histograms, saturated, rowSpread);
    }

    private static Gradients gradients(JsonNode n, String name, int layers) throws SettingsFormatException {
        double[] dz = layerValues(n.path("meanAbsDz"), name + ".meanAbsDz", layers),
                dw = layerValues(n.path("meanAbsDw"), name + ".meanAbsDw", layers);
        if (dz.length != dw.length)
            throw new SettingsFormatException(Message.of(
                    "run.gradients",
                    "\"{0}\": \"meanAbsDz\" and \"meanAbsDw\" must both list every layer or both be empty",
                    name));
        return new Gradients(dz, dw);
    }

    private static List<ProbePoint> readProbes(JsonNode n, RunKey key, TrainingConfig config, int layers)
            throws SettingsFormatException {
        int cap = (int) Math.min(MAX_PROBES, (long) config.epochs() * 1000);
        if (!n.isArray() || n.size() > cap)
            throw new SettingsFormatException(Message.of(
                    "run.probesAtMost", "a run''s \"probes\" must list at most {0} probe points", Long.toString(cap)));
        List<ProbePoint> probes = new ArrayList<>();
        double last = 0;
        for (JsonNode p : n) {
            if (!p.isObject())
                throw new SettingsFormatException(Message.of("run.probeObject", "a probe point must be an object"));
            double position = number(p, "position");
            if (!(position > last) || position > config.epochs())
                throw new SettingsFormatException(Message.of(
                        "run.probePosition",
                        "probe points'' \"position\" must rise, from above 0 to at most {0} epochs",
                        Integer.toString(config.epochs())));
            last = position;
            JsonNode ex = p.path("examples");
            if (!ex.isIntegralNumber() || !ex.canConvertToLong() || ex.longValue() < 0)
                throw new SettingsFormatException(Message.of(
                        "run.probeExamples", "a probe point''s \"examples\" must be a whole number, not negative"));
            int total = integer(p.path("total"), "probes.total"),
                    correct = integer(p.path("correct"), "probes.correct");
            if (total < 1 || correct < 0 || correct > total)
                throw new SettingsFormatException(
                        Message.of("run.probeCorrect", "a probe point''s correct / total is out of range"));
            probes.add(new ProbePoint(
                    key,
                    position,
                    ex.longValue(),
                    nonNegative(p, "meanCost"),
                    correct,
                    total,
                    gradients(p, "probes", layers)));
        }
        return probes;
    }

    /** The step-level curve: at most {@link RunJson#MAX_STEPS} points, steps rising from 1, counts in range. */
    private static List<StepPoint> readSteps(JsonNode n, RunKey key) throws SettingsFormatException {
        if (!n.isArray() || n.size() > RunJson.MAX_STEPS)
            throw new SettingsFormatException(Message.of(
                    "run.stepsAtMost",
                    "a run''s \"steps\" must list at most {0} step points",
                    Integer.toString(RunJson.MAX_STEPS)));
        List<StepPoint> steps = new ArrayList<>();
        int last = 0;
        for (JsonNode p : n) {
            if (!p.isObject())
                throw new SettingsFormatException(Message.of("run.stepObject", "a step point must be an object"));
            int step = integer(p.path("step"), "steps.step");
            if (step <= last)
                throw new SettingsFormatException(
                        Message.of("run.stepRise", "step points'' \"step\" must rise, from 1"));
            last = step;
            JsonNode ex = p.path("examples");
            if (!ex.isIntegralNumber() || !ex.canConvertToLong() || ex.longValue() < 0)
                throw new SettingsFormatException(Message.of(
                        "run.stepExamples", "a step point''s \"examples\" must be a whole number, not negative"));
            int total = integer(p.path("total"), "steps.total"), correct = integer(p.path("correct"), "steps.correct");
            int trainTotal = integer(p.path("trainTotal"), "steps.trainTotal"),
                    trainCorrect = integer(p.path("trainCorrect"), "steps.trainCorrect");
            if (total < 1
                    || correct < 0
                    || correct > total
                    || trainTotal < 1
                    || trainCorrect < 0
                    || trainCorrect > trainTotal) {
                throw new SettingsFormatException(
                        Message.of("run.stepCorrect", "a step point''s correct / total is out of range"));
            }
            steps.add(new StepPoint(
                    key, step, ex.longValue(), nonNegative(p, "meanCost"), trainCorrect, trainTotal, correct, total));
        }
        return steps;
    }

    /** One value per layer, or none. */
    private static double[] layerValues(JsonNode n, String name, int layers) throws SettingsFormatException {
        if (!n.isArray() || (n.size() != 0 && n.size() != layers))
            throw new SettingsFormatException(Message.of(
                    "run.perLayer",
                    "\"{0}\" must list one value per layer ({1}) or none",
                    name,
                    Integer.toString(layers)));
        return values(n, name, n.size());
    }

    /** {@code size} numbers, each not negative, or null for a statistic not measured (NaN). */
    private static double[] values(JsonNode n, String name, int size) throws SettingsFormatException {
        if (!n.isArray() || n.size() != size)
            throw new SettingsFormatException(
                    Message.of("run.values", "\"{0}\" must list {1} values", name, Integer.toString(size)));
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            JsonNode x = n.get(i);
            if (x.isNull()) v[i] = Double.NaN;
            else if (x.isNumber() && Double.isFinite(x.doubleValue()) && x.doubleValue() >= 0) v[i] = x.doubleValue();
            else
                throw new SettingsFormatException(
                        Message.of("run.valuesNumbers", "\"{0}\" values must be numbers, not negative, or null", name));
        }
        return v;
    }

    private static int count(JsonNode v, String name) throws SettingsFormatException {
        int c = integer(v, name);
        if (c < 0) throw new SettingsFormatException(Message.of("file.negative", "\"{0}\" must not be negative", name));
        return c;
    }

    private static JsonNode object(JsonNode root, String name) throws SettingsFormatException {
        JsonNode n = root.path(name);
        if (!n.isObject())
            throw new SettingsFormatException(Message.of("file.notAnObject", "\"{0}\" must be an object", name));
        return n;
    }

    /**
     * A choice the file names, read as its setting reads it: an unknown one is refused in the setting's words (the
     * window translates them); any other problem in {@code parse}'s own.
     */
    private static <T> T choice(
            org.initlab.settings.ChoiceParam<T> setting,
            java.util.function.Function<String, T> parse,
            JsonNode n,
            String name)
            throws SettingsFormatException {
        String text = text(n, name);
        var read = setting.parse(text);
        if (read.ok()) return read.value();
        var problem = read.problem();
        if (problem.reason() == org.initlab.settings.Problem.Reason.UNKNOWN_CHOICE)
            throw new SettingsFormatException(problem.wording("\"" + name + "\"", problem.message()));
        return parse.apply(text);
    }

    private static String text(JsonNode n, String name) throws SettingsFormatException {
        JsonNode v = n.path(name);
        if (!v.isTextual())
            throw new SettingsFormatException(Message.of("file.notString", "\"{0}\" must be a string", name));
        return v.asText();
    }

    private static double number(JsonNode n, String name) throws SettingsFormatException {
        JsonNode v = n.path(name);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()))
            throw new SettingsFormatException(Message.of("file.notNumber", "\"{0}\" must be a number", name));
        return v.doubleValue();
    }

    private static double nonNegative(JsonNode n, String name) throws SettingsFormatException {
        double v = number(n, name);
        if (v < 0) throw new SettingsFormatException(Message.of("file.negative", "\"{0}\" must not be negative", name));
        return v;
    }

    private static int integer(JsonNode v, String name) throws SettingsFormatException {
        if (v == null || !v.isInt())
            throw new SettingsFormatException(Message.of("file.notWhole", "\"{0}\" must be a whole number", name));
        return v.intValue();
    }
}
