package org.initlab.platform;

import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads ND4J's native library once and configures it for this lab: float32, one BLAS thread. On a 2-core
 * laptop ND4J's default of several OpenMP threads per op makes the small ops slower and, with two runs
 * training at once, collapses them; the lab parallelizes across runs instead. Measured: the environment
 * settings below do not reach ND4J's OpenMP pool — only {@code OMP_NUM_THREADS=1} does, which is why the
 * launchers set it (pom, {@code JvmRelauncher}).
 *
 * <p>Loading takes 0.4–2.5 s (JavaCPP unpacks the natives on first use): never call this on the FX
 * application thread.
 */
public final class Nd4jRuntime {
    private static final AtomicLong LOAD_MILLIS = new AtomicLong(-1);

    private Nd4jRuntime() {}

    /** Idempotent; returns the milliseconds the first load took. */
    public static synchronized long ensureLoaded() {
        if (LOAD_MILLIS.get() >= 0) return LOAD_MILLIS.get();
        long t0 = System.nanoTime();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        LOAD_MILLIS.set((System.nanoTime() - t0) / 1_000_000);
        return LOAD_MILLIS.get();
    }

    public static boolean isLoaded() {
        return LOAD_MILLIS.get() >= 0;
    }

    /** Threads per op as ND4J reports them (for the benchmark's record). */
    public static String threadReport() {
        ensureLoaded();
        return "maxThreads=" + Nd4j.getEnvironment().maxThreads() + " masterThreads="
                + Nd4j.getEnvironment().maxMasterThreads() + " blasThreads="
                + Nd4j.factory().blas().getMaxThreads();
    }
}
