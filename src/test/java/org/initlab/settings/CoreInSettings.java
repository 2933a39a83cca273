package org.initlab.settings;

import org.initlab.core.SettingsInCore;

/** ArchitectureTest's fixture: with {@link SettingsInCore}, a cycle between core and settings. */
public final class CoreInSettings {
    public static Object limit() {
        return SettingsInCore.limit();
    }
}
