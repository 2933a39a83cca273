package org.initlab.io;

import java.nio.file.Path;

/** A second process for lock tests: locks the file given, says so, and holds the lock until killed. */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        try (FileLock lock = FileLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
