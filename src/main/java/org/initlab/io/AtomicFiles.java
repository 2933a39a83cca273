package org.initlab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files through a temporary sibling and a move, so a crash or a power cut mid-save leaves the old
 * file or the new one, never a partial one: the temporary file is flushed to disk before the move, and
 * the folder after it where the platform allows (POSIX; Windows cannot open a folder for that).
 *
 * <p>The file gets the permissions any program's new file gets (the user's umask: typically
 * {@code -rw-r--r--}), not the owner-only ones of {@link Files#createTempFile}; a replaced file keeps
 * its own permissions. A symbolic link is written through (the file it points at is replaced, the link
 * stays), and a failure names the file asked for, never the temporary one ("runs.csv: No space left on device").
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The longest file name, in UTF-8 bytes, that common file systems take (NAME_MAX on Linux, macOS and Windows). */
    public static final int MAX_NAME_BYTES = 255;
    /** The temporary sibling's name holds at most this many bytes of the target's name, so any name that fits fits it too. */
    private static final int SIBLING_NAME_BYTES = 200;

    public static void write(Path target, byte[] content) throws IOException {
        try {
            writeThroughLinks(target, content);
        } catch (IOException e) {
            throw new IOException(target + ": " + reason(e), e);
        }
    }

    /** What went wrong, without the temporary file's name that a {@link FileSystemException}'s message carries. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        if (e instanceof FileSystemException)
            return e.getClass()
                    .getSimpleName()
                    .replace("Exception", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase();
        return String.valueOf(e.getMessage());
    }

    /**
     * The file a path names once symbolic links are followed (a dangling link: where it points), so a
     * link is written through rather than replaced. Gives up after 40 links, as the kernel does.
     */
    public static Path followLinks(Path target) throws IOException {
        Path p = target.toAbsolutePath().normalize();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops >= 40) throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
            Path parent = p.getParent();
            p = (parent == null ? p : parent).resolve(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    private static void writeThroughLinks(Path target, byte[] content) throws IOException {
        Path absolute = followLinks(target);
        Path dir = absolute.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = createSibling(dir, absolute.getFileName().toString());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            keepPermissions(absolute, tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new empty file beside the target, created like any file (mode 0666 less the umask). */
    private static Path createSibling(Path dir, String name) throws IOException {
        name = truncateUtf8(name, SIBLING_NAME_BYTES);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 20) throw e;
            }
        }
    }

    /** The longest prefix of {@code s} (whole code points) of at most {@code bytes} UTF-8 bytes. */
    static String truncateUtf8(String s, int bytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= bytes) return s;
        int end = 0, used = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > bytes) break;
            used += len;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    private static void keepPermissions(Path existing, Path tmp) {
        try {
            PosixFileAttributeView old = Files.getFileAttributeView(existing, PosixFileAttributeView.class);
            if (old != null && Files.isRegularFile(existing))
                Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
        } catch (IOException | UnsupportedOperationException e) {
            // the new file keeps the default permissions
        }
    }

    /** Flushes the folder's entry for the moved file; a no-op where folders cannot be opened (Windows). */
    private static void syncFolder(Path dir) {
        if (dir == null) return;
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not supported on this platform or file system: the move itself is still atomic
        }
    }
}
