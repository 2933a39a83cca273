package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.initlab.data.Dataset;
import org.initlab.data.TestData;
import org.junit.jupiter.api.Test;

/**
 * What runs share is built once per dataset (the window builds it while loading), not in each run's first
 * moments. Identity is the point: building it while loading is a documented contract (docs/performance.md,
 * "Memory and garbage collection": no collection in a run's first second).
 */
class EvaluationCacheTest {
    @Test
    void preparedEvaluatorsAndSparseImagesAreTheOnesARunUses() {
        Dataset mnist = TestData.mnist();
        TrainingConfig reference = TrainingConfig.reference();
        Comparison.prepare(mnist, reference);
        TrainingSet data = TrainingSet.of(mnist, reference.evalSplit());
        Evaluation prepared = Evaluation.of(data, reference);
        assertSame(prepared, Evaluation.of(TrainingSet.of(mnist, reference.evalSplit()), reference), "built once");
        assertSame(SparseImages.of(data.images()), SparseImages.of(mnist.train()));
        assertEquals(10_000, prepared.full().size());
        assertEquals(reference.probeSize(), prepared.probe().size());

        TrainingConfig smallerProbe = new TrainingConfig(
                3.0,
                10,
                5000,
                30,
                0,
                reference.epochMode(),
                reference.evalSplit(),
                reference.probesPerEpoch(),
                500,
                reference.engine());
        Evaluation other = Evaluation.of(data, smallerProbe);
        assertNotSame(prepared, other, "another probe size, other evaluators");
        assertEquals(500, other.probe().size());
        assertSame(prepared.full(), other.full(), "the full-set evaluator does not depend on the probe size");
    }
}
