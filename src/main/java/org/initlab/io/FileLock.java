package org.initlab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second process (or a second writer in this one) from writing a file another is writing: an
 * operating-system lock on a hidden sibling, {@code .NAME.lock}, holding the owner's process id. The lock
 * is on a sibling because the file itself is replaced by moves ({@link AtomicFiles}); the sibling stays
 * after use (deleting it would let two processes lock two different files of one name). The system
 * releases the lock when its process ends, killed or not.
 */
public final class FileLock implements AutoCloseable {
    private final FileChannel channel;
    private final java.nio.channels.FileLock lock;

    private FileLock(FileChannel channel, java.nio.channels.FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code file} (of the file a link points at). */
    public static Path lockFile(Path file) throws IOException {
        Path real = AtomicFiles.followLinks(file);
        return real.resolveSibling(
                "." + AtomicFiles.truncateUtf8(real.getFileName().toString(), 200) + ".lock");
    }

    /** Locks {@code file} for writing, or says who holds it: "runs.csv is being written by another process (12345)". */
    public static FileLock acquire(Path file) throws IOException {
        Path lockFile = lockFile(file);
        java.nio.file.Files.createDirectories(lockFile.getParent());
        FileChannel ch = FileChannel.open(
                lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this process, through another writer
        } catch (IOException e) {
            ch.close();
            throw new IOException(file + ": cannot lock it for writing (" + AtomicFiles.reason(e) + ")", e);
        }
        if (lock == null) {
            String owner = owner(ch);
            ch.close();
            throw new IOException(file + " is being written by another process"
                    + (owner.isEmpty() ? "" : " (" + owner + ")") + ": wait for it to end, or give another file");
        }
        ch.truncate(0);
        ch.write(
                ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
                0);
        return new FileLock(ch, lock);
    }

    private static String owner(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(64);
            ch.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
