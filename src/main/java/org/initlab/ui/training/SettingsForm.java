package org.initlab.ui.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.initlab.core.Activation;
import org.initlab.core.Loss;
import org.initlab.core.OutputLayer;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.WeightInit;
import org.initlab.data.Dataset;
import org.initlab.settings.ExperimentSettings;
import org.initlab.settings.LabParameters;
import org.initlab.settings.LabSettings;
import org.initlab.settings.Problem;
import org.initlab.settings.SettingsFile;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.Comparison;
import org.initlab.train.EpochMode;
import org.initlab.train.EvalSplit;
import org.initlab.train.RunSummary;
import org.initlab.ui.controls.ParamField;
import org.initlab.ui.controls.SchemeChoice;

/**
 * The training settings as typed: one field or choice per setting, the chosen schemes, and in words what is
 * wrong with them ({@link #validationMessageProperty()}, empty when Run may start). Defaults are the
 * reference experiment. Reads and writes {@link LabSettings} for presets, files and the last session.
 */
public final class SettingsForm {
    private final ParamField hidden = new ParamField(LabParameters.HIDDEN);
    private final ParamField eta = new ParamField(LabParameters.ETA);
    private final ParamField batch = new ParamField(LabParameters.BATCH);
    private final ParamField batchesPerEpoch = new ParamField(LabParameters.BATCHES_PER_EPOCH);
    private final ParamField epochs = new ParamField(LabParameters.EPOCHS);
    private final ParamField seed = new ParamField(LabParameters.SEED);
    private final ParamField lambda = new ParamField(LabParameters.LAMBDA);
    private final ParamField seedsPerScheme = new ParamField(LabParameters.SEEDS_PER_SCHEME);
    private final ParamField target = new ParamField(LabParameters.TARGET);
    /** The steps at which a run measures its accuracy: kept from presets and files (the deep recipe sets them). */
    private final ParamField evalSteps = new ParamField(LabParameters.EVAL_STEPS);

    private final List<ParamField> texts =
            List.of(hidden, eta, batch, batchesPerEpoch, epochs, seed, lambda, seedsPerScheme, target, evalSteps);
    // The pickers start at the catalogue's defaults (reset() returns to them).
    private final ObjectProperty<Loss> loss = new SimpleObjectProperty<>(LabParameters.LOSS.defaultValue());
    private final ObjectProperty<Activation> activation =
            new SimpleObjectProperty<>(LabParameters.ACTIVATION.defaultValue());
    private final ObjectProperty<OutputLayer> output = new SimpleObjectProperty<>(LabParameters.OUTPUT.defaultValue());
    private final ObjectProperty<String> biasRule = new SimpleObjectProperty<>(LabParameters.BIAS.defaultText());
    private final ObjectProperty<EvalSplit> evalSplit = new SimpleObjectProperty<>(LabParameters.EVAL.defaultValue());
    private final ObjectProperty<EpochMode> epochMode =
            new SimpleObjectProperty<>(LabParameters.EPOCH_MODE.defaultValue());
    private final ObservableList<SchemeChoice> schemes = FXCollections.observableArrayList();
    private final StringProperty validationMessage = new SimpleStringProperty("");
    private final Runnable changed;

    /** {@code changed} runs after every change that can alter which runs Run starts (validation included). */
    SettingsForm(Runnable changed) {
        this.changed = changed;
        List<String> chosen = LabParameters.SCHEMES.defaultValue().stream()
                .map(WeightInit::id)
                .toList();
        for (WeightInit w : InitCatalog.all()) schemes.add(new SchemeChoice(w, chosen.contains(w.id())));
        for (ParamField f : texts) f.errorProperty().addListener((o, a, b) -> validate());
        hidden.textProperty().addListener((o, a, b) -> validate()); // a valid change can make the network too large
        loss.addListener((o, a, b) -> validate());
        output.addListener((o, a, b) -> validate());
        for (SchemeChoice c : schemes) c.selectedProperty().addListener((o, a, b) -> validate());
        validate();
        // Settings that change the runs' names or the charts' frame without changing validity.
        for (ParamField f : List.of(seed, seedsPerScheme, epochs, hidden))
            f.textProperty().addListener((o, a, b) -> changed.run());
        activation.addListener((o, a, b) -> changed.run());
    }

    /** The text field of the training parameter {@code id} ("epochs", "eta", …), or null for a picker's. */
    public ParamField field(String id) {
        return texts.stream().filter(f -> f.param().id().equals(id)).findFirst().orElse(null);
    }

    public ParamField hiddenField() {
        return hidden;
    }

    public ParamField etaField() {
        return eta;
    }

    public ParamField batchField() {
        return batch;
    }

    public ParamField batchesPerEpochField() {
        return batchesPerEpoch;
    }

    public ParamField epochsField() {
        return epochs;
    }

    public ParamField seedField() {
        return seed;
    }

    public ParamField lambdaField() {
        return lambda;
    }

    public ParamField seedsPerSchemeField() {
        return seedsPerScheme;
    }

    public ParamField targetField() {
        return target;
    }

    public ParamField evalStepsField() {
        return evalSteps;
    }

    public ObjectProperty<Loss> lossProperty() {
        return loss;
    }

    public ObjectProperty<Activation> activationProperty() {
        return activation;
    }

    public ObjectProperty<OutputLayer> outputProperty() {
        return output;
    }

