package org.initlab.ui.theory;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.initlab.core.init.CustomNormalInit;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.WeightInit;
import org.initlab.format.Numbers;
import org.initlab.settings.LabParameters;
import org.initlab.theory.ZSampler;
import org.initlab.theory.ZSpec;
import org.initlab.theory.ZStats;
import org.initlab.ui.base.BackgroundRunner;
import org.initlab.ui.base.I18n;
import org.initlab.ui.controls.ParamField;
import org.initlab.ui.controls.SchemeChoice;

/**
 * The 500-ones experiment and the σ'(z) saturation view: inputs as typed, the analytic σ at once on
 * every edit, and the Monte-Carlo samples refined in the background (each edit cancels the stale job;
 * partial results are handed to the FX thread once per pulse).
 */
public final class ZViewModel {
    /** A scheme slot: a catalogue scheme, or {@code null} meaning "custom σ_w". */
    public static final String CUSTOM = "custom";

    private final BackgroundRunner runner;
    private final ParamField inputs = new ParamField(LabParameters.Z_INPUTS);
    private final ParamField ones = new ParamField(LabParameters.Z_ONES);
    private final ParamField biasSigma = new ParamField(LabParameters.Z_BIAS_SIGMA);
    private final ParamField customSigma = new ParamField(LabParameters.Z_CUSTOM_SIGMA);
    private final ParamField samples = new ParamField(LabParameters.Z_SAMPLES);
    private final ParamField seed = new ParamField(LabParameters.Z_SEED);
    private final ParamField threshold = new ParamField(LabParameters.THRESHOLD);
    private final List<ParamField> fields = List.of(inputs, ones, biasSigma, customSigma, samples, seed, threshold);
    private final ObjectProperty<String> schemeA = new SimpleObjectProperty<>("standard");
    private final ObjectProperty<String> schemeB = new SimpleObjectProperty<>("lecun");
    private final BooleanProperty sharedAxis = new SimpleBooleanProperty(true);
    private final DoubleProperty thresholdValue;
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty analyticA = new SimpleStringProperty("");
    private final StringProperty analyticB = new SimpleStringProperty("");
    private final StringProperty derivationA = new SimpleStringProperty("");
    private final StringProperty derivationB = new SimpleStringProperty("");
    private final ObjectProperty<ZStats> resultA = new SimpleObjectProperty<>();
    private final ObjectProperty<ZStats> resultB = new SimpleObjectProperty<>();
    private final AtomicReference<ZStats> pendingA = new AtomicReference<>();
    private final AtomicReference<ZStats> pendingB = new AtomicReference<>();
    private final AtomicLong generation = new AtomicLong();

    public ZViewModel(BackgroundRunner runner, DoubleProperty sharedThreshold) {
        this.runner = runner;
        this.thresholdValue = sharedThreshold;
        for (ParamField f : fields) f.textProperty().addListener((o, a, b) -> onEdit(f));
        schemeA.addListener((o, a, b) -> recompute());
        schemeB.addListener((o, a, b) -> recompute());
        showAnalytic(spec(schemeA.get(), 0), spec(schemeB.get(), 1));
    }

    /** The field of the z-view parameter {@code id} ("inputs", "ones", …), or null. */
    public ParamField field(String id) {
        return fields.stream()
                .filter(f -> f.param().id().equals(id))
                .findFirst()
                .orElse(null);
    }

    public ParamField inputsField() {
        return inputs;
    }

    public ParamField onesField() {
        return ones;
    }

    public ParamField biasSigmaField() {
        return biasSigma;
    }

    public ParamField customSigmaField() {
        return customSigma;
    }

    public ParamField samplesField() {
        return samples;
    }

    public ParamField seedField() {
        return seed;
    }

    public ParamField thresholdField() {
        return threshold;
    }

    public ObjectProperty<String> schemeAProperty() {
        return schemeA;
    }

    public ObjectProperty<String> schemeBProperty() {
        return schemeB;
    }

    public BooleanProperty sharedAxisProperty() {
        return sharedAxis;
    }

