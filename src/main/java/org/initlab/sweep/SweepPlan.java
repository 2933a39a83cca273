package org.initlab.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitScheme;
import org.initlab.core.init.WeightInit;
import org.initlab.format.Message;
import org.initlab.format.MessageException;
import org.initlab.format.Numbers;
import org.initlab.settings.ExperimentSettings;
import org.initlab.settings.IdListParam;
import org.initlab.settings.LabParameters;
import org.initlab.settings.Parsed;
import org.initlab.settings.Problem;
import org.initlab.settings.SweepAxis;
import org.initlab.train.Comparison;
import org.initlab.train.TrainingConfig;

/**
 * A sweep: one or two parameters over their values (a grid), times schemes, times seeds. Every value is
 * read by its parameter's limits, every cell's settings by the one settings model, and a sweep above
 * {@link LabParameters#MAX_SWEEP_RUNS} runs is refused with its count before anything is built. The runs
 * are listed cell by cell (the first parameter outermost), then scheme, then seed.
 *
 * <p>{@link #definition()} is the sweep in canonical text (what the CSV's first line records and
 * {@code sweep-merge} compares); {@link #fromDefinition} reads it back.
 */
public final class SweepPlan {
    /**
     * A sweep refused, in the command line's words. When one value was refused by its parameter it also
     * holds the parameter's problem, and the option that held the value ({@link #VALUES}, {@link #VALUES2}),
     * or null for a setting (the problem's id names it), so that the window can say it in its own words.
     */
    public static final class Refusal extends IllegalArgumentException {
        private final transient String option;
        private final transient Problem problem;

        Refusal(String option, Problem problem, String message) {
            super(message);
            this.option = option;
            this.problem = problem;
        }

        public String option() {
            return option;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The sweep's own option names (besides compare's settings). */
    public static final String PARAM = "param", VALUES = "values", PARAM2 = "param2", VALUES2 = "values2";

    private final List<SweepAxis> axes;
    private final List<List<Double>> values;
    private final Map<String, String> baseTexts;
    private final List<String> schemes;
    private final List<Long> seeds;
    private final ExperimentSettings base;
    private final List<List<Double>> cells;
    private final long runCount;

    private SweepPlan(List<SweepAxis> axes, List<List<Double>> values, ExperimentSettings base) {
        this.axes = List.copyOf(axes);
        this.values = values.stream().map(List::copyOf).toList();
        this.base = base;
        Map<String, String> texts = new LinkedHashMap<>(base.texts());
        texts.remove(LabParameters.SEEDS.id());
        // Without evaluation steps the definition (and so the id) is the one of sweeps from before they existed.
        if (base.evalSteps().equals(LabParameters.EVAL_STEPS.defaultValue()))
            texts.remove(LabParameters.EVAL_STEPS.id());
        this.baseTexts = Collections.unmodifiableMap(texts);
        this.schemes = base.schemeIds();
        this.seeds = base.seeds();
        List<List<Double>> c = new ArrayList<>();
        if (axes.size() == 1) {
            for (double v : values.get(0)) c.add(List.of(v));
        } else {
            for (double v : values.get(0)) for (double u : values.get(1)) c.add(List.of(v, u));
        }
        this.cells = List.copyOf(c);
        this.runCount = (long) cells.size() * schemes.size() * seeds.size();
    }

