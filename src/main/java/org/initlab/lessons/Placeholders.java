package org.initlab.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.initlab.core.init.InitCatalog;

/**
 * The live numbers a lesson's text may quote, written {@code {name}} or, per scheme, {@code {name:scheme}}
 * ({@code {run.epoch0:lecun}}). The window fills them from what it computed; a lesson that names an unknown
 * one, or an unknown scheme, is refused when it loads. {@code {{} writes a brace.
 */
public final class Placeholders {
    /** Numbers of the z view (slots a and b are its two schemes) and of the saturation view. */
    public static final Map<String, String> GLOBAL = ordered(
            "z.inputs",
            "n_in, the neuron's inputs",
            "z.ones",
            "how many inputs are 1",
            "z.scheme.a",
            "slot a's scheme formula",
            "z.scheme.b",
            "slot b's scheme formula",
            "z.weightSigma.a",
            "σ_w of slot a",
            "z.weightSigma.b",
            "σ_w of slot b",
            "z.variance.a",
            "analytic Var z = ones·σ_w² + σ_b², slot a",
            "z.variance.b",
            "the same, slot b",
            "z.sigma.analytic.a",
            "analytic σ_z, slot a",
            "z.sigma.analytic.b",
            "analytic σ_z, slot b",
            "z.sigma.sampled.a",
            "sampled σ_z, slot a",
            "z.sigma.sampled.b",
            "sampled σ_z, slot b",
            "sat.threshold",
            "t in σ'(z) < t",
            "sat.boundary",
            "c with σ'(c) = t: saturated when |z| > c",
            "sat.analytic.a",
            "analytic saturated share, slot a (%)",
            "sat.analytic.b",
            "the same, slot b (%)",
            "sat.sampled.a",
            "sampled saturated share, slot a (%)",
            "sat.sampled.b",
            "the same, slot b (%)",
            "sigmaPrime.mean.a",
            "mean σ'(z), slot a (analytic)",
            "sigmaPrime.mean.b",
            "mean σ'(z), slot b (analytic)",
            "run.epochs",
            "epochs of the shown comparison",
            "run.seeds",
            "seeds per scheme of the shown comparison",
            "run.firstStep",
            "the first chosen step the shown comparison measures at (evalSteps)",
            "run.lastStep",
            "the last chosen step the shown comparison measures at",
            "run.target",
            "the target accuracy (%)",
            // The Sweep tab's depth × σ_w² map, once its sweep is complete (docs/lessons.md).
            "sweep.cells",
            "cells of the shown map",
            "sweep.critical",
            "the critical σ_w² (χ₁ = 1) for its activation and σ_b²",
            "sweep.firstStep",
            "the first chosen step",
            "sweep.agreement.first",
            "cells agreeing with depth < 6 ξ_c after the first chosen step (%)",
            "sweep.agreement.end",
            "the same at the end of training (%)",
            "sweep.trained.first",
            "cells above 50% after the first chosen step",
            "sweep.trained.end",
            "cells above 50% at the end of training",
            "sweep.deepest.low",
            "deepest depth above 50% at the end, smallest σ_w²",
            "sweep.deepest.critical",
            "the same, the σ_w² nearest the critical one",
            "sweep.deepest.high",
            "the same, largest σ_w²",
            "sweep.xi6.low",
            "6 ξ_c at the smallest σ_w²",
            "sweep.xi6.high",
            "6 ξ_c at the largest σ_w²");

    /** Numbers of the shown comparison's runs of one scheme (the mean over its seeds). */
    public static final Map<String, String> PER_SCHEME = ordered(
            "run.epoch0",
            "accuracy after epoch 0 (%)",
            "run.epoch0.sd",
            "its standard deviation over seeds",
            "run.epoch0.min",
            "its lowest over seeds",
            "run.epoch0.max",
            "its highest over seeds",
            "run.first",
            "first epoch reaching the target",
            "run.best",
            "best accuracy (%)",
            "run.final",
            "final accuracy (%)",
            "run.step.first",
            "accuracy after the first chosen step (%)",
            "run.step.last",
            "accuracy after the last chosen step (%)",
            "run.saturated.init",
            "saturated hidden share at initialization (%)",
            "run.saturated.last",
            "saturated hidden share after the last epoch (%)",
            "run.grad.init",
            "hidden layer's mean |∂C/∂z| at initialization",
            "run.grad.epoch0",
            "hidden layer's mean |∂C/∂z| at the end of epoch 0",
            "run.rows.spread",
            "largest difference between two hidden units' weight rows after the last epoch");

    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");

    private Placeholders() {}

    /** A placeholder: its name and, for per-scheme ones, the scheme id. */
    public record Ref(String name, String scheme) {
        public String token() {
            return scheme == null ? name : name + ":" + scheme;
        }
    }

    /** Every placeholder in {@code text}; an unknown name or scheme is an {@link IllegalArgumentException}. */
    public static List<Ref> in(String text) {
        List<Ref> refs = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.replace("{{}", ""));
        while (m.find()) refs.add(parse(m.group(1)));
        return refs;
    }

    static Ref parse(String token) {
        int colon = token.indexOf(':');
        String name = colon < 0 ? token : token.substring(0, colon);
        if (colon < 0) {
            if (GLOBAL.containsKey(name)) return new Ref(name, null);
            if (PER_SCHEME.containsKey(name))
                throw new IllegalArgumentException("placeholder {" + name + "} needs a scheme: {" + name + ":lecun}");
            throw new IllegalArgumentException("unknown placeholder {" + token + "}");
        }
        if (!PER_SCHEME.containsKey(name)) throw new IllegalArgumentException("unknown placeholder {" + token + "}");
        String scheme = token.substring(colon + 1);
        if (!InitCatalog.ids().contains(scheme))
            throw new IllegalArgumentException("placeholder {" + token + "}: unknown scheme '" + scheme + "'");
        return new Ref(name, scheme);
    }

    /** {@code text} with each placeholder replaced by {@code value.apply(ref)}. */
    public static String fill(String text, java.util.function.Function<Ref, String> value) {
        StringBuilder out = new StringBuilder();
        String t = text.replace("{{}", "\u0000");
        Matcher m = TOKEN.matcher(t);
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(value.apply(parse(m.group(1)))));
        m.appendTail(out);
        return out.toString().replace('\u0000', '{');
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
