package org.initlab;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.initlab.platform.NativeEnv;
import org.initlab.train.VectorApi;

/**
 * {@code mvn exec:java} runs the lab inside Maven's own JVM, which was started without the JDK's vector
 * API module and with ND4J's default of several OpenMP threads per op. Both matter for speed (see the
 * docs/performance.md), and neither can be changed once a JVM runs, so command-line runs
 * re-execute themselves once in a child JVM with {@code --add-modules jdk.incubator.vector} and
 * {@code OMP_NUM_THREADS=1}, passing the exit code through. Launchers that already set both
 * (surefire, the app image's launcher with its vector module and {@link NativeEnv}'s in-process variable)
 * never relaunch.
 */
final class JvmRelauncher {
    static final String MARKER = "initlab.relaunched";
    /** The relaunching JVM's process id, passed to the child so that it dies with it. */
    static final String PARENT = "initlab.parentPid";
    /** The line the JVM prints on standard error whenever an incubator module is added; it is not the lab's. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules";

    private JvmRelauncher() {}

    static boolean isNeeded() {
        if (System.getProperty(MARKER) != null || Boolean.getBoolean("initlab.noRelaunch")) return false;
        return !VectorApi.isAvailable() || !NativeEnv.ensureSingleOmpThread();
    }

    /** Runs {@code args} in a child JVM and returns its exit code; empty when the class path cannot be found. */
    static Optional<Integer> relaunch(String[] args) throws IOException, InterruptedException {
        String classPath = classPath();
        if (classPath.isEmpty()) return Optional.empty();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-Xmx2g");
        command.add("-D" + MARKER + "=true");
        command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        String data = System.getProperty("initlab.data");
        if (data != null) command.add("-Dinitlab.data=" + data);
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process child = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        Thread errors = new Thread(() -> copyErrors(child.getErrorStream()), "initlab-child-stderr");
        errors.setDaemon(true);
        errors.start();
        int code = child.waitFor();
        errors.join(2000);
        return Optional.of(code);
    }

    /** The child's standard error, line by line, but the JVM's incubator warning: an error stays one line. */
    private static void copyErrors(java.io.InputStream in) {
        try (java.io.BufferedReader r = new java.io.BufferedReader(
                new java.io.InputStreamReader(in, java.nio.charset.Charset.defaultCharset()))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(INCUBATOR_WARNING)) continue;
                System.err.println(line);
                System.err.flush();
            }
        } catch (IOException e) {
            // the child is gone; nothing more to copy
        }
    }

    /**
     * In a relaunched child: ends this JVM as soon as the parent ends, however it ends (a {@code kill -9}
     * of Maven's JVM runs no shutdown hook to stop the child, which would otherwise train on and write its
     * files after the user stopped it). Halts, so no output is written after the parent is gone.
     */
    static void dieWithParent() {
        String pid = System.getProperty(PARENT);
        if (pid == null) return;
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return;
        }
        if (parent.isEmpty() || !parent.get().isAlive()) Runtime.getRuntime().halt(143);
        parent.get().onExit().thenRun(() -> Runtime.getRuntime().halt(143));
    }

    /** The class path that loaded this class: the class loader's URLs (exec:java) plus java.class.path. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader cl = Main.class.getClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader ucl) {
                for (URL url : ucl.getURLs()) {
                    try {
                        if ("file".equals(url.getProtocol()))
                            entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a plain file entry; the child cannot use it anyway
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator))
                if (!e.isBlank()) entries.add(e);
        }
        return String.join(File.pathSeparator, entries);
    }
}
