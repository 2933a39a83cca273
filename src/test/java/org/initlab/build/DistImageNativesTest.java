package org.initlab.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app image's native libraries: out of their jars, unpacked flat with their dates, OpenBLAS's second name linked. */
class DistImageNativesTest {
    @TempDir
    Path dir;

    @Test
    void nativeLibrariesLeaveTheJarUnpackedWithTheirDates() throws Exception {
        Path jar = dir.resolve("openblas-linux-x86_64.jar"), natives = Files.createDirectories(dir.resolve("natives"));
        long date = 1_644_000_000_000L;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of(
                    "org/bytedeco/openblas/linux-x86_64/",
                    "org/bytedeco/openblas/linux-x86_64/libopenblas.so.0",
                    "org/bytedeco/openblas/linux-x86_64/libjniopenblas.so",
                    "org/bytedeco/openblas/presets/openblas.class",
                    "META-INF/native-image/linux-x86_64/jniopenblas/jni-config.json")) {
                ZipEntry e = new ZipEntry(name);
                e.setTime(date);
                out.putNextEntry(e);
                if (!name.endsWith("/")) out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Path stripped = dir.resolve("out.jar");
        DistImage.moveNativesOut(jar, stripped, natives);
        List<String> kept = new ArrayList<>();
        try (ZipFile z = new ZipFile(stripped.toFile())) {
            z.stream().forEach(e -> kept.add(e.getName()));
        }
        assertEquals(
                List.of(
                        "org/bytedeco/openblas/linux-x86_64/",
                        "org/bytedeco/openblas/presets/openblas.class",
                        "META-INF/native-image/linux-x86_64/jniopenblas/jni-config.json"),
                kept);
        assertEquals(
                "org/bytedeco/openblas/linux-x86_64/libopenblas.so.0",
                Files.readString(natives.resolve("libopenblas.so.0")));
        assertEquals(
                date / 1000,
                Files.getLastModifiedTime(natives.resolve("libjniopenblas.so")).toMillis() / 1000,
                "JavaCPP compares dates");

        DistImage.stripNatives(natives);
        DistImage.linkNatives(natives);
        Path link = natives.resolve("libopenblas_nolapack.so.0");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("libopenblas.so.0"), Files.readSymbolicLink(link));
        assertEquals(
                "org/bytedeco/openblas/linux-x86_64/libopenblas.so.0",
                Files.readString(link),
                "not ELF: left unstripped");
    }

    @Test
    void onlyLibrariesCountAsNative() {
        for (String yes : List.of("a/libx.so", "a/libx.so.1", "a/libgfortran.so.5", "x.dll", "a/libx.dylib")) {
            assertTrue(DistImage.isNativeLibrary(yes), yes);
        }
        for (String no : List.of("a/", "a/x.class", "a/libx.so.txt", "a/so", "META-INF/x.json"))
            assertFalse(DistImage.isNativeLibrary(no), no);
    }
}
