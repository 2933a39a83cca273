package org.initlab.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The settings catalogue sits above the records it reads, so it is whole whichever class a JVM initializes
 * first: each case loads the lab's classes afresh, starts with one class, then reads every parameter.
 */
class ClassInitOrderTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "org.initlab.train.TrainingConfig",
                "org.initlab.core.NetworkSpec",
                "org.initlab.theory.ZSpec",
                "org.initlab.settings.SweepAxis",
                "org.initlab.settings.ExperimentSettings",
                "org.initlab.settings.Presets",
                "org.initlab.settings.LabParameters"
            })
    void everyParameterIsBuiltWhicheverClassStarts(String first) throws Exception {
        try (URLClassLoader fresh = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class.forName(first, true, fresh);
            Class<?> catalogue = Class.forName("org.initlab.settings.LabParameters", true, fresh);
            int params = 0;
            for (Field f : catalogue.getFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                Object p = f.get(null);
                assertNotNull(p, f.getName() + " after " + first);
                assertNotNull(
                        p.getClass().getMethod("defaultValue").invoke(p), f.getName() + "'s default after " + first);
                params++;
            }
            assertEquals(
                    ((List<?>) catalogue.getMethod("all").invoke(null)).size(),
                    params,
                    "every public parameter is in all()");
            Object reference = Class.forName("org.initlab.train.TrainingConfig", true, fresh)
                    .getMethod("reference")
                    .invoke(null);
            Object eta = catalogue.getField("ETA").get(null);
            assertEquals(
                    reference.getClass().getMethod("eta").invoke(reference),
                    eta.getClass().getMethod("defaultValue").invoke(eta));
        }
    }

    private static URL[] classPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator))
            urls.add(Path.of(entry).toUri().toURL());
        return urls.toArray(URL[]::new);
    }
}