    /**
     * Reads a sweep: {@code sweep} holds the sweep's own options by name (param, values, param2, values2),
     * {@code settings} compare's settings texts by parameter id (seeds as the list {@code seeds}), and the
     * scheme ids. An IllegalArgumentException with the command line's message otherwise.
     */
    public static SweepPlan parse(Map<String, String> sweep, Map<String, String> settings, List<String> schemeIds) {
        List<SweepAxis> axes = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        // Without --param the weight scale, without --values the parameter's default: one cell, the settings
        // themselves.
        axes.add(sweep.containsKey(PARAM) ? axis(PARAM, sweep.get(PARAM)) : LabParameters.SWEEP_PARAM.defaultValue());
        values.add(values(
                VALUES,
                axes.get(0),
                sweep.containsKey(VALUES)
                        ? sweep.get(VALUES)
                        : axes.get(0).limits().defaultText()));
        if (sweep.containsKey(PARAM2) != sweep.containsKey(VALUES2))
            throw new MessageException(Message.of("sweep.together", "--param2 and --values2 go together"));
        if (sweep.containsKey(PARAM2)) {
            SweepAxis second = axis(PARAM2, sweep.get(PARAM2));
            if (second == axes.get(0))
                throw new MessageException(
                        Message.of("sweep.already", "--param2: {0} is already --param", named(second)));
            if (axes.contains(SweepAxis.WEIGHT_SCALE) && second == SweepAxis.SIGMA_W2
                    || second == SweepAxis.WEIGHT_SCALE && axes.contains(SweepAxis.SIGMA_W2)) {
                throw new MessageException(Message.of(
                        "sweep.bothScales",
                        "--param2: {0} and {1} both set the weights'' scale; sweep one of them",
                        named(SweepAxis.WEIGHT_SCALE),
                        named(SweepAxis.SIGMA_W2)));
            }
            axes.add(second);
            values.add(values(VALUES2, second, sweep.get(VALUES2)));
        }
        ExperimentSettings.Result parsed = ExperimentSettings.parse(settings, schemeIds);
        if (!parsed.ok())
            throw new Refusal(
                    null, parsed.problems().get(0), parsed.problems().get(0).onCommandLine());
        ExperimentSettings base = parsed.settings();
        if (axes.contains(SweepAxis.SIGMA_W2)) {
            for (var w : base.schemes()) {
                if (!(w.std(
                                ExperimentSettings.DEFAULT_INPUTS,
                                base.hidden().get(0).intValue())
                        > 0)) {
                    throw new MessageException(Message.of(
                            "sweep.noRandomWeights",
                            "--schemes: {0} draws no random weights, so {1} cannot set their variance",
                            w.id(),
                            named(SweepAxis.SIGMA_W2)));
                }
            }
        }
        long cellCount = 1;
        for (List<Double> v : values) cellCount *= v.size();
        long runs = cellCount * base.schemes().size() * base.seeds().size();
        if (runs > LabParameters.MAX_SWEEP_RUNS) {
            throw new MessageException(Message.of(
                    "sweep.tooManyRuns",
                    "the sweep has {0} runs ({1} cells × {2} schemes × {3} seeds); at most {4} are allowed",
                    Numbers.grouped(runs),
                    Numbers.grouped(cellCount),
                    Integer.toString(base.schemes().size()),
                    Integer.toString(base.seeds().size()),
                    Numbers.grouped(LabParameters.MAX_SWEEP_RUNS)));
        }
        SweepPlan plan = new SweepPlan(axes, values, base);
        for (List<Double> cell : plan.cells) {
            ExperimentSettings.Result r =
                    ExperimentSettings.parse(plan.cellTexts(cell, base.seeds().get(0)), schemeIds);
            if (!r.ok()) {
                Problem first = r.problems().get(0);
                throw new MessageException(Message.of(
                        "sweep.cell", "cell {0}: {1}", plan.describe(cell), first.inWindow(first.onCommandLine())));
            }
        }
        return plan;
    }

    private static SweepAxis axis(String option, String text) {
        Parsed<SweepAxis> p = LabParameters.SWEEP_PARAM.parse(text);
        // An unknown id is worded as any unknown choice is (the window: "Parameter: 'x' is not one of …").
        if (!p.ok() && p.problem().reason() == Problem.Reason.UNKNOWN_CHOICE)
            throw new MessageException(p.problem()
                    .wording(named(option), "--" + option + ": " + p.problem().message()));
        if (!p.ok())
            throw new MessageException(Message.of(
                    "sweep.option",
                    "--{0}: {1}",
                    named(option),
                    Message.plain(p.problem().message())));
        return p.value();
    }

    /** An option of the sweep's own by its name; the window calls it by the Sweep tab's field label. */
    private static Message named(String option) {
        String label = option.equals(PARAM) ? "sweep.param" : option.equals(PARAM2) ? "sweep.param2" : "sweep.values";
        return new Message("=" + label, Message.literal(option), List.of());
    }

