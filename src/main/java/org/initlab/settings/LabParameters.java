package org.initlab.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.initlab.core.Activation;
import org.initlab.core.Limit;
import org.initlab.core.Loss;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.WeightInit;
import org.initlab.format.Numbers;
import org.initlab.theory.ZSpec;
import org.initlab.theory.meanfield.Phi;
import org.initlab.train.Comparison;
import org.initlab.train.Engine;
import org.initlab.train.EpochMode;
import org.initlab.train.EvalSplit;
import org.initlab.train.NetworkStats;
import org.initlab.train.RunSummary;
import org.initlab.train.TrainingConfig;

/**
 * Every setting of the lab, once: the window's fields, the command line's options and the settings files'
 * keys all come from here. A value a core record holds takes that record's limit ({@link TrainingConfig},
 * {@link NetworkSpec}, {@link ZSpec}) and the reference experiment's default ({@link TrainingConfig#reference()});
 * the records import nothing from here, so building this class loads no class that reads it.
 */
public final class LabParameters {
    private static final TrainingConfig REFERENCE = TrainingConfig.reference();

    /** Seeds in one comparison: the window's seeds per scheme and compare's --seeds list share it. */
    public static final int MAX_SEEDS = 100;

    // ---- training: the window's side panel and compare ----------------------------------------------------
    public static final WholeListParam HIDDEN = new WholeListParam(
            "hidden",
            "hidden",
            NetworkSpec.HIDDEN_SIZE,
            "30",
            NetworkSpec.MAX_HIDDEN_LAYERS,
            false,
            NetworkSpec.HIDDEN_SIZE.name());
    public static final DecimalParam ETA =
            new DecimalParam("eta", "eta", TrainingConfig.ETA_LIMIT, REFERENCE.eta(), "3.0");
    public static final WholeParam BATCH =
            new WholeParam("batch", "batch", TrainingConfig.BATCH_LIMIT, REFERENCE.batchSize());
    public static final WholeParam BATCHES_PER_EPOCH = new WholeParam(
            "batchesPerEpoch",
            "batches-per-epoch",
            TrainingConfig.BATCHES_PER_EPOCH_LIMIT,
            REFERENCE.batchesPerEpoch());
    public static final WholeParam EPOCHS =
            new WholeParam("epochs", "epochs", TrainingConfig.EPOCHS_LIMIT, REFERENCE.epochs());
    public static final WholeParam SEED = new WholeParam("seed", null, "seed", 1, 0, Long.MAX_VALUE);
    public static final DecimalParam LAMBDA =
            new DecimalParam("lambda", "lambda", TrainingConfig.LAMBDA_LIMIT, REFERENCE.lambda(), "0");
    public static final WholeParam SEEDS_PER_SCHEME =
            new WholeParam("seedsPerScheme", null, "seeds per scheme", 1, 1, MAX_SEEDS);
    public static final DecimalParam TARGET = new DecimalParam(
            "target",
            "target",
            "target accuracy %",
            RunSummary.REFERENCE_TARGET_PERCENT,
            Numbers.whole(RunSummary.REFERENCE_TARGET_PERCENT),
            0,
            false,
            100);
    public static final ChoiceParam<Loss> LOSS =
            choice("loss", "loss", "loss", Loss.QUADRATIC, Loss::parse, Loss::id, Loss.values());
    public static final ChoiceParam<Activation> ACTIVATION = choice(
            "activation",
            "activation",
            "activation",
            Activation.SIGMOID,
            Activation::parse,
            Activation::id,
            Activation.values());
    public static final ChoiceParam<OutputLayer> OUTPUT = choice(
            "output",
            "output",
            "output layer",
            OutputLayer.SIGMOID,
            OutputLayer::parse,
            OutputLayer::id,
            OutputLayer.values());
    /** Any rule BiasInit reads (normal, normal:S, zeros, constant:C); the picker offers three. */
    public static final ChoiceParam<BiasInit> BIAS = new ChoiceParam<>(
            "bias",
            "bias",
            "bias rule",
            BiasInit.STANDARD_NORMAL,
            BiasInit::parse,
            BiasInit::id,
            List.of("normal", "zeros", "constant:0.1"));

