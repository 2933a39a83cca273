package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.NetworkSpec;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.BiasInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.core.init.WeightInit;
import org.initlab.data.Dataset;
import org.initlab.format.Numbers;
import org.initlab.settings.LabSettings;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.Comparison;
import org.initlab.train.EpochMode;
import org.initlab.train.EvalSplit;
import org.initlab.train.RunSummary;
import org.initlab.train.TrainingConfig;
import org.initlab.ui.base.I18n;
import org.initlab.ui.controls.LayerListField;
import org.initlab.ui.controls.NumberField;
import org.initlab.ui.controls.SchemeChoice;
import org.initlab.ui.controls.ValidatedText;

/**
 * The training settings as typed: one field or choice per setting, the chosen schemes, and in words what is
 * wrong with them ({@link #validationMessageProperty()}, empty when Run may start). Defaults are the
 * reference experiment. Reads and writes {@link LabSettings} for presets, files and the last session.
 */
public final class SettingsForm {
    public static final int MAX_HIDDEN = 10_000;

    private final LayerListField hidden = new LayerListField(I18n.t("field.hidden"), "30", MAX_HIDDEN);
    private final NumberField eta = NumberField.positiveDecimal(I18n.t("field.eta"), 3.0, 0, 1_000_000);
    private final NumberField batch = NumberField.integer(I18n.t("field.batch"), 10, 1, 10_000);
    private final NumberField batchesPerEpoch = NumberField.integer(I18n.t("field.batchesPerEpoch"), 5000, 1, 1_000_000);
    private final NumberField epochs = NumberField.integer(I18n.t("field.epochs"), 30, 1, 1000);
    private final NumberField seed = NumberField.integer(I18n.t("field.seed"), 1, 0, Long.MAX_VALUE);
    private final NumberField lambda = NumberField.decimal(I18n.t("field.lambda"), 0.0, 0, 1_000_000);
    private final NumberField seedsPerScheme = NumberField.integer(I18n.t("field.seedsPerScheme"), 1, 1, 20);
    private final NumberField target = NumberField.decimal(I18n.t("field.target"), RunSummary.REFERENCE_TARGET_PERCENT, 0, 100);
    private final List<NumberField> numbers = List.of(eta, batch, batchesPerEpoch, epochs, seed, lambda, seedsPerScheme, target);
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(Loss.QUADRATIC);
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.SIGMOID);
    private final ObjectProperty<OutputLayer> output = new SimpleObjectProperty<>(OutputLayer.SIGMOID);
    private final ObjectProperty<String> biasRule = new SimpleObjectProperty<>("normal");
    private final ObjectProperty<EvalSplit> evalSplit = new SimpleObjectProperty<>(EvalSplit.TEST);
    private final ObjectProperty<EpochMode> epochMode = new SimpleObjectProperty<>(EpochMode.BATCHES);
    private final ObservableList<SchemeChoice> schemes = FXCollections.observableArrayList();
    private final StringProperty validationMessage = new SimpleStringProperty("");
    private final Runnable changed;

    /** {@code changed} runs after every change that can alter which runs Run starts (validation included). */
    SettingsForm(Runnable changed) {
        this.changed = changed;
        for (WeightInit w : InitCatalog.all()) schemes.add(new SchemeChoice(w, w.id().equals("standard") || w.id().equals("lecun")));
        for (NumberField f : numbers) f.errorProperty().addListener((o, a, b) -> validate());
        hidden.errorProperty().addListener((o, a, b) -> validate());
        hidden.textProperty().addListener((o, a, b) -> validate());
        loss.addListener((o, a, b) -> validate());
        output.addListener((o, a, b) -> validate());
        for (SchemeChoice c : schemes) c.selectedProperty().addListener((o, a, b) -> validate());
        validate();
        // Settings that change the runs' names or the charts' frame without changing validity.
        for (ValidatedText f : List.of(seed, seedsPerScheme, epochs, hidden)) f.textProperty().addListener((o, a, b) -> changed.run());
        activation.addListener((o, a, b) -> changed.run());
    }

    public LayerListField hiddenField() { return hidden; }
    public NumberField etaField() { return eta; }
    public NumberField batchField() { return batch; }
    public NumberField batchesPerEpochField() { return batchesPerEpoch; }
    public NumberField epochsField() { return epochs; }
    public NumberField seedField() { return seed; }
    public NumberField lambdaField() { return lambda; }
    public NumberField seedsPerSchemeField() { return seedsPerScheme; }
    public NumberField targetField() { return target; }
    public ObjectProperty<Loss> lossProperty() { return loss; }
    public ObjectProperty<Activation> activationProperty() { return activation; }
    public ObjectProperty<OutputLayer> outputProperty() { return output; }
    public ObjectProperty<String> biasRuleProperty() { return biasRule; }
    public ObjectProperty<EvalSplit> evalSplitProperty() { return evalSplit; }
    public ObjectProperty<EpochMode> epochModeProperty() { return epochMode; }
    public ObservableList<SchemeChoice> schemes() { return schemes; }
    /** Every problem in words, one per line; empty when the settings describe a comparison. */
    public StringProperty validationMessageProperty() { return validationMessage; }
    /** Bias rules offered in the side panel. */
    public static List<String> biasRules() { return List.of("normal", "zeros", "constant:0.1"); }

    private void validate() {
        List<String> problems = new ArrayList<>();
        if (!hidden.isValid()) problems.add(hidden.errorProperty().get());
        for (NumberField f : numbers) if (!f.isValid()) problems.add(f.errorProperty().get());
        if (output.get() == OutputLayer.SOFTMAX && loss.get() != Loss.CROSS_ENTROPY) problems.add(I18n.t("v.softmax"));
        if (schemes.stream().noneMatch(c -> c.selectedProperty().get())) problems.add(I18n.t("v.noScheme"));
        if (hidden.isValid()) {
            long params = NetworkSpec.parameterCount(NetworkSpec.layerSizes(784, hidden.sizes(), 10));
            if (params > NetworkSpec.MAX_PARAMETERS) {
                problems.add(I18n.f("v.tooLarge", Numbers.grouped(params), Numbers.grouped(NetworkSpec.megabytesPerRun(params)), Numbers.grouped(NetworkSpec.MAX_PARAMETERS)));
            }
        }
        validationMessage.set(String.join("\n", problems));
        changed.run();
    }

    /** The comparison the settings describe for {@code d} (its input size and classes; MNIST's when null). Valid settings only. */
    public Comparison comparison(Dataset d) {
        int inputs = d == null ? 784 : d.inputSize(), classes = d == null ? 10 : d.classes();
        NetworkSpec spec = new NetworkSpec(NetworkSpec.layerSizes(inputs, hidden.sizes(), classes), activation.get(), output.get(), loss.get());
        TrainingConfig ref = TrainingConfig.reference();
        TrainingConfig config = new TrainingConfig(eta.doubleValue(), batch.intValue(), batchesPerEpoch.intValue(), epochs.intValue(), lambda.doubleValue(),
                epochMode.get(), evalSplit.get(), ref.probesPerEpoch(), ref.probeSize(), ref.engine());
        BiasInit bias = BiasInit.parse(biasRule.get());
        List<InitScheme> chosen = schemes.stream().filter(c -> c.selectedProperty().get()).map(c -> new InitScheme(c.init(), bias)).toList();
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < seedsPerScheme.intValue(); k++) seeds.add(seed.longValue() + k);
        return new Comparison(spec, config, chosen, seeds, Comparison.defaultThreads());
    }

    /** The target of "first epoch reaching" while the field holds a valid value; the reference's 94% otherwise. */
    public double targetPercent() {
        return target.isValid() ? target.doubleValue() : RunSummary.REFERENCE_TARGET_PERCENT;
    }

    /** Back to the reference settings. */
    public void reset() {
        numbers.forEach(NumberField::reset);
        hidden.reset();
        schemes.forEach(SchemeChoice::reset);
        loss.set(Loss.QUADRATIC);
        activation.set(Activation.SIGMOID);
        output.set(OutputLayer.SIGMOID);
        biasRule.set("normal");
        evalSplit.set(EvalSplit.TEST);
        epochMode.set(EpochMode.BATCHES);
    }

    // ---- settings files (presets, last session) ---------------------------------------------------
    private Map<String, ValidatedText> textSettings() {
        Map<String, ValidatedText> m = new LinkedHashMap<>();
        m.put("hidden", hidden);
        m.put("eta", eta);
        m.put("batch", batch);
        m.put("batchesPerEpoch", batchesPerEpoch);
        m.put("epochs", epochs);
        m.put("seed", seed);
        m.put("lambda", lambda);
        m.put("seedsPerScheme", seedsPerScheme);
        m.put("target", target);
        return m;
    }

    private static final List<String> CHOICE_KEYS = List.of("loss", "activation", "output", "bias", "eval", "epochMode");

    /** Every key a settings file may hold. */
    public Set<String> settingKeys() {
        Set<String> keys = new LinkedHashSet<>(textSettings().keySet());
        keys.addAll(CHOICE_KEYS);
        return keys;
    }

    /** The current settings, as typed. */
    public LabSettings settings() {
        Map<String, String> v = new LinkedHashMap<>();
        textSettings().forEach((k, f) -> v.put(k, f.textProperty().get()));
        v.put("loss", loss.get().id());
        v.put("activation", activation.get().id());
        v.put("output", output.get().id());
        v.put("bias", biasRule.get());
        v.put("eval", evalSplit.get().id());
        v.put("epochMode", epochMode.get().id());
        List<String> chosen = schemes.stream().filter(c -> c.selectedProperty().get()).map(c -> c.init().id()).toList();
        return new LabSettings(v, chosen);
    }

    /**
     * Applies settings read from a file. Everything is checked first; on any problem nothing changes and
     * the exception lists every problem. Keys the file leaves out keep the reference's values.
     */
    public void apply(LabSettings s) throws SettingsFormatException {
        List<String> problems = new ArrayList<>();
        textSettings().forEach((k, f) -> {
            String value = s.values().get(k);
            String problem = value == null ? "" : f.check(value);
            if (!problem.isEmpty()) problems.add(problem);
        });
        Map<String, String> v = s.values();
        check(problems, v.get("loss"), Loss::parse);
        check(problems, v.get("activation"), Activation::parse);
        check(problems, v.get("output"), OutputLayer::parse);
        check(problems, v.get("bias"), BiasInit::parse);
        check(problems, v.get("eval"), EvalSplit::parse);
        check(problems, v.get("epochMode"), EpochMode::parse);
        if (v.get("bias") != null && !biasRules().contains(v.get("bias"))) problems.add("bias rule '" + v.get("bias") + "' is not one of " + biasRules());
        Set<String> known = new HashSet<>();
        schemes.forEach(c -> known.add(c.init().id()));
        for (String id : s.schemes()) if (!known.contains(id)) problems.add("unknown scheme '" + id + "'");
        if (s.schemes().isEmpty()) problems.add("no scheme chosen");
        if (!problems.isEmpty()) throw new SettingsFormatException(String.join("; ", problems));
        reset();
        textSettings().forEach((k, f) -> {
            if (v.containsKey(k)) f.textProperty().set(v.get(k));
        });
        if (v.containsKey("loss")) loss.set(Loss.parse(v.get("loss")));
        if (v.containsKey("activation")) activation.set(Activation.parse(v.get("activation")));
        if (v.containsKey("output")) output.set(OutputLayer.parse(v.get("output")));
        if (v.containsKey("bias")) biasRule.set(v.get("bias"));
        if (v.containsKey("eval")) evalSplit.set(EvalSplit.parse(v.get("eval")));
        if (v.containsKey("epochMode")) epochMode.set(EpochMode.parse(v.get("epochMode")));
        schemes.forEach(c -> c.selectedProperty().set(s.schemes().contains(c.init().id())));
    }

    private static void check(List<String> problems, String value, Function<String, ?> parser) {
        if (value == null) return;
        try {
            parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }
}
