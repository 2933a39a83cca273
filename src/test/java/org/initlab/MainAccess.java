package org.initlab;

/** Lets tests in other packages call {@link Main#run} without {@code System.exit}. */
public final class MainAccess {
    private MainAccess() {}

    public static int run(String... args) {
        return Main.run(args);
    }
}
