package org.relata.exchange.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small UTF-8 JSON writer for output whose shape is fixed: the caller writes the structure as pre-encoded
 * fragments and this class encodes strings and numbers. It writes exactly what Jackson writes for the same values
 * (same escapes, upper-case hex, characters outside the BMP as themselves), without Jackson's per-token context
 * checks, which were most of an export's time.
 */
public final class JsonBytes {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = ascii("null");
    /** For each ASCII byte: 0 when written as is, the escape letter, or 'u' for a \\u00XX escape. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;

    public JsonBytes(OutputStream out) {
        this.out = out;
    }

    public static byte[] ascii(String fragment) {
        return fragment.getBytes(StandardCharsets.US_ASCII);
    }

    /** A string as a JSON string literal, quotes included; for values written often (labels). */
    public static byte[] literal(String value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            JsonBytes json = new JsonBytes(out);
            json.string(value);
            json.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public JsonBytes raw(byte[] fragment) throws IOException {
        return raw(fragment, 0, fragment.length);
    }

    public JsonBytes raw(byte[] bytes, int from, int length) throws IOException {
        if (length > buffer.length - position) {
            flush();
            if (length > buffer.length) {
                out.write(bytes, from, length);
                return this;
            }
        }
        System.arraycopy(bytes, from, buffer, position, length);
        position += length;
        return this;
    }

    public JsonBytes raw(char ascii) throws IOException {
        if (position == buffer.length) {
            flush();
        }
        buffer[position++] = (byte) ascii;
        return this;
    }

    public JsonBytes number(long value) throws IOException {
        if (buffer.length - position < 20) {
            flush();
        }
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return raw(ascii(Long.toString(value)));
            }
            buffer[position++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int at = position + digits;
        do {
            buffer[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        position += digits;
        return this;
    }

    /** A JSON string, or null. */
    public JsonBytes string(String value) throws IOException {
        if (value == null) {
            return raw(NULL);
        }
        return utf8String(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string from the UTF-8 bytes of its value: only quotes, backslashes and control characters change. */
    public JsonBytes utf8String(byte[] utf8) throws IOException {
        return utf8String(utf8, 0, utf8.length);
    }

    public JsonBytes utf8String(byte[] utf8, int from, int to) throws IOException {
        raw('"');
        int run = from;
        for (int i = from; i < to; i++) {
            byte b = utf8[i];
            if (b >= 0 && ESCAPES[b] != 0) {
                raw(utf8, run, i - run);
                escape(b);
                run = i + 1;
            }
        }
        raw(utf8, run, to - run);
        return raw('"');
    }

    private void escape(byte b) throws IOException {
        if (buffer.length - position < 6) {
            flush();
        }
        buffer[position++] = '\\';
        byte letter = ESCAPES[b];
        buffer[position++] = letter;
        if (letter == 'u') {
            buffer[position++] = '0';
            buffer[position++] = '0';
            buffer[position++] = HEX[b >> 4];
            buffer[position++] = HEX[b & 0xF];
        }
    }

    public void flush() throws IOException {
        if (position > 0) {
            out.write(buffer, 0, position);
            position = 0;
        }
    }
}
