package org.initlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BackwardTasksTest {
    private static List<String> names(BackwardTasks tasks) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            int t = tasks.task(i), l = t >> 8;
            names.add((t & 0xFF) == BackwardTasks.UPDATE ? "U" + l : "D" + l + "." + (t & 0xFF));
        }
        return names;
    }

    @Test
    void whileOneThreadGoesDownTheOtherUpdatesTheLayerAbove() {
        assertEquals(
                List.of("D4.0", "D4.1", "D3.0", "D3.1", "U4", "D2.0", "D2.1", "U3", "D1.0", "D1.1", "U2", "U1", "U0"),
                names(new BackwardTasks(new int[] {0, 2, 2, 2, 2})));
        assertEquals(List.of("D2.0", "D1.0", "D1.1", "U2", "U1", "U0"), names(new BackwardTasks(new int[] {0, 2, 1})));
        assertEquals(List.of("D1.0", "U1", "U0"), names(new BackwardTasks(new int[] {0, 1})));
        assertEquals(List.of("U0"), names(new BackwardTasks(new int[] {0})));
    }

    /** One thread alone runs the list in order and never waits: every task's inputs are done before it. */
    @Test
    void oneThreadRunsTheListStraightThrough() {
        for (int layers : new int[] {1, 2, 3, 5, 9, 40}) {
            int[] blocks = new int[layers];
            for (int l = 1; l < layers; l++) blocks[l] = 1 + l % 2;
            BackwardTasks tasks = new BackwardTasks(blocks);
            for (int step = 0; step < 2; step++) {
                tasks.reset();
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                    for (int i = 0; i < tasks.size(); i++) {
                        tasks.awaitInputs(tasks.task(i));
                        tasks.done(tasks.task(i));
                    }
                });
            }
        }
    }

    /** A task waits for the one before it that it needs: U_2 for both blocks of D_2 (which still reads W_2). */
    @Test
    void anUpdateWaitsForTheBlocksThatReadItsWeights() throws Exception {
        BackwardTasks tasks = new BackwardTasks(new int[] {0, 1, 2});
        tasks.reset();
        int d20 = tasks.task(0), d21 = tasks.task(1), d10 = tasks.task(2), u2 = tasks.task(3);
        tasks.awaitInputs(d20);
        tasks.done(d20);
        CountDownLatch started = new CountDownLatch(1);
        long[] finished = new long[1];
        Thread updater = new Thread(() -> {
            started.countDown();
            tasks.awaitInputs(u2);
            finished[0] = System.nanoTime();
        });
        updater.start();
        started.await();
        Thread.sleep(50);
        long released = System.nanoTime();
        tasks.awaitInputs(d21);
        tasks.done(d21);
        updater.join(5000);
        assertEquals(true, finished[0] >= released, "U2 ran only after D2's second block");
        tasks.awaitInputs(d10); // δ_1 is whole now
    }

    /** A failed task releases the ones waiting for it: they fail instead of spinning forever. */
    @Test
    void aFailureReleasesTheWaiting() {
        BackwardTasks tasks = new BackwardTasks(new int[] {0, 1, 1});
        tasks.reset();
        tasks.fail();
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThrows(IllegalStateException.class, () -> tasks.awaitInputs(tasks.task(1))));
    }
}