    /** A swept parameter by its id; the window calls it by its field's label. */
    private static Message named(SweepAxis axis) {
        return new Message("=" + axis.labelKey(), Message.literal(axis.id()), List.of());
    }

    private static List<Double> values(String option, SweepAxis axis, String text) {
        List<String> parts = IdListParam.ids(text);
        if (parts.isEmpty())
            throw new MessageException(
                    Message.of("sweep.noValues", "--{0}: give at least one value of {1}", named(option), named(axis)));
        if (parts.size() > LabParameters.MAX_SWEEP_VALUES)
            throw new MessageException(Message.of(
                    "sweep.atMostValues",
                    "--{0}: at most {1} values",
                    named(option),
                    Integer.toString(LabParameters.MAX_SWEEP_VALUES)));
        List<Double> out = new ArrayList<>();
        for (String s : parts) {
            Parsed<Double> v = axis.parseValue(s);
            if (!v.ok())
                throw new Refusal(
                        option, v.problem(), "--" + option + ": " + v.problem().named());
            if (out.contains(v.value()))
                throw new MessageException(
                        Message.of("sweep.twice", "--{0}: ''{1}'' is listed twice", named(option), s.strip()));
            out.add(v.value());
        }
        return out;
    }

    public List<SweepAxis> axes() {
        return axes;
    }

    public List<List<Double>> values() {
        return values;
    }

    public List<String> schemes() {
        return schemes;
    }

    public List<Long> seeds() {
        return seeds;
    }

    public ExperimentSettings base() {
        return base;
    }

    public int epochs() {
        return base.epochs();
    }

    /** The steps after which every run measures its accuracy: rising, each once, 0 (none) left out. */
    public List<Integer> evalSteps() {
        return base.config().evalSteps().stream()
                .filter(t -> t > 0)
                .distinct()
                .sorted()
                .toList();
    }

    /** The cells: one value per axis, the first axis outermost. */
    public List<List<Double>> cells() {
        return cells;
    }

    public long runCount() {
        return runCount;
    }

    /** Every run, in order: cell, then scheme, then seed. */
    public List<SweepRun> runs() {
        List<SweepRun> runs = new ArrayList<>((int) runCount);
        for (int c = 0; c < cells.size(); c++) {
            for (String scheme : schemes)
                for (long seed : seeds) runs.add(new SweepRun(runs.size(), c, cells.get(c), scheme, seed));
        }
        return runs;
    }

    /** The runs of one shard, in order. */
    public List<SweepRun> runs(Shard shard) {
        return runs().stream().filter(shard::contains).toList();
    }

