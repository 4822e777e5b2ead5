package org.relata.exchange.codec;

import java.util.Arrays;

/**
 * The one tokeniser of Relata, shared by the CoNLL and Prodigy exports and by token-level agreement (documented in
 * docs/formats.md and docs/agreement.md): a token is a maximal run of letters, digits and combining marks, or any other
 * single non-space code point together with the non-spacing marks that follow it. Bounds are code points:
 * {@code starts[i]} inclusive, {@code ends[i]} exclusive, both ascending.
 */
public record TokenBounds(int[] starts, int[] ends) {

    public static TokenBounds of(int[] codePoints) {
        int[] starts = new int[codePoints.length];
        int[] ends = new int[codePoints.length];
        int count = 0;
        int i = 0;
        while (i < codePoints.length) {
            if (space(codePoints[i])) {
                i++;
                continue;
            }
            starts[count] = i;
            i = word(codePoints[i]) ? endOfWord(codePoints, i) : endOfSymbol(codePoints, i);
            ends[count++] = i;
        }
        return new TokenBounds(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    public static TokenBounds of(String text) {
        return of(text.codePoints().toArray());
    }

    public int size() {
        return starts.length;
    }

    /** The first token whose end lies after the offset (binary search; token ends ascend). */
    public int firstEndingAfter(int offset) {
        int low = 0;
        int high = ends.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int endOfWord(int[] cps, int from) {
        int i = from;
        while (i < cps.length && word(cps[i])) {
            i++;
        }
        return i;
    }

    // combining marks belong to the symbol before them
    private static int endOfSymbol(int[] cps, int from) {
        int i = from + 1;
        while (i < cps.length && Character.getType(cps[i]) == Character.NON_SPACING_MARK) {
            i++;
        }
        return i;
    }

    private static boolean space(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean word(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
