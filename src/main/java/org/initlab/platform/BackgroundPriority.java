package org.initlab.platform;

import com.sun.jna.Native;

/**
 * Training is background work: its threads run at a lower OS priority so that the window's FX and render
 * threads get a core the moment they need one. On two cores, two training threads at the same priority
 * as the FX thread leave it half a core under contention and its pulses stretch to hundreds of
 * milliseconds; at nice 10 the kernel gives it about nine tenths. Throughput is unchanged when nothing
 * else wants the CPU.
 *
 * <p>On Linux the nice value is per thread ({@code setpriority(PRIO_PROCESS, 0, n)} applies to the calling
 * thread) and lowering it needs no privilege; Java's own thread priorities are ignored there by default.
 * Elsewhere Java's priorities map to the OS's, so {@link Thread#MIN_PRIORITY} is used.
 */
public final class BackgroundPriority {
    /** The nice value of background threads on Linux: low enough to yield, high enough to still progress. */
    public static final int NICE = 10;

    private static final boolean LINUX =
            System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");

    private BackgroundPriority() {}

    /** Lowers the calling thread's priority; false when the OS refused (the thread then runs as before). */
    public static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!LINUX) return true;
        try {
            return LibC.setpriority(LibC.PRIO_PROCESS, 0, NICE) == 0;
        } catch (LinkageError e) {
            return false; // JNA's native part could not load; training still works, only less politely
        }
    }

    /**
     * Lowers the JVM's C2 compiler thread to the same nice value. At start-up it optimizes hundreds of
     * methods while the FX thread builds and styles the window on the same two cores; lowered, the first
     * frame came sooner (11 alternating starts: median 1.33 s against 1.45 s, slowest 1.52 s against 2.17 s).
     * While training it gets a trainer's share. Linux only; returns how many threads were lowered.
     */
    public static int lowerOptimizingCompiler() {
        return lowerThreadsNamed("C2 CompilerThre"); // the kernel keeps 15 characters of a thread's name
    }

    static int lowerThreadsNamed(String name) {
        if (!LINUX) return 0;
        int lowered = 0;
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                if (!threadName(task).startsWith(name)) continue;
                int tid = Integer.parseInt(task.getFileName().toString());
                if (LibC.setpriority(LibC.PRIO_PROCESS, tid, NICE) == 0) lowered++;
            }
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            return lowered; // no /proc or no JNA: the window only starts a little slower
        }
        return lowered;
    }

    /** The kernel's name of a thread of this process; empty for one that ended since it was listed. */
    static String threadName(java.nio.file.Path task) {
        try {
            return java.nio.file.Files.readString(task.resolve("comm")).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** A thread factory's body: the thread lowers its own priority before it runs {@code work}. */
    public static Runnable lowered(Runnable work) {
        return () -> {
            lowerCurrentThread();
            work.run();
        };
    }

    private static final class LibC {
        static final int PRIO_PROCESS = 0;

        static native int setpriority(int which, int who, int prio);

        static {
            Native.register("c");
        }
    }
}