    public static final ChoiceParam<EvalSplit> EVAL = choice(
            "eval",
            "eval",
            "evaluation split",
            REFERENCE.evalSplit(),
            EvalSplit::parse,
            EvalSplit::id,
            EvalSplit.values());
    public static final ChoiceParam<EpochMode> EPOCH_MODE = choice(
            "epochMode",
            "epoch-mode",
            "epoch mode",
            REFERENCE.epochMode(),
            EpochMode::parse,
            EpochMode::id,
            EpochMode.values());

    // ---- compare only ----------------------------------------------------------------------------------
    public static final IdListParam<WeightInit> SCHEMES = new IdListParam<>(
            "schemes", "schemes", "schemes", "standard,lecun", InitCatalog::byId, WeightInit::id, 100, "schemes");
    public static final WholeListParam SEEDS =
            new WholeListParam("seeds", "seeds", "seeds", "1", 0, Long.MAX_VALUE, MAX_SEEDS, true, "seeds");
    public static final WholeParam THREADS = new WholeParam(
            "threads",
            "threads",
            "threads",
            () -> (long) Comparison.defaultThreads(),
            Integer.toString(Comparison.defaultThreads()),
            1,
            256);
    /** Steps (mini-batches since the start) after which a run measures its test and training accuracy; 0: none. */
    public static final WholeListParam EVAL_STEPS =
            new WholeListParam("evalSteps", "eval-steps", "evaluation steps", "0", 0, 10_000_000, 100, true, "steps");

    public static final ChoiceParam<Engine> ENGINE =
            choice("engine", "engine", "engine", REFERENCE.engine(), Engine::parse, Engine::id, Engine.values());

    // ---- the z view and zlab (the 500-ones experiment) ---------------------------------------------------------
    public static final WholeParam Z_INPUTS = new WholeParam("inputs", "inputs", ZSpec.INPUTS_LIMIT, 1000);
    /** At most the inputs too: read with {@link WholeParam#parseWithin}. */
    public static final WholeParam Z_ONES = new WholeParam("ones", "ones", ZSpec.ONES_LIMIT, 500);

    public static final ChoiceParam<WeightInit> Z_WEIGHTS = new ChoiceParam<>(
            "weights",
            "weights",
            "weight scheme",
            InitCatalog.byId("standard"),
            InitCatalog::byId,
            WeightInit::id,
            InitCatalog.ids());
    public static final DecimalParam Z_BIAS_SIGMA =
            new DecimalParam("biasSigma", "bias-sigma", ZSpec.BIAS_SIGMA_LIMIT, 1.0, "1");
    /** The window's "custom" slot; the command line says {@code --weights custom:S}. */
    public static final DecimalParam Z_CUSTOM_SIGMA =
            new DecimalParam("customSigma", null, "custom σ_w", 0.1, "0.1", 0, false, 1e6);

    public static final WholeParam Z_SAMPLES = new WholeParam("samples", "samples", ZSpec.SAMPLES_LIMIT, 200_000);
    public static final WholeParam Z_SEED =
            new WholeParam("zSeed", "seed", "seed", 1, 0, Long.MAX_VALUE).labelled("field.seed");
    public static final WholeParam Z_FAN_OUT = new WholeParam("fanOut", "fan-out", ZSpec.FAN_OUT_LIMIT, 30);
    /** σ'(z) below it counts as saturated; shared by the training view's saturation chart and the z view. */
    public static final DecimalParam THRESHOLD = new DecimalParam(
            "threshold",
            "threshold",
            "saturation threshold",
            NetworkStats.SATURATION_THRESHOLD,
            Numbers.whole(NetworkStats.SATURATION_THRESHOLD),
            0,
            true,
            0.25);

