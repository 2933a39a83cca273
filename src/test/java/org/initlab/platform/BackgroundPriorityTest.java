package org.initlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.initlab.core.NetworkSpec;
import org.initlab.core.init.InitCatalog;
import org.initlab.core.init.InitScheme;
import org.initlab.data.TestData;
import org.initlab.train.Comparison;
import org.initlab.train.EpochResult;
import org.initlab.train.RunControl;
import org.initlab.train.TrainingConfig;
import org.initlab.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Training threads yield to the window: their nice value, as the kernel reports it, is 10; the caller's is unchanged. */
@EnabledOnOs(OS.LINUX)
class BackgroundPriorityTest {
    /** Field 19 of /proc/thread-self/stat, counted after the command name (which may hold spaces). */
    private static int niceOfCurrentThread() throws Exception {
        return niceOf(Path.of("/proc/thread-self"));
    }

    private static int niceOf(Path task) throws Exception {
        String stat = Files.readString(task.resolve("stat"));
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(rest[16]); // fields 3.. follow the name; nice is field 19
    }

    @Test
    void theOptimizingCompilerRunsAtNiceTenAndTheOtherJvmThreadsDoNot() throws Exception {
        int own = niceOfCurrentThread();
        int lowered = BackgroundPriority.lowerOptimizingCompiler();
        assertTrue(lowered >= 1, "a JVM with tiered compilation has at least one C2 compiler thread");
        int c2 = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name = BackgroundPriority.threadName(task); // empty: a thread that ended meanwhile
                if (name.startsWith("C2 CompilerThre")) {
                    assertEquals(Math.max(own, BackgroundPriority.NICE), niceOf(task), name);
                    c2++;
                } else if (name.startsWith("C1 CompilerThre")) {
                    assertEquals(own, niceOf(task), "the quick compiler keeps its priority: " + name);
                }
            }
        }
        assertEquals(lowered, c2);
    }

    @Test
    void aLoweredThreadRunsAtNiceTenAndOthersDoNot() throws Exception {
        int before = niceOfCurrentThread();
        int[] inside = new int[1];
        Thread t = new Thread(BackgroundPriority.lowered(() -> {
            try {
                inside[0] = niceOfCurrentThread();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        t.start();
        t.join();
        assertEquals(Math.max(before, BackgroundPriority.NICE), inside[0], "setpriority on the calling thread only");
        assertEquals(before, niceOfCurrentThread(), "the caller keeps its priority");
    }

    @Test
    void comparisonTrainsOnLoweredThreads() throws Exception {
        List<Integer> nices = new CopyOnWriteArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochEnded(EpochResult e) {
                try {
                    nices.add(niceOfCurrentThread());
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        };
        new Comparison(
                        NetworkSpec.reference(784, 30, 10),
                        TrainingConfig.reference().withEpochs(1).withBatchesPerEpoch(20),
                        List.of(InitScheme.of(InitCatalog.byId("standard")), InitScheme.of(InitCatalog.byId("lecun"))),
                        List.of(1L),
                        2)
                .run(TestData.mnist(), listener, new RunControl());
        assertEquals(2, nices.size(), "one epoch per run");
        nices.forEach(n -> assertTrue(n >= BackgroundPriority.NICE, "training thread at nice " + n));
    }
}
