package org.initlab.core;

import org.initlab.settings.LabParameters;

/** ArchitectureTest's fixture (a test class, outside the rules' import): a core class that reads the settings catalogue. */
public final class SettingsInCore {
    public static Object limit() {
        return LabParameters.EPOCHS;
    }
}