    // ---- depth theory: the Depth tab and the theory command (mean-field signal propagation) ---------------------
    public static final ChoiceParam<Phi> DEPTH_ACTIVATION =
            choice("depthActivation", "activation", "activation (theory)", Phi.TANH, Phi::parse, Phi::id, Phi.values());
    public static final DecimalParam SIGMA_W2 =
            new DecimalParam("sigmaW2", "sigma-w2", "weight variance σ_w²", 1.5, "1.5", 0, false, 1000);
    public static final DecimalParam SIGMA_B2 =
            new DecimalParam("sigmaB2", "sigma-b2", "bias variance σ_b²", 0.05, "0.05", 0, false, 100);
    public static final WholeParam DEPTH = new WholeParam("depth", "depth", "depth (layers)", 20, 1, 1000);
    public static final WholeParam DEPTH_WIDTH =
            new WholeParam("depthWidth", "width", "width (units per layer)", 300, 1, 100_000);
    public static final DecimalParam Q0 = new DecimalParam("q0", "q0", "input variance q⁰", 1.0, "1", 0, false, 10_000);
    public static final WholeParam DEPTH_SAMPLES =
            new WholeParam("depthSamples", "samples", "inputs measured", 100, 1, 100_000);
    public static final WholeParam DEPTH_NETWORKS =
            new WholeParam("depthNetworks", "networks", "networks per measurement", 4, 1, 100);
    public static final WholeParam DEPTH_SEED =
            new WholeParam("depthSeed", "seed", "seed", 1, 0, Long.MAX_VALUE).labelled("field.seed");
    public static final ChoiceParam<WeightInit> JACOBIAN_SCHEME = new ChoiceParam<>(
            "jacobianScheme",
            "scheme",
            "Jacobian weight scheme",
            InitCatalog.byId("orthogonal"),
            InitCatalog::byId,
            WeightInit::id,
            InitCatalog.ids());

    // ---- bench ----------------------------------------------------------------------------------------
    public static final WholeParam BENCH_EPOCHS =
            new WholeParam("benchEpochs", "epochs", "benchmark epochs", 5, 1, 1000);
    public static final WholeParam BENCH_ND4J_EPOCHS =
            new WholeParam("benchNd4jEpochs", "nd4j-epochs", "ND4J benchmark epochs", 2, 0, 1000);

    // ---- sweeps: sweep's own options, and the limits every swept value is checked against ------------------
    // A swept parameter is a SweepAxis; its values (--values, --values2) are each read by the
    // parameter named there: the training ones (ETA, BATCH) by their own, the others by the limits below.
    // σ_w² and σ_b² are the depth theory's mean-field parameters (weights of variance σ_w²/n_in, biases of variance
    // σ_b²). The window labels a swept parameter as the setting it varies (the Depth tab's σ_w², σ_b², depth, width).
    /** Runs one sweep may plan (cells × schemes × seeds); more are refused up front with the count. */
    public static final long MAX_SWEEP_RUNS = 100_000L;
    /** Values of one swept parameter. */
    public static final int MAX_SWEEP_VALUES = 1000;

    public static final ChoiceParam<SweepAxis> SWEEP_PARAM = choice(
            "sweepParam",
            "param",
            "swept parameter",
            SweepAxis.WEIGHT_SCALE,
            SweepAxis::parse,
            SweepAxis::id,
            SweepAxis.values());
    /** A multiplier on each scheme's weights (on its σ): 1 is the scheme itself. */
    public static final DecimalParam SWEEP_WEIGHT_SCALE =
            new DecimalParam("sweepWeightScale", null, "weight scale", 1.0, "1", 0, true, 1e6);
    /** Hidden layers, each as wide as the hidden width (the first of --hidden unless swept). */
    public static final WholeParam SWEEP_DEPTH =
            new WholeParam("sweepDepth", null, "depth (hidden layers)", 1, 1, 1000).labelled(DEPTH.labelKey());

    public static final WholeParam SWEEP_WIDTH =
            new WholeParam("sweepHiddenWidth", null, "hidden width", 30, 1, 100_000).labelled(DEPTH_WIDTH.labelKey());
    /** Swept σ_w²: every layer's weights rescaled to variance σ_w²/n_in (the scheme's shape kept); above 0, as far as the depth theory goes. */
    public static final DecimalParam SWEEP_SIGMA_W2 = new DecimalParam(
                    "sweepSigmaW2", null, "weight variance σ_w²", 1.0, "1", 0, true, 1000)
            .labelled(SIGMA_W2.labelKey());
    /** Swept σ_b²: biases N(0, σ_b²) (this replaces the bias rule); 0 is zero biases. */
    public static final DecimalParam SWEEP_SIGMA_B2 = new DecimalParam(
                    "sweepSigmaB2", null, "bias variance σ_b²", 1.0, "1", 0, false, 100)
            .labelled(SIGMA_B2.labelKey());

