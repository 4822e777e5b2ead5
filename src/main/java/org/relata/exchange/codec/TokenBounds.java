package org.relata.exchange.codec;

import java.util.Arrays;

/**
 * The one table of word boundaries, shared by the CoNLL and Prodigy exports, token-level agreement and (written again
 * in JavaScript, checked against the same cases by WordBoundariesTest) the workspace's snapping and keyboard caret:
 * <ul>
 * <li>word: letters, digits, marks and _ in any script, joined by an inner - ' ’ or . ("Jong-un", "don't", "U.S",
 * "3.5");</li>
 * <li>clitic: ’s or 's at the end of a word is a token of its own ("Korea’s" is "Korea" + "’s");</li>
 * <li>other: every other code point that is not white space is a token of its own.</li>
 * </ul>
 * Bounds are code points: {@code starts[i]} inclusive, {@code ends[i]} exclusive, both ascending.
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
            int end = core(codePoints[i]) ? endOfWord(codePoints, i) : i + 1;
            if (end - i > 2 && clitic(codePoints, end)) {
                starts[count] = i;
                ends[count++] = end - 2;
                i = end - 2;
            }
            starts[count] = i;
            ends[count++] = end;
            i = end;
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
        while (true) {
            while (i < cps.length && core(cps[i])) {
                i++;
            }
            if (i + 1 < cps.length && joiner(cps[i]) && core(cps[i + 1])) {
                i++;
            } else {
                return i;
            }
        }
    }

    private static boolean clitic(int[] cps, int end) {
        return (cps[end - 2] == '\'' || cps[end - 2] == '\u2019') && (cps[end - 1] == 's' || cps[end - 1] == 'S');
    }

    private static boolean joiner(int c) {
        return c == '\'' || c == '\u2019' || c == '-' || c == '.';
    }

    /** JavaScript's \s: tab to carriage return, Unicode space separators and the byte order mark. */
    private static boolean space(int c) {
        return c >= '\t' && c <= '\r' || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /** JavaScript's [\p{L}\p{N}\p{M}_]. */
    private static boolean core(int c) {
        if (Character.isLetter(c) || c == '_') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }
}