    public ObjectProperty<String> biasRuleProperty() {
        return biasRule;
    }

    public ObjectProperty<EvalSplit> evalSplitProperty() {
        return evalSplit;
    }

    public ObjectProperty<EpochMode> epochModeProperty() {
        return epochMode;
    }

    public ObservableList<SchemeChoice> schemes() {
        return schemes;
    }
    /** Every problem in words, one per line; empty when the settings describe a comparison. */
    public StringProperty validationMessageProperty() {
        return validationMessage;
    }
    /** Bias rules offered in the side panel. */
    public static List<String> biasRules() {
        return LabParameters.BIAS.offered();
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        for (ParamField f : texts)
            if (!f.isValid()) problems.add(f.errorProperty().get());
        // The problems across settings (softmax needs cross-entropy, the parameter budget, no scheme), from the core.
        for (Problem p :
                ExperimentSettings.parse(settings().values(), chosenIds()).problems()) {
            if (!p.reason().ofOneValue() || p.reason() == Problem.Reason.NO_SCHEME)
                problems.add(ParamField.message(p, p.name()));
        }
        validationMessage.set(String.join("\n", problems));
        changed.run();
    }

    private List<String> chosenIds() {
        return schemes.stream()
                .filter(c -> c.selectedProperty().get())
                .map(c -> c.init().id())
                .toList();
    }

    /** The comparison the settings describe for {@code d} (its input size and classes; MNIST's when null). Valid settings only. */
    public Comparison comparison(Dataset d) {
        int inputs = d == null ? ExperimentSettings.DEFAULT_INPUTS : d.inputSize(),
                classes = d == null ? ExperimentSettings.DEFAULT_CLASSES : d.classes();
        return ExperimentSettings.parse(settings().values(), chosenIds(), inputs, classes)
                .orThrow()
                .comparison(inputs, classes, Comparison.defaultThreads());
    }

    /** The target of "first epoch reaching" while the field holds a valid value; the reference's 94% otherwise. */
    public double targetPercent() {
        return target.isValid() ? target.doubleValue() : RunSummary.REFERENCE_TARGET_PERCENT;
    }

    /** Back to the reference settings. */
    public void reset() {
        texts.forEach(ParamField::reset);
        schemes.forEach(SchemeChoice::reset);
        loss.set(LabParameters.LOSS.defaultValue());
        activation.set(LabParameters.ACTIVATION.defaultValue());
        output.set(LabParameters.OUTPUT.defaultValue());
        biasRule.set(LabParameters.BIAS.defaultText());
        evalSplit.set(LabParameters.EVAL.defaultValue());
        epochMode.set(LabParameters.EPOCH_MODE.defaultValue());
    }

    // ---- settings files (presets, last session) ---------------------------------------------------
    /** Every key a settings file may hold. */
    public Set<String> settingKeys() {
        return LabParameters.fileKeys();
    }

    /** The current settings, as typed. */
    public LabSettings settings() {
        Map<String, String> v = new LinkedHashMap<>();
        for (ParamField f : texts) v.put(f.param().id(), f.textProperty().get());
        v.put(LabParameters.LOSS.id(), loss.get().id());
        v.put(LabParameters.ACTIVATION.id(), activation.get().id());
        v.put(LabParameters.OUTPUT.id(), output.get().id());
        v.put(LabParameters.BIAS.id(), biasRule.get());
        v.put(LabParameters.EVAL.id(), evalSplit.get().id());
        v.put(LabParameters.EPOCH_MODE.id(), epochMode.get().id());
        return new LabSettings(v, chosenIds());
    }

    /**
     * Applies settings read from a file, checked by the core's parameters first: on any problem nothing
     * changes and the exception names every problem. Keys the file leaves out keep the reference's values.
     */
    public void apply(LabSettings s) throws SettingsFormatException {
        SettingsFile.check(s);
        Map<String, String> v = s.values();
        reset();
        for (ParamField f : texts)
            if (v.containsKey(f.param().id()))
                f.textProperty().set(v.get(f.param().id()));
        if (v.containsKey(LabParameters.LOSS.id()))
            loss.set(LabParameters.LOSS.parse(v.get(LabParameters.LOSS.id())).orThrow());
        if (v.containsKey(LabParameters.ACTIVATION.id()))
            activation.set(LabParameters.ACTIVATION
                    .parse(v.get(LabParameters.ACTIVATION.id()))
                    .orThrow());
        if (v.containsKey(LabParameters.OUTPUT.id()))
            output.set(
                    LabParameters.OUTPUT.parse(v.get(LabParameters.OUTPUT.id())).orThrow());
        if (v.containsKey(LabParameters.BIAS.id()))
            biasRule.set(LabParameters.BIAS
                    .parse(v.get(LabParameters.BIAS.id()))
                    .orThrow()
                    .id());
        if (v.containsKey(LabParameters.EVAL.id()))
            evalSplit.set(
                    LabParameters.EVAL.parse(v.get(LabParameters.EVAL.id())).orThrow());
        if (v.containsKey(LabParameters.EPOCH_MODE.id()))
            epochMode.set(LabParameters.EPOCH_MODE
                    .parse(v.get(LabParameters.EPOCH_MODE.id()))
                    .orThrow());
        schemes.forEach(
                c -> c.selectedProperty().set(s.schemes().contains(c.init().id())));
    }
}
