package org.initlab.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core (everything outside org.initlab.ui) imports nothing from JavaFX: the architecture's first rule. */
class CoreIsFreeOfJavaFxTest {
    private static final Path MAIN = Path.of("src/main/java/org/initlab");

    @Test
    void noJavaFxOutsideUi() throws IOException {
        List<Path> core;
        try (Stream<Path> files = Files.walk(MAIN)) {
            core = files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(MAIN.resolve("ui"))).toList();
        }
        assertTrue(core.size() > 50, "the core's sources were found: " + core.size());
        List<String> offenders = core.stream().filter(p -> {
            try {
                return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("import javafx.") || l.startsWith("import static javafx."));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).map(Path::toString).toList();
        assertEquals(List.of(), offenders);
    }
}
