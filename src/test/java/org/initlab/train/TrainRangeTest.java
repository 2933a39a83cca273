package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.initlab.data.Dataset;
import org.initlab.data.TestData;
import org.initlab.math.Seeds;
import org.junit.jupiter.api.Test;

/** The reference trains on TensorFlow's read_data_sets split: images 5,000–59,999; the validation mode on the first 50,000. */
class TrainRangeTest {
    @Test
    void theTestSplitTrainsOnTensorFlowsRange() {
        Dataset mnist = TestData.mnist();
        assertEquals(60_000, mnist.train().count());
        TrainingSet data = TrainingSet.of(mnist, EvalSplit.TEST);
        assertEquals(5000, data.first(), "the first training image is #5000");
        assertEquals(55_000, data.count());
        assertEquals(new TrainRange(5000, 55_000), data.range());
        assertSame(mnist.train(), data.images(), "indexed in the whole file, so the sparse images are shared");
        assertSame(mnist.test(), data.evaluation());
    }

    @Test
    void theValidationModeIsUnchanged() {
        TrainingSet data = TrainingSet.of(TestData.mnist(), EvalSplit.VALIDATION);
        assertEquals(new TrainRange(0, 50_000), data.range());
        assertEquals(10_000, data.evaluation().count());
        assertEquals(
                TestData.mnist().train().label(50_000), data.evaluation().label(0), "evaluated on the last 10,000");
    }

    @Test
    void smallTrainingFilesAreUsedWhole() {
        assertEquals(new TrainRange(0, 200), TrainRange.of(200, EvalSplit.TEST));
        assertEquals(new TrainRange(5000, 3000), TrainRange.of(8000, EvalSplit.TEST));
        assertEquals(new TrainRange(5000, 55_000), TrainRange.of(70_000, EvalSplit.TEST));
    }

    /** The sampler walks exactly the range, in the same order as before with every index moved by 5,000. */
    @Test
    void batchesComeFromTheRangeOnly() {
        BatchSampler shifted = new BatchSampler(5000, 55_000, 10, Seeds.rng(1, Seeds.BATCHES));
        BatchSampler plain = new BatchSampler(55_000, 10, Seeds.rng(1, Seeds.BATCHES));
        int[] a = new int[10], b = new int[10];
        boolean[] seen = new boolean[60_000];
        for (int i = 0; i < 5500; i++) {
            shifted.next(a);
            plain.next(b);
            for (int k = 0; k < 10; k++) {
                assertEquals(b[k] + 5000, a[k]);
                seen[a[k]] = true;
            }
        }
        boolean[] expected = new boolean[60_000];
        Arrays.fill(expected, 5000, 60_000, true);
        assertArrayEquals(
                expected, seen, "one pass of 5,500 batches visits every image 5,000–59,999 once and none before");
    }
}
