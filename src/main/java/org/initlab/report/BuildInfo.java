package org.initlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's and its libraries' versions, as Maven wrote them into {@code initlab-build.properties}. */
public final class BuildInfo {
    private static final Properties P = new Properties();

    static {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/initlab-build.properties")) {
            if (in != null) P.load(in);
        } catch (IOException e) {
            // versions then read "unknown"
        }
    }

    private BuildInfo() {}

    public static String get(String key) {
        return P.getProperty(key, "unknown");
    }
}
