package org.relata.exchange;

/**
 * Converts between code-point offsets (what users and files see) and Java's UTF-16 indexes, in O(1) per call
 * after one pass over the text. Texts without characters outside the BMP need no table at all.
 */
final class CodePoints {

    private final String text;
    private final int length;
    /** UTF-16 index of every code point, plus the end; null when both coincide. */
    private final int[] index;

    CodePoints(String text) {
        this.text = text;
        this.length = text.codePointCount(0, text.length());
        if (length == text.length()) {
            index = null;
        } else {
            index = new int[length + 1];
            int cp = 0;
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                index[cp++] = i;
            }
            index[length] = text.length();
        }
    }

    int length() {
        return length;
    }

    int utf16(int codePoint) {
        return index == null ? codePoint : index[codePoint];
    }

    /** Code point offset of a UTF-16 index (which must be on a code point boundary). */
    int codePoint(int utf16) {
        if (index == null) {
            return utf16;
        }
        int at = java.util.Arrays.binarySearch(index, utf16);
        return at >= 0 ? at : -at - 1;
    }

    String slice(int start, int end) {
        return text.substring(utf16(start), utf16(end));
    }
}
