package org.initlab.build;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Build step of {@code mvn -Pdist package}: the self-contained app image and its archive.
 *
 * <ol>
 *   <li>{@code jlink}: a runtime with the JDK modules the lab needs ({@link #JDK_MODULES}, the vector module
 *       included) and JavaFX linked in as modules (from this OS's JavaFX jars; their native libraries go to
 *       the runtime's {@code lib} folder, where JavaFX finds them, not a second time in the modules file);</li>
 *   <li>the window's start-up archive, dumped by that runtime from {@code src/main/cds/window.classlist} as the
 *       runtime's default archive ({@code lib/server/classes.jsa}), so it needs no path and the image may
 *       be moved;</li>
 *   <li>{@code jpackage --type app-image}: the launcher ({@code bin/InitLab} on Linux) with the same JVM
 *       options as {@code mvn javafx:run}, the lab's jar, its non-JavaFX dependencies (ND4J with only this
 *       OS's natives: the pom's platform profile chose them) and the bundled MNIST once, in
 *       {@code lib/app/data/mnist} (found there by {@code DatasetLoader.bundledMnist});</li>
 *   <li>the native libraries (ND4J's, OpenBLAS's, JavaCPP's) taken out of their jars into {@code lib/app/natives},
 *       ready to load: JavaCPP looks there first ({@link #NATIVE_OPTIONS}) and keeps its small cache of links in
 *       {@code lib/app/javacpp-cache}, so a first start no longer unpacks ~400 MB into {@code ~/.javacpp};</li>
 *   <li>the archive {@code InitLab-VERSION-OS.tar.xz} of that folder ({@code .tar.gz} where {@code xz} is
 *       missing, a {@code .zip} on Windows).</li>
 * </ol>
 *
 * <p>Arguments: target folder, lab jar, dependency folder (non-JavaFX jars), JavaFX jar folder, data folder,
 * class list, version, OS tag.
 */
public final class DistImage {
    /** The JDK's part of the runtime (jdeps over the lab and its jars; jdk.localedata for the Chinese window). */
    static final List<String> JDK_MODULES = List.of(
            "java.base",
            "java.desktop",
            "java.logging",
            "java.management",
            "java.sql",
            "java.xml",
            "java.compiler",
            "jdk.management",
            "jdk.unsupported",
            "jdk.incubator.vector",
            "jdk.localedata");

    static final List<String> FX_MODULES = List.of("javafx.controls", "javafx.swing");
    /** The launcher's JVM options: those of the pom's javafx:run (the start-up archive is the runtime's default one). */
    static final List<String> JAVA_OPTIONS =
            List.of("-Xmx2g", "-XX:MaxGCPauseMillis=8", "--add-modules", "jdk.incubator.vector");
    /**
     * Where JavaCPP finds the image's native libraries: the unpacked folder first, its cache (links, and a copy
     * of one OpenBLAS library) inside the image rather than under the home folder. {@code $APPDIR} is the
     * image's {@code lib/app} (jpackage substitutes it).
     */
    static final List<String> NATIVE_OPTIONS = List.of(
            "-Djava.library.path=$APPDIR/natives",
            "-Dorg.bytedeco.javacpp.pathsFirst=true",
            "-Dorg.bytedeco.javacpp.cachedir=$APPDIR/javacpp-cache");

    static final String NAME = "InitLab";
    /** xz's level and threads for the archive: level 1 keeps the build about a minute; 0 threads is every core. */
    static final String XZ_OPTIONS = "-1 -T0";

    private DistImage() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 8)
            throw new IllegalArgumentException("usage: DistImage TARGET JAR DEPS FXJARS DATA CLASSLIST VERSION OS");
        Path target = Path.of(args[0]).toAbsolutePath(),
                jar = Path.of(args[1]),
                deps = Path.of(args[2]),
                fxJars = Path.of(args[3]);
        Path data = Path.of(args[4]), classList = Path.of(args[5]);
        String version = args[6], os = args[7];
        long t0 = System.nanoTime();
        Path dist = target.resolve("dist"),
                runtime = target.resolve("dist-runtime"),
                input = target.resolve("dist-input");
        deleteTree(dist);
        deleteTree(runtime);
        deleteTree(input);

        List<String> modules = new ArrayList<>(JDK_MODULES);
        modules.addAll(FX_MODULES);
        tool(
                "jlink",
                "--module-path",
                fxJars.toString(),
                "--add-modules",
                String.join(",", modules),
                "--output",
                runtime.toString(),
                "--compress=2",
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--include-locales=en,zh",
                "--exclude-resources=glob:/javafx.*/*.so,glob:/javafx.*/*.dll,glob:/javafx.*/*.dylib");
        Path nativeDir = runtime.resolve(windows() ? "bin" : "lib");
        try (Stream<Path> jars = Files.list(fxJars)) {
            for (Path fx : (Iterable<Path>) jars::iterator) copyNativeLibraries(fx, nativeDir);
        }
        dumpStartupArchive(runtime, classList);

        Files.createDirectories(input);
        Files.copy(jar, input.resolve(jar.getFileName()));
        Path natives = Files.createDirectories(input.resolve("natives"));
        try (Stream<Path> jars = Files.list(deps)) {
            for (Path d : (Iterable<Path>) jars::iterator) {
                if (d.getFileName().toString().endsWith("-" + os + ".jar"))
                    moveNativesOut(d, input.resolve(d.getFileName()), natives);
                else Files.copy(d, input.resolve(d.getFileName()));
            }
        }
        stripNatives(natives);
        copyTree(data, input.resolve("data").resolve("mnist"));

        List<String> jpackage = new ArrayList<>(List.of(
                "--type",
                "app-image",
                "--name",
                NAME,
                "--dest",
                dist.toString(),
                "--input",
                input.toString(),
                "--main-jar",
                jar.getFileName().toString(),
                "--main-class",
                "org.initlab.Main",
                "--runtime-image",
                runtime.toString(),
                "--app-version",
                version.replaceAll("[^0-9.].*$", ""),
                "--description",
                "InitLab: what weight initialization does to a neural network",
                "--vendor",
                "InitLab"));
        for (String o : (Iterable<String>) Stream.concat(JAVA_OPTIONS.stream(), NATIVE_OPTIONS.stream())::iterator) {
            jpackage.add("--java-options");
            jpackage.add(o);
        }
        if (windows()) jpackage.add("--win-console"); // the commands print to the console they were started from
        tool("jpackage", jpackage.toArray(String[]::new));

        Path image = dist.resolve(mac() ? NAME + ".app" : NAME);
        // Linked in the image, not in jpackage's input: jpackage copies a link's target (31 MB more).
        linkNatives(image.resolve(mac() ? "Contents/app/natives" : windows() ? "app/natives" : "lib/app/natives"));
        // xz where it exists: ND4J's library (301 MB) packs to 41 MB instead of gzip's 87 MB; xz -1 on every core
        // takes about as long as gzip on one.
        boolean xz = !windows() && onPath("xz");
        String archiveName = NAME + "-" + version + "-" + os + (windows() ? ".zip" : xz ? ".tar.xz" : ".tar.gz");
        Path archive = dist.resolve(archiveName);
        if (windows()) zip(image, archive);
        else {
            ProcessBuilder tar = new ProcessBuilder(
                            "tar",
                            xz ? "-cJf" : "-czf",
                            archive.toString(),
                            "-C",
                            dist.toString(),
                            image.getFileName().toString())
                    .inheritIO();
            tar.environment().put("XZ_OPT", XZ_OPTIONS);
            int code = tar.start().waitFor();
            if (code != 0) throw new IllegalStateException("tar failed (exit " + code + ")");
        }
        System.out.printf(
                Locale.ROOT,
                "initlab: app image %s (%d MB), archive %s (%d MB), in %.0f s%n",
                image,
                size(image) >> 20,
                archive,
                Files.size(archive) >> 20,
                (System.nanoTime() - t0) / 1e9);
    }

    /** The runtime's default class-data-sharing archive: mapped by every start, wherever the image lies. */
    static void dumpStartupArchive(Path runtime, Path classList) throws IOException, InterruptedException {
        Path java = runtime.resolve("bin").resolve(windows() ? "java.exe" : "java");
        int code = new ProcessBuilder(
                        java.toString(),
                        "-Xshare:dump",
                        "-XX:SharedClassListFile=" + classList,
                        "-Xlog:cds=error",
                        "--add-modules",
                        "jdk.incubator.vector")
                .inheritIO()
                .start()
                .waitFor();
        if (code != 0)
            System.out.println("initlab: the image's start-up archive could not be built (exit " + code
                    + "); it starts without one");
    }

    /** A native library's name in a jar: libx.so, libx.so.1, x.dll, libx.dylib (in any folder). */
    static boolean isNativeLibrary(String entry) {
        String n = entry.substring(entry.lastIndexOf('/') + 1);
        return !entry.endsWith("/") && (n.matches(".+\\.so(\\.[0-9]+)*") || n.endsWith(".dll") || n.endsWith(".dylib"));
    }

    /**
     * Copies {@code jar} to {@code to} without its native libraries, which go unpacked into {@code natives}
     * (flat: JavaCPP looks a library up by its file name on java.library.path), keeping their dates.
     */
    static void moveNativesOut(Path jar, Path to, Path natives) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    if (isNativeLibrary(e.getName())) {
                        Path lib = natives.resolve(
                                e.getName().substring(e.getName().lastIndexOf('/') + 1));
                        Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
                        Files.setLastModifiedTime(lib, java.nio.file.attribute.FileTime.fromMillis(e.getTime()));
                    } else {
                        out.putNextEntry(new ZipEntry(e.getName()));
                        in.transferTo(out);
                        out.closeEntry();
                    }
                }
            }
        }
    }

    /**
     * Gives the unpacked libraries the name JavaCPP's cache would: OpenBLAS's JNI library for ND4J links against
     * {@code libopenblas_nolapack.so.0}, which JavaCPP makes from {@code libopenblas.so.0} (here a link, not a
     * second 31 MB copy).
     */
    static void linkNatives(Path natives) throws IOException {
        if (!Files.isDirectory(natives)) return;
        try (Stream<Path> libs = Files.list(natives)) {
            for (Path lib : (Iterable<Path>) libs.sorted()::iterator) {
                String n = lib.getFileName().toString();
                if (n.matches("libopenblas\\.so\\.[0-9]+")) {
                    Path link = natives.resolve(n.replace("libopenblas", "libopenblas_nolapack"));
                    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                        Files.createSymbolicLink(link, lib.getFileName());
                }
            }
        }
    }

    /**
     * Where {@code strip} exists, ELF libraries lose their symbol tables (ND4J's 323 MB library ships unstripped:
     * 23 MB less; it loads and computes the same).
     */
    static void stripNatives(Path natives) throws IOException, InterruptedException {
        if (windows() || mac() || !onPath("strip")) return;
        try (Stream<Path> libs = Files.list(natives)) {
            for (Path lib : (Iterable<Path>) libs.sorted()::iterator) {
                if (Files.isSymbolicLink(lib) || !isElf(lib)) continue;
                java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(lib);
                run(List.of("strip", "--strip-unneeded", lib.toString()));
                Files.setLastModifiedTime(lib, time);
            }
        }
    }

    static boolean isElf(Path f) throws IOException {
        try (var in = Files.newInputStream(f)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    private static void copyNativeLibraries(Path jar, Path dir) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String n = e.getName();
                if (e.isDirectory()
                        || n.contains("/")
                        || !(n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib"))) continue;
                try (var in = zip.getInputStream(e)) {
                    Files.copy(in, dir.resolve(n), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void tool(String name, String... args) {
        ToolProvider tool =
                ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException("this JDK has no " + name));
        System.out.println("initlab: " + name + " " + String.join(" ", args));
        int code = tool.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if (code != 0) throw new IllegalStateException(name + " failed (exit " + code + ")");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (code != 0) throw new IllegalStateException(String.join(" ", command) + " failed (exit " + code + ")");
    }

    private static void zip(Path dir, Path archive) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (!Files.isRegularFile(f)) continue;
                zip.putNextEntry(
                        new ZipEntry(dir.getParent().relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(dest);
                else Files.copy(f, dest);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) Files.delete(f);
        }
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static boolean mac() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    }
}