    private static final List<Param<?>> FILE = List.of(
            HIDDEN,
            ETA,
            BATCH,
            BATCHES_PER_EPOCH,
            EPOCHS,
            SEED,
            LAMBDA,
            SEEDS_PER_SCHEME,
            TARGET,
            LOSS,
            ACTIVATION,
            OUTPUT,
            BIAS,
            EVAL,
            EPOCH_MODE,
            EVAL_STEPS);
    private static final List<Param<?>> COMPARE = List.of(
            HIDDEN,
            ETA,
            BATCH,
            BATCHES_PER_EPOCH,
            EPOCHS,
            LAMBDA,
            TARGET,
            LOSS,
            ACTIVATION,
            OUTPUT,
            BIAS,
            EVAL,
            EPOCH_MODE,
            EVAL_STEPS,
            SCHEMES,
            SEEDS,
            THREADS,
            ENGINE);
    private static final List<Param<?>> Z =
            List.of(Z_INPUTS, Z_ONES, Z_WEIGHTS, Z_BIAS_SIGMA, Z_CUSTOM_SIGMA, Z_SAMPLES, Z_SEED, THRESHOLD, Z_FAN_OUT);
    private static final List<Param<?>> BENCH = List.of(BENCH_EPOCHS, BENCH_ND4J_EPOCHS);
    private static final List<Param<?>> DEPTH_THEORY = List.of(
            DEPTH_ACTIVATION,
            SIGMA_W2,
            SIGMA_B2,
            DEPTH,
            DEPTH_WIDTH,
            Q0,
            DEPTH_SAMPLES,
            DEPTH_NETWORKS,
            DEPTH_SEED,
            JACOBIAN_SCHEME);
    private static final List<Param<?>> SWEEP =
            List.of(SWEEP_PARAM, SWEEP_WEIGHT_SCALE, SWEEP_DEPTH, SWEEP_WIDTH, SWEEP_SIGMA_W2, SWEEP_SIGMA_B2);

    private LabParameters() {}

    private static <E> ChoiceParam<E> choice(
            String id,
            String option,
            String name,
            E def,
            Function<String, E> parser,
            Function<E, String> idOf,
            E[] values) {
        return new ChoiceParam<>(
                id,
                option,
                name,
                def,
                parser,
                idOf,
                Arrays.stream(values).map(idOf).toList());
    }

    /**
     * A core record's refusal ({@link Limit#require}) worded as the field of that limit words it (the command line's
     * English kept); the English alone for a limit no parameter is built from.
     */
    public static org.initlab.format.Message refusal(Limit.Refusal r) {
        for (Param<?> p : all())
            if (p.name().equals(r.limit().name()) && p.bounds().min() != null)
                return Problem.of(p, Problem.Reason.OUT_OF_RANGE, r.value(), p.bounds())
                        .inWindow(r.getMessage());
        return org.initlab.format.Message.plain(r.getMessage());
    }

    /** Every parameter, each once (ids are unique). */
    public static List<Param<?>> all() {
        Set<Param<?>> all = new LinkedHashSet<>(FILE);
        all.addAll(COMPARE);
        all.addAll(Z);
        all.addAll(BENCH);
        all.addAll(DEPTH_THEORY);
        all.addAll(SWEEP);
        return List.copyOf(all);
    }

    /** The keys of a settings file's "settings" object: the window's training settings (its schemes are a list apart). */
    public static List<Param<?>> fileSettings() {
        return FILE;
    }

    public static Set<String> fileKeys() {
        Set<String> keys = new LinkedHashSet<>();
        FILE.forEach(p -> keys.add(p.id()));
        return keys;
    }

    /** The options of {@code compare} that are settings (not --data, --csv, --json, --png). */
    public static List<Param<?>> compareOptions() {
        return COMPARE;
    }

    public static List<Param<?>> zlabOptions() {
        return Z.stream().filter(Param::hasOption).toList();
    }

    /** The z view's fields and zlab's options. */
    public static List<Param<?>> zView() {
        return Z;
    }

    /** The Depth tab's fields and the theory command's options. */
    public static List<Param<?>> theoryOptions() {
        return DEPTH_THEORY;
    }

    public static List<Param<?>> benchOptions() {
        return BENCH;
    }

    /** The sweep's own parameters (its options besides compare's: --param, and the limits of swept values). */
    public static List<Param<?>> sweepParameters() {
        return SWEEP;
    }

    /** The parameter with this id; an IllegalArgumentException naming it otherwise. */
    public static Param<?> byId(String id) {
        for (Param<?> p : all()) if (p.id().equals(id)) return p;
        throw new IllegalArgumentException("unknown setting \"" + id + "\"");
    }

    static List<String> options(List<Param<?>> params) {
        List<String> o = new ArrayList<>();
        for (Param<?> p : params) if (p.hasOption()) o.add(p.option());
        return o;
    }
}
