package org.initlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import javafx.scene.Node;
import org.initlab.core.SettingsInCore;
import org.initlab.settings.CoreInSettings;
import org.initlab.settings.LabParameters;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules, read from the compiled classes (so a fully qualified name in code counts as
 * much as an import): the packages form layers, no two packages depend on each other, and only the window
 * touches JavaFX. docs/architecture.md draws the same layers.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.initlab");

    /** JavaFX and the libraries built on it. */
    private static final String[] FX = {"javafx..", "com.sun.javafx..", "org.controlsfx..", "atlantafx.."};

    /**
     * Each layer uses only the layers below it; within a layer, packages may use each other (acyclically).
     * Every class of the lab is in a layer, so a new package has to be placed here.
     */
    static LayeredArchitecture layers(boolean optional) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(optional)
                .layer("launcher")
                .definedBy("org.initlab")
                .layer("window")
                .definedBy("org.initlab.ui..")
                .layer("commands")
                .definedBy("org.initlab.cli..")
                .layer("build")
                .definedBy("org.initlab.build..")
                .layer("features")
                .definedBy("org.initlab.sweep..", "org.initlab.lessons..", "org.initlab.report..")
                .layer("settings")
                .definedBy("org.initlab.settings..")
                .layer("training and theory")
                .definedBy("org.initlab.train..", "org.initlab.theory..")
                .layer("model")
                .definedBy("org.initlab.core..")
                .layer("data")
                .definedBy("org.initlab.data..")
                .layer("base")
                .definedBy("org.initlab.format..", "org.initlab.io..", "org.initlab.math..", "org.initlab.platform..")
                .whereLayer("launcher")
                .mayOnlyAccessLayers("commands", "features", "settings", "training and theory", "model", "data", "base")
                .whereLayer("window")
                .mayOnlyAccessLayers("features", "settings", "training and theory", "model", "data", "base")
                .whereLayer("commands")
                .mayOnlyAccessLayers("features", "settings", "training and theory", "model", "data", "base")
                .whereLayer("build")
                .mayOnlyAccessLayers("base")
                .whereLayer("features")
                .mayOnlyAccessLayers("settings", "training and theory", "model", "data", "base")
                .whereLayer("settings")
                .mayOnlyAccessLayers("training and theory", "model", "data", "base")
                .whereLayer("training and theory")
                .mayOnlyAccessLayers("model", "data", "base")
                .whereLayer("model")
                .mayOnlyAccessLayers("base")
                .whereLayer("data")
                .mayOnlyAccessLayers("base")
                .whereLayer("base")
                .mayNotAccessAnyLayer()
                .ensureAllClassesAreContainedInArchitecture();
    }

    /** Every package is a slice (core and core.init, theory and theory.meanfield, each ui feature apart). */
    static final ArchRule NO_CYCLES =
            slices().matching("org.initlab.(**)").should().beFreeOfCycles();

    static final ArchRule FX_ONLY_IN_UI = noClasses()
            .that()
            .resideOutsideOfPackage("org.initlab.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FX)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("org.initlab.ui..");

    @Test
    void layersInTheirOrder() {
        layers(false).check(MAIN);
    }

    @Test
    void noCycleBetweenPackages() {
        NO_CYCLES.check(MAIN);
    }

    @Test
    void onlyTheWindowUsesJavaFxOrTheWindow() {
        FX_ONLY_IN_UI.check(MAIN);
    }

    // ---- the rules can fail: each refuses classes that break it (test classes, not in MAIN) -------------------

    @Test
    void theRulesRefuseViolations() {
        JavaClasses fx = new ClassFileImporter().importClasses(FxUser.class);
        assertTrue(FX_ONLY_IN_UI.evaluate(fx).hasViolation(), "a class outside ui holding a JavaFX node");
        JavaClasses upward = new ClassFileImporter().importClasses(SettingsInCore.class, LabParameters.class);
        assertTrue(layers(true).evaluate(upward).hasViolation(), "a core class reading the settings catalogue");
        JavaClasses allowed = new ClassFileImporter().importClasses(SettingsUser.class, LabParameters.class);
        assertFalse(layers(true).evaluate(allowed).hasViolation(), "the launcher may read the settings");
        JavaClasses cycle =
                new ClassFileImporter().importClasses(SettingsInCore.class, CoreInSettings.class, LabParameters.class);
        assertTrue(NO_CYCLES.evaluate(cycle).hasViolation(), "core → settings → core");
    }

    static final class SettingsUser {
        Object limit = LabParameters.EPOCHS;
    }

    static final class FxUser {
        Node node;
    }
}
