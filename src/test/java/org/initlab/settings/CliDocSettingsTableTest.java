package org.initlab.settings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/cli.md's table of settings is the catalogue's own: a changed default or limit fails here until the document says so. */
class CliDocSettingsTableTest {
    @Test
    void theCommandLineGuideShowsTheCataloguesTable() throws Exception {
        String doc = Files.readString(Path.of("docs", "cli.md"));
        String table = SettingsTable.markdown();
        assertTrue(
                doc.contains(table), "docs/cli.md's settings table differs from the catalogue; paste this:\n" + table);
    }

    @Test
    void everyParameterHasARow() {
        String table = SettingsTable.markdown();
        for (Param<?> p : LabParameters.all()) assertTrue(table.contains("| " + p.name() + " |"), p.id());
        assertTrue(table.contains("| epochs | `epochs` | `--epochs` | `30` | whole number, 1 to 10000 |"), table);
    }
}
