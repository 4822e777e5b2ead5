package org.relata.exchange.codec;

/**
 * Converts between code-point offsets (what users and files see) and Java's UTF-16 indexes, in O(1) per call
 * after one pass over the text. Texts without characters outside the BMP need no table at all.
 */
public final class CodePoints {

    private final String text;
    private final int length;
    /** UTF-16 index of every code point, plus the end; null when both coincide. */
    private final int[] index;

    public CodePoints(String text) {
        this.text = text;
        int chars = text.length();
        // String.codePointCount is O(1) for Latin-1 strings and a tight loop otherwise: most texts stop here.
        this.length = text.codePointCount(0, chars);
        if (length == chars) {
            index = null;
            return;
        }
        index = new int[length + 1];
        int cp = 0;
        for (int i = 0; i < chars; i++) {
            index[cp++] = i;
            if (Character.isHighSurrogate(text.charAt(i)) && i + 1 < chars
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
        }
        index[cp] = chars;
    }

    public int length() {
        return length;
    }

    public int utf16(int codePoint) {
        return index == null ? codePoint : index[codePoint];
    }

    public String slice(int start, int end) {
        return text.substring(utf16(start), utf16(end));
    }
}
