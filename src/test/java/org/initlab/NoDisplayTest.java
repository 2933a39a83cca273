package org.initlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window on a machine without a display: one line saying so and that the commands run without one, no stack trace. */
class NoDisplayTest {
    @Test
    void withoutADisplayTheWindowSaysSoInOneLine() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.initlab.Main");
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("linux"));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), err);
        assertEquals(
                "initlab: no display to open the window on (DISPLAY is not set); the commands run without one (initlab help)",
                err.strip());
    }

    @Test
    void aDisplayOrAnotherPlatformIsLeftToJavaFx() {
        assertTrue(Main.noDisplay(Map.of("DISPLAY", ":0"), "Linux", null).isEmpty());
        assertTrue(Main.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)
                .isEmpty());
        assertTrue(Main.noDisplay(Map.of(), "Windows 11", null).isEmpty());
        assertTrue(Main.noDisplay(Map.of(), "Mac OS X", null).isEmpty());
        assertTrue(Main.noDisplay(Map.of(), "Linux", "Monocle").isEmpty(), "headless tests");
        assertTrue(Main.noDisplay(Map.of("DISPLAY", " "), "Linux", null).isPresent());
    }
}
