package org.initlab.train;

import org.initlab.core.init.InitScheme;

/** Which run of a comparison: its position, its initialization scheme and its master seed. */
public record RunKey(int index, InitScheme scheme, long seed) {
    public String label() {
        return scheme.id() + " seed=" + seed;
    }
}