    /** "weight-scale=0.1, depth=3". */
    public String describe(List<Double> cell) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++)
            parts.add(axes.get(i).id() + "=" + axes.get(i).format(cell.get(i)));
        return String.join(", ", parts);
    }

    private double valueOf(List<Double> cell, SweepAxis axis, double otherwise) {
        int i = axes.indexOf(axis);
        return i < 0 ? otherwise : cell.get(i);
    }

    /** The settings texts of one cell and seed (hidden sizes from depth × width, η, batch), as ExperimentSettings reads them. */
    Map<String, String> cellTexts(List<Double> cell, long seed) {
        Map<String, String> t = new LinkedHashMap<>(baseTexts);
        if (axes.contains(SweepAxis.DEPTH) || axes.contains(SweepAxis.HIDDEN_WIDTH)) {
            int depth = (int) valueOf(cell, SweepAxis.DEPTH, base.hidden().size());
            long width =
                    (long) valueOf(cell, SweepAxis.HIDDEN_WIDTH, base.hidden().get(0));
            t.put(LabParameters.HIDDEN.id(), LabParameters.HIDDEN.format(Collections.nCopies(depth, width)));
        }
        if (axes.contains(SweepAxis.ETA))
            t.put(LabParameters.ETA.id(), LabParameters.ETA.format(valueOf(cell, SweepAxis.ETA, 0)));
        if (axes.contains(SweepAxis.BATCH))
            t.put(LabParameters.BATCH.id(), Long.toString((long) valueOf(cell, SweepAxis.BATCH, 0)));
        t.put(LabParameters.SEEDS.id(), Long.toString(seed));
        return t;
    }

    /** A run's settings: its cell's, its one scheme and its one seed. */
    public ExperimentSettings settings(SweepRun run) {
        return ExperimentSettings.parse(cellTexts(run.values(), run.seed()), List.of(run.scheme()))
                .orThrow();
    }

    /** The weight multiplier of a run (1 unless the weight scale is swept). */
    public double weightScale(SweepRun run) {
        return valueOf(run.values(), SweepAxis.WEIGHT_SCALE, 1.0);
    }

    /** The swept σ_w² of a run, NaN unless σ_w² is swept. */
    public double sigmaW2(SweepRun run) {
        return valueOf(run.values(), SweepAxis.SIGMA_W2, Double.NaN);
    }

    /** The swept σ_b² of a run, NaN unless σ_b² is swept. */
    public double sigmaB2(SweepRun run) {
        return valueOf(run.values(), SweepAxis.SIGMA_B2, Double.NaN);
    }

    /**
     * The scheme a run trains: its scheme's weights scaled (weight scale) or set to variance σ_w²/n_in
     * (σ_w², {@link VarianceInit}); its biases the bias rule's, or N(0, σ_b²) when σ_b² is swept (σ_b² = 1 is
     * the reference's N(0, 1) rule itself, 0 is zero biases).
     */
    public InitScheme scheme(SweepRun run, ExperimentSettings s) {
        WeightInit w = s.schemes().get(0);
        double sw2 = sigmaW2(run), sb2 = sigmaB2(run);
        WeightInit weights = Double.isNaN(sw2) ? ScaledInit.of(w, weightScale(run)) : new VarianceInit(w, sw2);
        BiasInit bias = Double.isNaN(sb2) ? s.bias() : sb2 == 0 ? BiasInit.ZEROS : BiasInit.normal(Math.sqrt(sb2));
        return new InitScheme(weights, bias);
    }

    /** One run as a comparison of one scheme and one seed (no within-epoch probes: a sweep keeps only epochs). */
    public Comparison comparison(SweepRun run, int inputs, int classes) {
        ExperimentSettings s = settings(run);
        NetworkSpec spec = s.spec(inputs, classes);
        TrainingConfig config = s.config().withProbes(0);
        return new Comparison(spec, config, List.of(scheme(run, s)), List.of(run.seed()), 1);
    }

    /** The sweep in canonical text, without shard or threads: equal for equal sweeps however they were typed. */
    public String definition() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            String suffix = i == 0 ? "" : "2";
            SweepAxis a = axes.get(i);
            parts.add(PARAM + suffix + "=" + a.id());
            parts.add(VALUES + suffix + "="
                    + String.join(",", values.get(i).stream().map(a::format).toList()));
        }
        parts.add(LabParameters.SCHEMES.id() + "=" + String.join(",", schemes));
        parts.add(LabParameters.SEEDS.id() + "=" + LabParameters.SEEDS.format(seeds));
        baseTexts.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(";", parts);
    }

    /** A short identifier of {@link #definition()}: the first 16 hex digits of its SHA-256. */
    public String id() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(definition().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@link #definition()} back. */
    public static SweepPlan fromDefinition(String definition) {
        Map<String, String> sweep = new LinkedHashMap<>(), settings = new LinkedHashMap<>();
        List<String> schemeIds = List.of();
        for (String part : definition.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("not a sweep definition: '" + part + "'");
            String k = part.substring(0, eq), v = part.substring(eq + 1);
            switch (k) {
                case PARAM, VALUES, PARAM2, VALUES2 -> sweep.put(k, v);
                default -> {
                    if (k.equals(LabParameters.SCHEMES.id())) schemeIds = IdListParam.ids(v);
                    else settings.put(k, v);
                }
            }
        }
        return parse(sweep, settings, schemeIds);
    }
}
