package org.initlab.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.report.RunJson;
import org.initlab.settings.SettingsFormatException;
import org.initlab.train.Comparison;
import org.initlab.train.RunControl;
import org.initlab.train.RunResult;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.junit.jupiter.api.Test;

/** 10,000 mutations of a real saved run: the reader gives a run or its own error, nothing else. */
class RunJsonFuzzTest {
    @Test
    void mutatedRunFilesOnlyGiveTheReadersOwnError() throws InterruptedException {
        Comparison c = new Comparison(NetworkSpec.reference(784, 30, 10), TrainingConfig.reference().withEpochs(2).withBatchesPerEpoch(50),
                List.of(InitScheme.of(InitCatalog.byId("standard")), InitScheme.of(InitCatalog.byId("lecun"))), List.of(1L), 2);
        List<RunResult> results = c.run(TestData.mnist(), TrainingListener.NONE, new RunControl());
        String valid = RunJson.write(c, TestData.mnist(), results);
        SplittableRandom rng = new SplittableRandom(11);
        int accepted = 0, refused = 0;
        for (int i = 0; i < 10_000; i++) {
            String mutated = org.initlab.testutil.TextMutator.mutate(valid, rng, 3);
            try {
                RunJson.read(mutated);
                accepted++;
            } catch (SettingsFormatException e) {
                refused++;
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            }
        }
        assertEquals(10_000, accepted + refused);
        assertTrue(accepted > 100 && refused > 1000, "accepted " + accepted + ", refused " + refused);
    }
}
