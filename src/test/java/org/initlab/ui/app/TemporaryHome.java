package org.initlab.ui.app;

import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's user.home in a temporary folder, put back after it: a window test that switches the language
 * would otherwise remember that language in the real home.
 */
final class TemporaryHome implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace KEPT = ExtensionContext.Namespace.create(TemporaryHome.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getStore(KEPT).put("home", System.getProperty("user.home"));
        System.setProperty(
                "user.home", Files.createTempDirectory("initlab-home").toString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.setProperty("user.home", context.getStore(KEPT).get("home", String.class));
    }
}
