package org.initlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text the lab reads (settings, saved runs, lessons, sweep CSVs, checksum manifests): UTF-8, a leading
 * byte-order mark (Notepad, Excel) skipped, and bytes that are not UTF-8 named by line and column instead of
 * the decoder's "Input length = 1".
 */
public final class TextFiles {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Bytes that are not UTF-8 text; the message says where ("line 3, column 7 is not UTF-8 text (byte 0xE9)"), not which file. */
    public static final class NotUtf8Exception extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;

        NotUtf8Exception(int line, int column, int badByte) {
            super(String.format("line %d, column %d is not UTF-8 text (byte 0x%02X)", line, column, badByte & 0xFF));
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private TextFiles() {}

    /** {@code bytes} as UTF-8 text, without a leading byte-order mark. */
    public static String decode(byte[] bytes) throws NotUtf8Exception {
        int from = startsWithBom(bytes) ? BOM.length : 0;
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) throw at(bytes, from, in.position());
        r = d.flush(out);
        if (r.isError()) throw at(bytes, from, in.position());
        return out.flip().toString();
    }

    /** The text of {@code file}, refused above {@code maxBytes} (read no further than that). */
    public static String read(Path file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) throw new IOException(file + ": larger than " + maxBytes + " bytes");
            return decode(bytes);
        }
    }

    /** A whole file's text (for files whose size the caller has checked). */
    public static String read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
    }

    /** Where the byte at {@code bad} is: its line, and its column in characters of the valid text before it. */
    private static NotUtf8Exception at(byte[] bytes, int from, int bad) {
        int line = 1, lineStart = from;
        for (int i = from; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1 + new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length();
        return new NotUtf8Exception(line, column, bad < bytes.length ? bytes[bad] : 0);
    }
}
