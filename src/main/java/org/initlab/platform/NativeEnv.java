package org.initlab.platform;

import com.sun.jna.Native;

/**
 * Sets {@code OMP_NUM_THREADS=1} in this process's own environment before ND4J's native library loads, so
 * that a JVM started without it (the app image's launcher, {@code mvn javafx:run}) needs no second JVM:
 * OpenMP and OpenBLAS read the variable from the C environment when their libraries load, which is later
 * (ND4J loads in the background, after the window or the command has started). POSIX {@code setenv}
 * through JNA; elsewhere nothing is done and the command line relaunches as before.
 */
public final class NativeEnv {
    public static final String OMP = "OMP_NUM_THREADS";
    private static final boolean POSIX = !System.getProperty("os.name", "")
            .toLowerCase(java.util.Locale.ROOT)
            .startsWith("windows");
    private static volatile boolean setHere;

    private NativeEnv() {}

    /**
     * True when ND4J will see one OpenMP thread: the variable was 1 when the JVM started, or this method
     * set it (when it was absent; a value the user chose is left alone).
     */
    public static boolean ensureSingleOmpThread() {
        String now = System.getenv(OMP);
        if (now != null) return "1".equals(now);
        if (setHere) return true;
        if (!POSIX || Boolean.getBoolean("initlab.noNativeEnv")) return false;
        try {
            setHere = LibC.setenv(OMP, "1", 0) == 0;
        } catch (LinkageError e) {
            setHere = false; // no JNA native part: the command line relaunches instead
        }
        return setHere;
    }

    /** The variable as the C library sees it (what ND4J will read). */
    public static String cValue() {
        return POSIX ? LibC.getenv(OMP) : System.getenv(OMP);
    }

    private static final class LibC {
        static native int setenv(String name, String value, int overwrite);

        static native String getenv(String name);

        static {
            Native.register("c");
        }
    }
}