    public DoubleProperty thresholdProperty() {
        return thresholdValue;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty analyticAProperty() {
        return analyticA;
    }

    public StringProperty analyticBProperty() {
        return analyticB;
    }

    public StringProperty derivationAProperty() {
        return derivationA;
    }

    public StringProperty derivationBProperty() {
        return derivationB;
    }

    public ObjectProperty<ZStats> resultAProperty() {
        return resultA;
    }

    public ObjectProperty<ZStats> resultBProperty() {
        return resultB;
    }

    /** The 500-ones thought experiment as the reference tells it: 1000 inputs, 500 ones, N(0,1) vs N(0,1/√n_in), σ_b = 1. */
    public void reset() {
        fields.forEach(ParamField::reset);
        schemeA.set("standard");
        schemeB.set("lecun");
        sharedAxis.set(true);
        recompute();
    }

    /** Scheme ids offered in the pickers: the catalogue, then "custom". */
    public static List<String> schemeIds() {
        List<String> ids = new java.util.ArrayList<>(InitCatalog.ids());
        ids.add(CUSTOM);
        return ids;
    }

    private void onEdit(ParamField f) {
        if (f == threshold) {
            if (threshold.isValid()) {
                thresholdValue.set(threshold.doubleValue());
                rethreshold();
            }
            updateMessage();
            return;
        }
        recompute();
    }

    private void updateMessage() {
        StringBuilder sb = new StringBuilder();
        for (ParamField f : fields)
            if (!f.isValid())
                sb.append(sb.length() == 0 ? "" : "\n").append(f.errorProperty().get());
        if (inputs.isValid() && ones.isValid() && ones.longValue() > inputs.longValue()) {
            sb.append(sb.length() == 0 ? "" : "\n").append(I18n.f("v.onesAtMost", Long.toString(inputs.longValue())));
        }
        if (samples.isValid() && ones.isValid() && !ZSpec.withinDraws(samples.longValue(), ones.longValue())) {
            sb.append(sb.length() == 0 ? "" : "\n")
                    .append(I18n.f(
                            "v.tooManyDraws",
                            Numbers.grouped(samples.longValue() * ones.longValue()),
                            Numbers.grouped(ZSpec.MAX_DRAWS)));
        }
        message.set(sb.toString());
    }

    private WeightInit weights(String id) {
        return CUSTOM.equals(id) ? new CustomNormalInit(customSigma.doubleValue()) : InitCatalog.byId(id);
    }

    /** The spec for one slot, or null while the inputs are invalid. */
    public ZSpec spec(String schemeId, long seedOffset) {
        updateMessage();
        if (!message.get().isEmpty()) return null;
        return new ZSpec(
                inputs.intValue(),
                ones.intValue(),
                weights(schemeId),
                30,
                biasSigma.doubleValue(),
                samples.intValue(),
                seed.longValue() + seedOffset);
    }

    /** The analytic σ and its derivation for both slots; null specs (invalid inputs) show a dash. */
    private void showAnalytic(ZSpec a, ZSpec b) {
        analyticA.set(a == null ? "—" : String.format(Locale.ROOT, "%.4f", a.analyticStd()));
        analyticB.set(b == null ? "—" : String.format(Locale.ROOT, "%.4f", b.analyticStd()));
        derivationA.set(a == null ? "" : derivation(a));
        derivationB.set(b == null ? "" : derivation(b));
    }

    /** The variance argument written out with the current numbers. */
    public static String derivation(ZSpec s) {
        double sw = s.weightSigma(), sb = s.biasSigma(), var = s.ones() * sw * sw + sb * sb;
        return I18n.f(
                "z.derivation",
                Integer.toString(s.ones()),
                Integer.toString(s.inputs()),
                String.format(Locale.ROOT, "%.4g", sw),
                String.format(Locale.ROOT, "%.4g", sb),
                String.format(Locale.ROOT, "%.4g", var),
                String.format(Locale.ROOT, "%.4f", s.analyticStd()),
                SchemeChoice.formula(s.weights()));
    }

    /** Starts sampling both schemes again; the previous job sees a new generation and stops between blocks. */
    public void recompute() {
        ZSpec a = spec(schemeA.get(), 0), b = spec(schemeB.get(), 1);
        showAnalytic(a, b);
        long gen = generation.incrementAndGet();
        if (a == null || b == null) return;
        double t = thresholdValue.get();
        submit(a, t, gen, pendingA);
        submit(b, t, gen, pendingB);
    }

    private void submit(ZSpec spec, double t, long gen, AtomicReference<ZStats> pending) {
        runner.submit(
                "zlab",
                () -> ZSampler.sample(spec, t, () -> generation.get() != gen, stats -> {
                    if (generation.get() == gen) pending.set(stats);
                }),
                done -> {},
                error -> message.set(I18n.f("z.failed", I18n.explain(error))));
    }

    private void rethreshold() {
        double t = thresholdValue.get();
        ZStats a = resultA.get(), b = resultB.get();
        if (a != null) resultA.set(new ZStats(a.spec(), a.z(), a.sampled(), a.mean(), a.std(), t));
        if (b != null) resultB.set(new ZStats(b.spec(), b.z(), b.sampled(), b.mean(), b.std(), t));
    }

    /** Latest-value hand-off: called once per pulse on the FX thread (or by tests). */
    public void applyPendingResult() {
        ZStats a = pendingA.getAndSet(null), b = pendingB.getAndSet(null);
        if (a != null) resultA.set(a);
        if (b != null) resultB.set(b);
    }

    public void shutdown() {
        generation.incrementAndGet();
    }
}
