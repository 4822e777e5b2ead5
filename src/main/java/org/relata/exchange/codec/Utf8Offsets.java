package org.relata.exchange.codec;

/**
 * Code-point offsets into UTF-8 bytes, so an export can cut span texts out of a document without decoding it.
 * All-ASCII texts (most of them) need no table; others get one pass.
 */
public final class Utf8Offsets {

    /** Byte index of every code point, plus the end; null when both coincide (ASCII). */
    private final int[] index;

    public Utf8Offsets(byte[] utf8) {
        int nonAscii = firstNonAscii(utf8);
        if (nonAscii < 0) {
            index = null;
            return;
        }
        int codePoints = nonAscii;
        for (int i = nonAscii; i < utf8.length; i++) {
            // every byte but a continuation byte (10xxxxxx) starts a code point
            if ((utf8[i] & 0xC0) != 0x80) {
                codePoints++;
            }
        }
        index = new int[codePoints + 1];
        int cp = 0;
        for (int i = 0; i < utf8.length; i++) {
            if ((utf8[i] & 0xC0) != 0x80) {
                index[cp++] = i;
            }
        }
        index[cp] = utf8.length;
    }

    private static int firstNonAscii(byte[] utf8) {
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    public int byteOffset(int codePoint) {
        return index == null ? codePoint : index[codePoint];
    }
}
