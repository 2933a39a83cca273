package org.initlab.settings;

import static org.initlab.settings.LabParameters.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitScheme;
import org.initlab.core.init.WeightInit;
import org.initlab.train.Comparison;
import org.initlab.train.Engine;
import org.initlab.train.EpochMode;
import org.initlab.train.EvalSplit;
import org.initlab.train.TrainingConfig;

/**
 * A comparison as settings, typed and validated: the one way from settings texts (the window's fields,
 * compare's options, a settings file) to a {@link Comparison}. Seeds are either the list {@code seeds} or
 * {@code seed}, {@code seed+1}, … ({@code seedsPerScheme} of them).
 */
public record ExperimentSettings(
        List<Long> hidden,
        double eta,
        int batch,
        int batchesPerEpoch,
        int epochs,
        double lambda,
        List<Long> seeds,
        double target,
        Loss loss,
        Activation activation,
        OutputLayer output,
        BiasInit bias,
        EvalSplit eval,
        EpochMode epochMode,
        Engine engine,
        List<WeightInit> schemes,
        List<Long> evalSteps) {
    /** The window checks the network's size for MNIST until a dataset says otherwise. */
    public static final int DEFAULT_INPUTS = 784, DEFAULT_CLASSES = 10;

    public ExperimentSettings {
        hidden = List.copyOf(hidden);
        seeds = List.copyOf(seeds);
        schemes = List.copyOf(schemes);
        evalSteps = List.copyOf(evalSteps);
    }

    /** Without evaluation steps (the default, none). */
    public ExperimentSettings(
            List<Long> hidden,
            double eta,
            int batch,
            int batchesPerEpoch,
            int epochs,
            double lambda,
            List<Long> seeds,
            double target,
            Loss loss,
            Activation activation,
            OutputLayer output,
            BiasInit bias,
            EvalSplit eval,
            EpochMode epochMode,
            Engine engine,
            List<WeightInit> schemes) {
        this(
                hidden,
                eta,
                batch,
                batchesPerEpoch,
                epochs,
                lambda,
                seeds,
                target,
                loss,
                activation,
                output,
                bias,
                eval,
                epochMode,
                engine,
                schemes,
                EVAL_STEPS.defaultValue());
    }

    /** The typed settings, or every problem found (then {@code settings} is null). */
    public record Result(ExperimentSettings settings, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The settings; an IllegalArgumentException listing every problem otherwise. */
        public ExperimentSettings orThrow() {
            if (!ok())
                throw new org.initlab.format.MessageException(org.initlab.format.Message.joined(
                        problems.stream().map(p -> p.inWindow(p.named())).toList()));
            return settings;
        }
    }

    /** As {@link #parse(Map, List, int, int)} for MNIST's 784 inputs and 10 classes. */
    public static Result parse(Map<String, String> values, List<String> schemeIds) {
        return parse(values, schemeIds, DEFAULT_INPUTS, DEFAULT_CLASSES);
    }

    /**
     * Reads texts keyed by parameter id (missing keys take the default; unknown keys are a problem) and
     * the chosen scheme ids; checks each value and then the ones across settings for a dataset's shape.
     */
    public static Result parse(Map<String, String> values, List<String> schemeIds, int inputs, int classes) {
        Reader r = new Reader(values);
        for (String key : values.keySet()) {
            if (!isExperimentKey(key))
                r.problems.add(new Problem(
                        key,
                        key,
                        Problem.Reason.UNKNOWN_CHOICE,
                        key,
                        Bounds.none(Bounds.Form.CHOICE, 1),
                        "unknown setting \"" + key + "\""));
        }
        List<Long> hidden = r.read(HIDDEN);
        Double eta = r.read(ETA);
        Long batch = r.read(BATCH), perEpoch = r.read(BATCHES_PER_EPOCH), epochs = r.read(EPOCHS);
        Double lambda = r.read(LAMBDA), target = r.read(TARGET);
        List<Long> seeds = r.seeds();
        Loss loss = r.read(LOSS);
        Activation activation = r.read(ACTIVATION);
        OutputLayer output = r.read(OUTPUT);
        BiasInit bias = r.read(BIAS);
        EvalSplit eval = r.read(EVAL);
        EpochMode mode = r.read(EPOCH_MODE);
        Engine engine = r.read(ENGINE);
        List<Long> evalSteps = r.read(EVAL_STEPS);
        List<WeightInit> schemes = r.take(SCHEMES.parseIds(schemeIds));
        if (output == OutputLayer.SOFTMAX && loss != null && loss != Loss.CROSS_ENTROPY) {
            r.problems.add(new Problem(
                    "output",
                    OUTPUT.name(),
                    Problem.Reason.SOFTMAX_NEEDS_CROSS_ENTROPY,
                    output.id(),
                    OUTPUT.bounds(),
                    NetworkSpec.SOFTMAX_LOSS.english()));
        }
        if (hidden != null) {
            int[] sizes = NetworkSpec.layerSizes(inputs, WholeListParam.toInts(hidden), classes);
            long params = NetworkSpec.parameterCount(sizes);
            if (params > NetworkSpec.MAX_PARAMETERS) {
                r.problems.add(new Problem(
                        "hidden",
                        HIDDEN.name(),
                        Problem.Reason.TOO_LARGE,
                        Long.toString(params),
                        Bounds.whole(0, NetworkSpec.MAX_PARAMETERS),
                        NetworkSpec.tooLargeMessage(sizes)));
            }
        }
        if (!r.problems.isEmpty()) return new Result(null, List.copyOf(r.problems));
        return new Result(
                new ExperimentSettings(
                        hidden,
                        eta,
                        batch.intValue(),
                        perEpoch.intValue(),
                        epochs.intValue(),
                        lambda,
                        seeds,
                        target,
                        loss,
                        activation,
                        output,
                        bias,
                        eval,
                        mode,
                        engine,
                        schemes,
                        evalSteps),
                List.of());
    }

    private static boolean isExperimentKey(String key) {
        return LabParameters.fileKeys().contains(key) || key.equals(SEEDS.id()) || key.equals(ENGINE.id());
    }

    /** Collects values and problems in parameter order. */
    private static final class Reader {
        final Map<String, String> values;
        final List<Problem> problems = new ArrayList<>();

        Reader(Map<String, String> values) {
            this.values = values;
        }

        <T> T read(Param<T> p) {
            return values.containsKey(p.id()) ? take(p.parse(values.get(p.id()))) : p.defaultValue();
        }

        <T> T take(Parsed<T> parsed) {
            if (parsed.ok()) return parsed.value();
            problems.add(parsed.problem());
            return null;
        }

        /** The list {@code seeds} when given, else seed, seed+1, … */
        List<Long> seeds() {
            if (values.containsKey(SEEDS.id())) return read(SEEDS);
            Long first = read(SEED), count = read(SEEDS_PER_SCHEME);
            if (first == null || count == null) return null;
            if (first > Long.MAX_VALUE - (count - 1)) {
                problems.add(Problem.of(
                        SEED,
                        Problem.Reason.OUT_OF_RANGE,
                        Long.toString(first),
                        Bounds.whole(SEED.min(), Long.MAX_VALUE - (count - 1))));
                return null;
            }
            List<Long> seeds = new ArrayList<>();
            for (long k = 0; k < count; k++) seeds.add(first + k);
            return seeds;
        }
    }

    public NetworkSpec spec(int inputs, int classes) {
        return new NetworkSpec(
                NetworkSpec.layerSizes(inputs, WholeListParam.toInts(hidden), classes), activation, output, loss);
    }

    public TrainingConfig config() {
        // The default "0" is none.
        List<Integer> steps = evalSteps.equals(EVAL_STEPS.defaultValue())
                ? List.of()
                : evalSteps.stream().map(Long::intValue).toList();
        return new TrainingConfig(
                eta,
                batch,
                batchesPerEpoch,
                epochs,
                lambda,
                epochMode,
                eval,
                TrainingConfig.PROBES_PER_EPOCH,
                TrainingConfig.PROBE_SIZE,
                engine,
                steps);
    }

    /** Every chosen scheme under the one bias rule. */
    public List<InitScheme> initSchemes() {
        return schemes.stream().map(w -> new InitScheme(w, bias)).toList();
    }

    /** The comparison for a dataset's shape; IllegalArgumentException if the network is too large for it. */
    public Comparison comparison(int inputs, int classes, int threads) {
        return new Comparison(spec(inputs, classes), config(), initSchemes(), seeds, threads);
    }

    /** The settings as texts keyed by parameter id (seeds as the list {@code seeds}); {@link #parse} reads them back. */
    public Map<String, String> texts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(HIDDEN.id(), HIDDEN.format(hidden));
        m.put(ETA.id(), ETA.format(eta));
        m.put(BATCH.id(), BATCH.format((long) batch));
        m.put(BATCHES_PER_EPOCH.id(), BATCHES_PER_EPOCH.format((long) batchesPerEpoch));
        m.put(EPOCHS.id(), EPOCHS.format((long) epochs));
        m.put(LAMBDA.id(), LAMBDA.format(lambda));
        m.put(SEEDS.id(), SEEDS.format(seeds));
        m.put(TARGET.id(), TARGET.format(target));
        m.put(LOSS.id(), LOSS.format(loss));
        m.put(ACTIVATION.id(), ACTIVATION.format(activation));
        m.put(OUTPUT.id(), OUTPUT.format(output));
        m.put(BIAS.id(), BIAS.format(bias));
        m.put(EVAL.id(), EVAL.format(eval));
        m.put(EPOCH_MODE.id(), EPOCH_MODE.format(epochMode));
        m.put(ENGINE.id(), ENGINE.format(engine));
        m.put(EVAL_STEPS.id(), EVAL_STEPS.format(evalSteps));
        return m;
    }

    /** Scheme ids, as {@link #parse} takes them. */
    public List<String> schemeIds() {
        return schemes.stream().map(WeightInit::id).toList();
    }

    /**
     * The settings a comparison was built from (hidden sizes between its first and last layer; the bias of its
     * first scheme; the target is not part of a comparison and reads the default).
     */
    public static ExperimentSettings of(Comparison c) {
        int[] sizes = c.spec().sizes();
        List<Long> hidden = new ArrayList<>();
        for (int i = 1; i < sizes.length - 1; i++) hidden.add((long) sizes[i]);
        TrainingConfig t = c.config();
        return new ExperimentSettings(
                hidden,
                t.eta(),
                t.batchSize(),
                t.batchesPerEpoch(),
                t.epochs(),
                t.lambda(),
                c.seeds(),
                TARGET.defaultValue(),
                c.spec().loss(),
                c.spec().hidden(),
                c.spec().output(),
                c.schemes().get(0).biases(),
                t.evalSplit(),
                t.epochMode(),
                t.engine(),
                c.schemes().stream().map(InitScheme::weights).toList(),
                t.evalSteps().isEmpty()
                        ? EVAL_STEPS.defaultValue()
                        : t.evalSteps().stream().map(Integer::longValue).toList());
    }
}
