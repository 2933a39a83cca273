package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initlab.MainAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The theory command's output is {@code name value} lines in a fixed order; bad arguments get exit code 2 and one line. */
class TheoryCommandTest {
    static Map<String, String> run(String... args) throws UsageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, TheoryCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8)));
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            assertTrue(line.matches("[a-z0-9_]+ \\S+"), "a name value line: '" + line + "'");
            String[] nv = line.split(" ");
            assertTrue(lines.put(nv[0], nv[1]) == null, "each name once: " + nv[0]);
        }
        return lines;
    }

    /** Linear with σ_w² = 1000: q^l = 1000^l overflows at layer 103; from there q is "inf", not the largest double. */
    @Test
    void aQThatOverflowedIsWrittenInf() throws Exception {
        Map<String, String> o =
                run("theory", "--activation", "linear", "--sigma-w2", "1000", "--sigma-b2", "0", "--depth", "120");
        assertEquals("1e+300", o.get("q_100"));
        assertEquals("1e+306", o.get("q_102"));
        assertEquals("inf", o.get("q_103"));
        assertEquals("inf", o.get("q_120"));
        assertFalse(o.containsValue("1.79769313e+308"), o.toString());
    }

    @Test
    void analyticOutputHasTheNamedLinesInOrderAndNumbersAScriptReads() throws Exception {
        Map<String, String> o =
                run("theory", "--activation", "tanh", "--sigma-w2", "1.5", "--sigma-b2", "0.05", "--depth", "20");
        List<String> expected = new ArrayList<>(List.of(
                "activation",
                "sigma_w2",
                "sigma_b2",
                "phase",
                "q_star",
                "chi1",
                "depth_scale",
                "c_star",
                "chi_c",
                "depth_scale_c"));
        for (int l = 0; l <= 20; l++) expected.add("q_" + l);
        assertEquals(expected, List.copyOf(o.keySet()));
        assertEquals("tanh", o.get("activation"));
        assertEquals("ordered", o.get("phase"));
        assertEquals("1", o.get("q_0"));
        assertEquals("1.55", o.get("q_1"), "q¹ = σ_w² q⁰ + σ_b²");
        for (String k : expected.subList(4, expected.size())) Double.parseDouble(o.get(k));
        assertEquals(Double.parseDouble(o.get("q_star")), Double.parseDouble(o.get("q_20")), 1e-3);
    }

    @Test
    void criticalSolvesForSigmaW2() throws Exception {
        Map<String, String> o = run("theory", "--sigma-b2", "0.05", "--critical");
        assertEquals(1.76, Double.parseDouble(o.get("critical_sigma_w2")), 0.01);
        assertEquals("critical", o.get("phase"));
        assertEquals("inf", o.get("depth_scale"));
        Map<String, String> relu = run("theory", "--activation", "relu", "--sigma-b2", "0", "--critical");
        assertEquals("2", relu.get("critical_sigma_w2"), "He");
    }

    @Test
    void measureAndJacobianAddTheirLines() throws Exception {
        Map<String, String> o = run(
                "theory",
                "--depth",
                "5",
                "--width",
                "100",
                "--samples",
                "20",
                "--networks",
                "2",
                "--measure",
                "--jacobian",
                "--scheme",
                "orthogonal",
                "--activation",
                "linear",
                "--sigma-w2",
                "1",
                "--sigma-b2",
                "0");
        for (int l = 1; l <= 5; l++) {
            assertEquals(1, Double.parseDouble(o.get("measured_q_" + l)), 0.3, "linear at σ_w² = 1 keeps q");
            assertTrue(o.containsKey("measured_q_sd_" + l)
                    && o.containsKey("measured_grad_" + l)
                    && o.containsKey("predicted_grad_" + l));
        }
        assertEquals("nan", o.get("q_star"), "every q is a fixed point");
        assertEquals(1, Double.parseDouble(o.get("jacobian_sv2_mean")), 1e-6, "orthogonal linear: isometry");
        assertEquals(0, Double.parseDouble(o.get("jacobian_sv2_variance")), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "theory --sigma-w2 -1|--sigma-w2: -1 is outside the allowed range 0 to 1000",
                "theory --sigma-b2 x|--sigma-b2: 'x' is not a number",
                "theory --depth 0|--depth: 0 is outside the allowed range 1 to 1000",
                "theory --activation softplus|--activation: ",
                "theory --critical --sigma-w2 1|--critical: it solves for σ_w²",
                "theory --measure --width 100000 --depth 100|--measure with this --width, --depth and --samples needs about",
                "theory --jacobian --width 20000|--jacobian with this --width",
                "theory --scheme glorot|--scheme: unknown scheme 'glorot'",
                "theory --measure=yes|--measure takes no value",
            })
    void badArgumentsExitWithCode2AndOneLineNamingTheArgument(String args, String expected) {
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int code;
        long t0 = System.nanoTime();
        try {
            code = MainAccess.run(args.split(" "));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(2, code, message);
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused up front, before any work");
    }
}
