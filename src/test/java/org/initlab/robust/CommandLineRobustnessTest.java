package org.initlab.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.initlab.MainAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every numeric option of every command with non-numbers, blanks, negatives, zero, huge values and extra characters. */
class CommandLineRobustnessTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "compare --epochs ''|--epochs: '' is not a whole number",
                "compare --epochs 1e9|--epochs: '1e9' is not a whole number",
                "compare --epochs 99999999999999999999|--epochs: '99999999999999999999' is not a whole number",
                "compare --epochs 5x|--epochs: '5x' is not a whole number",
                "compare --batch -10|--batch: -10 is outside the allowed range 1 to 60000",
                "compare --batches-per-epoch 0|--batches-per-epoch: 0 is outside",
                "compare --eta 1e300|--eta: 1e300 is outside the allowed range",
                "compare --eta Infinity|--eta: Infinity is outside",
                "compare --lambda -0.1|--lambda: -0.1 is outside the allowed range 0 to 1000000",
                "compare --hidden 0|--hidden: 0 is outside the allowed range 1 to 100000",
                "compare --hidden 100000,100000,100000|network 784-100000-100000-100000-10 has 20,079,700,010 parameters (about 240,956 MB of memory per run); the limit is 50,000,000 parameters",
                "compare --seeds -1|--seeds: -1 is outside",
                "compare --threads 0|--threads: 0 is outside",
                "compare --schemes custom:1e9|--schemes: custom σ must be a number from 0 to 1e6",
                "compare --data /nonexistent/folder|--data: /nonexistent/folder is not a folder",
                "zlab --inputs 0|--inputs: 0 is outside the allowed range 1 to 1000000",
                "zlab --inputs abc|--inputs: 'abc' is not a whole number",
                "zlab --ones 600 --inputs 500|--ones: 600 is outside the allowed range 0 to 500",
                "zlab --samples 0|--samples: 0 is outside",
                "zlab --samples 1000000 --ones 5000 --inputs 10000|weight draws; the limit is 1,000,000,000",
                "zlab --threshold 0.3|--threshold: 0.3 is outside the allowed range",
                "zlab --bias-sigma -1|--bias-sigma: -1 is outside the allowed range 0 to 1000000",
                "zlab --weights glorot|--weights: unknown scheme 'glorot'",
                "zlab --seed 1.5|--seed: '1.5' is not a whole number",
                "bench --epochs 0|--epochs: 0 is outside",
                "bench --epochs many|--epochs: 'many' is not a whole number",
            })
    void badValuesExitWithCode2AndOneClearLine(String args, String expected) {
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream(), out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = MainAccess.run(split(args));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(2, code, message);
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), "no stack trace: " + message);
    }

    /** Splits on spaces; '' stands for an empty argument. */
    private static String[] split(String args) {
        String[] parts = args.split(" ");
        for (int i = 0; i < parts.length; i++) if (parts[i].equals("''")) parts[i] = "";
        return parts;
    }
}
