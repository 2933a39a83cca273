package org.initlab.train;

/**
 * Whether the JDK's vector API module is in this JVM. The SIMD kernels live in a class that is only
 * loaded when it is, so the lab still runs (on scalar loops) in a JVM started without the module.
 */
public final class VectorApi {
    private static final boolean AVAILABLE =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorApi() {}

    public static boolean isAvailable() {
        return AVAILABLE;
    }

    /** The kernels in use: "vector-512" (lanes × 32 bits) or "scalar". */
    public static String kernelName() {
        return RowKernels.BEST.name();
    }

    static RowKernels kernels() {
        return new VectorRowKernels();
    }
}
