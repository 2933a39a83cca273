package org.initlab.settings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's table of settings is the catalogue's own: a changed default or limit fails here until the README says so. */
class ReadmeSettingsTableTest {
    @Test
    void theReadmeShowsTheCataloguesTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = SettingsTable.markdown();
        assertTrue(readme.contains(table), "README.md's settings table differs from the catalogue; paste this:\n" + table);
    }

    @Test
    void everyParameterHasARow() {
        String table = SettingsTable.markdown();
        for (Param<?> p : LabParameters.all()) assertTrue(table.contains("| " + p.name() + " |"), p.id());
        assertTrue(table.contains("| epochs | `epochs` | `--epochs` | `30` | whole number, 1 to 10000 |"), table);
    }
}
