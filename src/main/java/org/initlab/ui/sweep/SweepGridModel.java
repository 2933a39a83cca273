package org.initlab.ui.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.initlab.settings.IdListParam;
import org.initlab.settings.LabParameters;
import org.initlab.settings.LabSettings;
import org.initlab.sweep.PresetGrid;
import org.initlab.sweep.SweepPlan;
import org.initlab.ui.base.I18n;
import org.initlab.ui.controls.ParamField;

/**
 * The Sweep tab's grid editor: the axes, schemes, seeds, epochs and batches as typed, checked through the
 * settings model into a {@link SweepPlan}, and the problem that stops it (in the settings model's words).
 * Split out of {@link SweepViewModel} so that the editor's state is apart from a sweep's progress and results.
 */
final class SweepGridModel {
    private final Supplier<LabSettings> baseSettings;
    // The grid starts where the sweep command does without options: the settings catalogue's defaults.
    private final StringProperty param =
            new SimpleStringProperty(LabParameters.SWEEP_PARAM.defaultValue().id());
    private final StringProperty values = new SimpleStringProperty(
            LabParameters.SWEEP_PARAM.defaultValue().limits().defaultText());
    private final StringProperty param2 = new SimpleStringProperty("");
    private final StringProperty values2 = new SimpleStringProperty("");
    private final StringProperty schemes = new SimpleStringProperty(LabParameters.SCHEMES.defaultText());
    private final StringProperty seeds = new SimpleStringProperty(LabParameters.SEEDS.defaultText());
    private final StringProperty epochs = new SimpleStringProperty(LabParameters.EPOCHS.defaultText());
    private final StringProperty batchesPerEpoch =
            new SimpleStringProperty(LabParameters.BATCHES_PER_EPOCH.defaultText());
    private final StringProperty problem = new SimpleStringProperty("");
    private final Map<String, String> overrides = new LinkedHashMap<>();

    SweepGridModel(Supplier<LabSettings> baseSettings) {
        this.baseSettings = baseSettings;
    }

    StringProperty paramProperty() {
        return param;
    }

    StringProperty valuesProperty() {
        return values;
    }

    StringProperty param2Property() {
        return param2;
    }

    StringProperty values2Property() {
        return values2;
    }

    StringProperty schemesProperty() {
        return schemes;
    }

    StringProperty seedsProperty() {
        return seeds;
    }

    StringProperty epochsProperty() {
        return epochs;
    }

    StringProperty batchesPerEpochProperty() {
        return batchesPerEpoch;
    }

    StringProperty problemProperty() {
        return problem;
    }

    /** The grid as the sweep reads it: the sweep's options and the side panel's settings (seeds, epochs and batches from this tab). */
    SweepPlan readPlan() {
        Map<String, String> sweep = new LinkedHashMap<>();
        sweep.put(SweepPlan.PARAM, param.get());
        sweep.put(SweepPlan.VALUES, values.get());
        if (param2.get() != null && !param2.get().isBlank()) {
            sweep.put(SweepPlan.PARAM2, param2.get());
            sweep.put(SweepPlan.VALUES2, values2.get());
        }
        Map<String, String> settings = new LinkedHashMap<>(baseSettings.get().values());
        settings.putAll(overrides);
        settings.remove(LabParameters.SEED.id());
        settings.remove(LabParameters.SEEDS_PER_SCHEME.id());
        settings.put(LabParameters.SEEDS.id(), seeds.get());
        settings.put(LabParameters.EPOCHS.id(), epochs.get());
        settings.put(LabParameters.BATCHES_PER_EPOCH.id(), batchesPerEpoch.get());
        return SweepPlan.parse(sweep, settings, IdListParam.ids(schemes.get()));
    }

    /** A setting (by id) that replaces the side panel's for this tab's sweeps. */
    void override(String id, String value) {
        overrides.put(id, value);
    }

    /** The preset's grid in the fields: its axes and seeds, and the preset's schemes, epochs and mini-batches. */
    void use(PresetGrid g) {
        Map<String, String> settings = g.settings();
        param.set(g.param());
        values.set(g.values());
        param2.set(g.param2());
        values2.set(g.values2());
        schemes.set(String.join(",", g.preset().settings().schemes()));
        seeds.set(g.seeds());
        epochs.set(settings.get(LabParameters.EPOCHS.id()));
        batchesPerEpoch.set(settings.get(LabParameters.BATCHES_PER_EPOCH.id()));
    }

    /** The plan, clearing the problem; or null, with the problem shown (a refused value in the window's words). */
    SweepPlan check() {
        try {
            SweepPlan p = readPlan();
            problem.set("");
            return p;
        } catch (SweepPlan.Refusal r) {
            problem.set(r.problem() == null ? r.getMessage() : ParamField.message(r.problem(), label(r)));
            return null;
        } catch (IllegalArgumentException e) {
            problem.set(I18n.explain(e));
            return null;
        }
    }

    /** The label of the field that held the refused value: this tab's own, or the side panel's setting. */
    private static String label(SweepPlan.Refusal r) {
        if (r.option() != null) return I18n.t("sweep.values");
        String id = r.problem().id();
        if (id.equals(LabParameters.SEEDS.id())) return I18n.t("sweep.seeds");
        if (id.equals(LabParameters.EPOCHS.id())) return I18n.t("sweep.epochs");
        if (id.equals(LabParameters.BATCHES_PER_EPOCH.id())) return I18n.t("sweep.batches");
        if (id.equals(LabParameters.SCHEMES.id())) return I18n.t("sweep.schemes");
        try {
            return I18n.t(LabParameters.byId(id).labelKey());
        } catch (IllegalArgumentException e) {
            return r.problem().name(); // a problem across settings names no field
        }
    }
}
