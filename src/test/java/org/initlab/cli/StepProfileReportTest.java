package org.initlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.initlab.core.NetworkSpec;
import org.initlab.data.Dataset;
import org.initlab.data.LabeledImages;
import org.initlab.train.EvalSplit;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingSet;
import org.junit.jupiter.api.Test;

class StepProfileReportTest {
    /** Images of 20 pixels, exactly 5 of them non-zero. */
    private static LabeledImages fivePixelImages(int count) {
        byte[] px = new byte[count * 20];
        for (int i = 0; i < count; i++) for (int j = 0; j < 5; j++) px[i * 20 + 3 * j] = (byte) (10 + j);
        return new LabeledImages(count, 20, px, new byte[count], 10);
    }

    @Test
    void theFusedMultiplyAddsOfAnEpochFollowTheNonZeroPixelsAndTheLayerWidths() {
        Dataset d = new Dataset("five", Path.of("."), fivePixelImages(5_100), fivePixelImages(10), false, Map.of());
        TrainingSet set = TrainingSet.of(d, EvalSplit.TEST);
        NetworkSpec spec = NetworkSpec.reference(20, 30, 10);
        // Per example: sum + update, 5 pixels × 2 vectors each; 30 rows × 1 vector forward and update; 10 rows × 2
        // vectors backpropagation and the transposed update; the biases' 2 + 1 vectors.
        long perExample = 2 * 5 * 2 + 2 * 30 + 2 * 10 * 2 + 3;
        assertEquals(perExample * 10 * 5000, StepProfileReport.fmaPerEpoch(spec, set, TrainingConfig.reference()));
    }

    @Test
    void theProfileNamesEveryPhaseForBothGroupSizes() {
        Dataset d = new Dataset("five", Path.of("."), fivePixelImages(5_100), fivePixelImages(10), false, Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StepProfileReport.print(
                NetworkSpec.reference(20, 30, 10), d, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        for (int g : new int[] {1, 8}) {
            double sum = 0;
            for (String phase :
                    new String[] {"gather", "first_layer", "forward_rest", "backward", "update_rest", "update_first"}) {
                String line = out.lines()
                        .filter(l -> l.startsWith("profile_" + g + "_" + phase + "_s "))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(phase + " in\n" + out));
                double s = Double.parseDouble(line.substring(line.indexOf(' ') + 1));
                assertTrue(s >= 0, line);
                sum += s;
            }
            String total = out.lines()
                    .filter(l -> l.startsWith("profile_" + g + "_total_s "))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    sum,
                    Double.parseDouble(total.substring(total.indexOf(' ') + 1)),
                    0.0006,
                    "the phases add up to the total (each printed to 0.1 ms)");
        }
        assertTrue(out.contains("profile_fma_per_epoch " + (2 * 5 * 2 + 2 * 30 + 2 * 10 * 2 + 3) * 50_000L), out);
    }
}
