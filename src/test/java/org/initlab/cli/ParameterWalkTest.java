package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.initlab.settings.ExperimentSettings;
import org.initlab.settings.LabParameters;
import org.initlab.settings.LabSettings;
import org.initlab.settings.Param;
import org.initlab.settings.Parsed;
import org.initlab.settings.SettingsFile;
import org.initlab.settings.SettingsFormatException;
import org.initlab.settings.SettingsJson;
import org.initlab.testutil.ParamSamples;
import org.initlab.theory.ZSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parameter of the catalogue, at its default, its bounds, just outside them, garbage and blank: the
 * parameter, the command line (where it has an option) and the settings-file loader accept and refuse the
 * same texts, with the same message, and the command line's default is the catalogue's.
 */
class ParameterWalkTest {
    static Stream<Param<?>> parameters() {
        return LabParameters.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameters")
    void acceptedAndRefusedAlikeEverywhere(Param<?> p) throws Exception {
        for (String text : ParamSamples.texts(p)) {
            Parsed<?> parsed = p.parse(text);
            if (p.hasOption()) checkCommandLine(p, text, parsed);
            if (LabParameters.fileSettings().contains(p) || p == LabParameters.SCHEMES)
                checkSettingsFile(p, text, parsed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parameters")
    void theCommandLinesDefaultIsTheCatalogues(Param<?> p) throws Exception {
        if (!p.hasOption()) return;
        assertEquals(format(p, p.defaultValue()), cliValue(p, new String[] {command(p)}));
        assertTrue(p.parse(p.defaultText()).ok(), "the default text is accepted");
        assertEquals(
                format(p, p.defaultValue()),
                format(p, p.parse(p.defaultText()).value()),
                "the default text reads as the default");
    }

    private static void checkCommandLine(Param<?> p, String text, Parsed<?> parsed) {
        List<String> args = new ArrayList<>(List.of(command(p), "--" + p.option(), text));
        args.addAll(context(p));
        String what = p.id() + " = '" + text + "'";
        try {
            String value = cliValue(p, args.toArray(String[]::new));
            if (!parsed.ok())
                fail(what + ": the parameter refuses it (" + parsed.problem().message() + ") but the command line took "
                        + value);
            assertEquals(format(p, parsed.value()), value, what);
        } catch (UsageException e) {
            if (parsed.ok()) {
                // Accepted alone but refused with the others: only the network's size budget, which the catalogue
                // cannot see per value.
                assertTrue(
                        p == LabParameters.HIDDEN && e.getMessage().contains("parameters (about"),
                        what + ": refused by the command line: " + e.getMessage());
            } else {
                assertEquals("--" + p.option() + ": " + parsed.problem().message(), e.getMessage(), what);
            }
        }
    }

    private static void checkSettingsFile(Param<?> p, String text, Parsed<?> parsed) throws SettingsFormatException {
        LabSettings s = p == LabParameters.SCHEMES
                ? new LabSettings(Map.of(), text.strip().isEmpty() ? List.of() : List.of(text.split(",", -1)))
                : new LabSettings(Map.of(p.id(), text), List.of("standard"));
        String what = p.id() + " = '" + text + "' in a settings file";
        try {
            LabSettings read = SettingsFile.read(SettingsJson.write(s));
            if (!parsed.ok()) fail(what + ": the parameter refuses it but the file was accepted");
            assertEquals(s, read, what);
        } catch (SettingsFormatException e) {
            if (parsed.ok()) fail(what + ": accepted by the parameter, refused by the file: " + e.getMessage());
            assertEquals(SettingsFile.message(parsed.problem()), e.getMessage(), what);
        }
    }

    private static String command(Param<?> p) {
        if (LabParameters.compareOptions().contains(p)) return "compare";
        if (LabParameters.zlabOptions().contains(p)) return "zlab";
        if (LabParameters.benchOptions().contains(p)) return "bench";
        if (LabParameters.theoryOptions().contains(p)) return "theory";
        if (LabParameters.sweepParameters().contains(p)) return "sweep";
        throw new AssertionError(p.id() + " has an option but no command");
    }

    /** Other options a value needs to be possible at its bounds (ones ≤ inputs; draws = samples × ones within the limit; softmax needs cross-entropy). */
    private static List<String> context(Param<?> p) {
        if (p == LabParameters.Z_INPUTS) return List.of("--samples", "1");
        if (p == LabParameters.Z_ONES) return List.of("--inputs", "1000000", "--samples", "1");
        if (p == LabParameters.OUTPUT) return List.of("--loss", "cross-entropy");
        return Collections.emptyList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String format(Param p, Object value) {
        return p.format(value);
    }

    /** The value the command line ends up with for {@code p}, as the parameter formats it. */
    private static String cliValue(Param<?> p, String[] args) throws UsageException {
        String cmd = args[0];
        if (cmd.equals("compare")) {
            CompareCommand.Plan plan = CompareCommand.plan(args);
            if (p == LabParameters.TARGET) return format(p, plan.targetPercent());
            if (p == LabParameters.THREADS)
                return format(p, (long) plan.comparison().threads());
            ExperimentSettings s = ExperimentSettings.of(plan.comparison());
            return p == LabParameters.SCHEMES
                    ? String.join(",", s.schemeIds())
                    : s.texts().get(p.id());
        }
        if (cmd.equals("zlab")) {
            ZlabCommand.Plan plan = ZlabCommand.plan(args);
            ZSpec z = plan.spec();
            Object v = null;
            if (p == LabParameters.Z_INPUTS) v = (long) z.inputs();
            if (p == LabParameters.Z_ONES) v = (long) z.ones();
            if (p == LabParameters.Z_WEIGHTS) v = z.weights();
            if (p == LabParameters.Z_BIAS_SIGMA) v = z.biasSigma();
            if (p == LabParameters.Z_SAMPLES) v = (long) z.samples();
            if (p == LabParameters.Z_SEED) v = z.seed();
            if (p == LabParameters.Z_FAN_OUT) v = (long) z.fanOut();
            if (p == LabParameters.THRESHOLD) v = plan.threshold();
            if (v == null) throw new AssertionError("zlab has no " + p.id());
            return format(p, v);
        }
        if (cmd.equals("theory")) {
            TheoryCommand.Plan plan = TheoryCommand.plan(args);
            Object v = null;
            if (p == LabParameters.DEPTH_ACTIVATION) v = plan.activation();
            if (p == LabParameters.SIGMA_W2) v = plan.sigmaW2();
            if (p == LabParameters.SIGMA_B2) v = plan.sigmaB2();
            if (p == LabParameters.DEPTH) v = (long) plan.depth();
            if (p == LabParameters.DEPTH_WIDTH) v = (long) plan.width();
            if (p == LabParameters.Q0) v = plan.q0();
            if (p == LabParameters.DEPTH_SAMPLES) v = (long) plan.samples();
            if (p == LabParameters.DEPTH_NETWORKS) v = (long) plan.networks();
            if (p == LabParameters.DEPTH_SEED) v = plan.seed();
            if (p == LabParameters.JACOBIAN_SCHEME) v = plan.scheme();
            if (v == null) throw new AssertionError("theory has no " + p.id());
            return format(p, v);
        }
        if (cmd.equals("sweep"))
            return format(p, SweepCommand.plan(args).sweep().axes().get(0));
        BenchCommand.Plan plan = BenchCommand.plan(args);
        return format(p, (long) (p == LabParameters.BENCH_EPOCHS ? plan.epochs() : plan.nd4jEpochs()));
    }
}
