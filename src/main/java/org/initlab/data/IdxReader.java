package org.initlab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.initlab.format.Message;

/**
 * Reads IDX files of unsigned bytes (the MNIST format), plain or gzip-compressed.
 *
 * <p>Everything the header claims is checked against the file's real length before a single data byte
 * is allocated, so a hostile or truncated file costs a clear message, never an OutOfMemoryError.
 */
public final class IdxReader {
    /** IDX type code for unsigned bytes; the only type MNIST uses. */
    private static final int TYPE_UNSIGNED_BYTE = 0x08;
    /** Larger payloads are refused: no IDX file the lab knows is above 100 MB. */
    public static final long MAX_PAYLOAD_BYTES = 1L << 30;

    private IdxReader() {}

    public static IdxArray read(Path file) throws IdxFormatException {
        if (!Files.isRegularFile(file))
            throw new IdxFormatException(file, Message.of("idx.notFound", "file not found"));
        try {
            boolean gzip = isGzip(file);
            long dataLength = gzip ? gzipUncompressedLength(file) : Files.size(file);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream raw = Files.newInputStream(file);
                    InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16)) {
                DataInputStream data = new DataInputStream(new DigestInputStream(in, sha256));
                int[] dims = readHeader(file, data, dataLength, gzip);
                byte[] payload = new byte[(int) payloadLength(dims)];
                data.readFully(payload);
                if (data.read() != -1)
                    throw new IdxFormatException(file, Message.of("idx.beyond", "file has bytes beyond its data"));
                return new IdxArray(dims, payload, HexFormat.of().formatHex(sha256.digest()));
            }
        } catch (IdxFormatException e) {
            throw e;
        } catch (ZipException e) {
            throw new IdxFormatException(
                    file, Message.of("idx.corruptGzip", "corrupt gzip data ({0})", String.valueOf(e.getMessage())), e);
        } catch (EOFException e) {
            throw new IdxFormatException(file, Message.of("idx.truncated", "file is truncated"), e);
        } catch (IOException e) {
            throw new IdxFormatException(
                    file, Message.of("idx.unreadable", "cannot be read ({0})", String.valueOf(e.getMessage())), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static int[] readHeader(Path file, DataInputStream in, long dataLength, boolean gzip) throws IOException {
        if (dataLength < 4)
            throw new IdxFormatException(
                    file,
                    Message.of(
                            "idx.noHeader", "file is truncated: {0} bytes, no IDX header", Long.toString(dataLength)));
        int zero0 = in.readUnsignedByte();
        int zero1 = in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int rank = in.readUnsignedByte();
        if (zero0 != 0 || zero1 != 0) {
            throw new IdxFormatException(
                    file,
                    Message.of(
                            "idx.magic",
                            "wrong magic number {0}, not an IDX file",
                            String.format("0x%02X%02X%02X%02X", zero0, zero1, type, rank)));
        }
        if (type != TYPE_UNSIGNED_BYTE) {
            throw new IdxFormatException(
                    file,
                    Message.of(
                            "idx.type",
                            "IDX data type {0} is not supported (expected 0x08, unsigned bytes)",
                            String.format("0x%02X", type)));
        }
        if (rank < 1 || rank > 4)
            throw new IdxFormatException(
                    file,
                    Message.of("idx.rank", "IDX rank {0} is not supported (expected 1 to 4)", Integer.toString(rank)));
        long headerLength = 4L + 4L * rank;
        if (dataLength < headerLength)
            throw new IdxFormatException(file, Message.of("idx.headerCut", "file is truncated inside its header"));
        int[] dims = new int[rank];
        long payload = 1;
        for (int i = 0; i < rank; i++) {
            long d = Integer.toUnsignedLong(in.readInt());
            if (d == 0)
                throw new IdxFormatException(
                        file, Message.of("idx.zeroDimension", "dimension {0} is 0", Integer.toString(i)));
            payload *= d;
            if (payload > MAX_PAYLOAD_BYTES) {
                throw new IdxFormatException(
                        file,
                        "header claims more than " + MAX_PAYLOAD_BYTES + " data bytes (dimension " + i + " = " + d
                                + "); the file holds " + (dataLength - headerLength));
            }
            dims[i] = (int) d;
        }
        long actual = dataLength - headerLength;
        // A gzip trailer's length is the file's last 4 bytes: a cut file's are data, so count the real length.
        if (actual != payload && gzip) actual = gzipDataLength(file, headerLength + MAX_PAYLOAD_BYTES) - headerLength;
        if (actual != payload) {
            String what = actual < payload ? "is truncated" : "has " + (actual - payload) + " bytes beyond its data";
            throw new IdxFormatException(
                    file,
                    "file " + what + ": header " + describe(dims) + " needs " + payload + " data bytes, the "
                            + (gzip ? "uncompressed " : "") + "file holds " + actual);
        }
        return dims;
    }

    private static long payloadLength(int[] dims) {
        long n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    private static String describe(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : "×").append(dims[i]);
        return sb.toString();
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * The uncompressed length of a gzip file, counted by decompressing it (stopping after {@code limit} bytes);
     * a stream that ends before its end-of-data mark is a truncated file.
     */
    private static long gzipDataLength(Path file, long limit) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            long n = 0;
            for (int r; n <= limit && (r = in.read(buffer)) > 0; ) n += r;
            return n;
        } catch (EOFException e) {
            throw new IdxFormatException(
                    file,
                    Message.of("idx.gzipCut", "gzip file is truncated: its compressed data ends before its end mark"),
                    e);
        }
    }

    /** The gzip trailer's ISIZE: the uncompressed length modulo 2³², exact for the files we accept. */
    private static long gzipUncompressedLength(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() < 18) throw new IdxFormatException(file, "gzip file is truncated");
            raf.seek(raf.length() - 4);
            int b0 = raf.read(), b1 = raf.read(), b2 = raf.read(), b3 = raf.read();
            return ((long) b3 << 24 | (long) b2 << 16 | (long) b1 << 8 | b0) & 0xFFFFFFFFL;
        }
    }
}
