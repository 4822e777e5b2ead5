package org.relata.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

import org.relata.annotation.AgreementDoc.SpanMark;

/**
 * The units of token-level agreement (docs/agreement.md): the tokens of a text, each tagged B-LABEL, I-LABEL or O from
 * one annotator's spans. Tokens follow the rule of the CoNLL and Prodigy exports (docs/formats.md): a maximal run of
 * letters, digits and combining marks, or any other single non-space code point with the marks that follow it.
 */
final class TokenTags {

    static final String OUTSIDE = "O";

    /** Token boundaries in code points: starts[i] inclusive, ends[i] exclusive. */
    record Tokens(int[] starts, int[] ends) {

        int size() {
            return starts.length;
        }
    }

    private TokenTags() {
    }

    static Tokens tokens(String text) {
        int[] cps = text.codePoints().toArray();
        int[] starts = new int[cps.length];
        int[] ends = new int[cps.length];
        int count = 0;
        int i = 0;
        while (i < cps.length) {
            if (Character.isWhitespace(cps[i]) || Character.isSpaceChar(cps[i])) {
                i++;
                continue;
            }
            starts[count] = i;
            if (word(cps[i])) {
                while (i < cps.length && word(cps[i])) {
                    i++;
                }
            } else {
                i++;
                while (i < cps.length && Character.getType(cps[i]) == Character.NON_SPACING_MARK) {
                    i++;
                }
            }
            ends[count++] = i;
        }
        return new Tokens(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    /**
     * One tag per token, as the category number {@code category} gives it. A token belongs to a span when they share a code point; the span's first such token is B-,
     * the others I-. Where spans of one annotator overlap, the one starting first (the longer, on a tie) keeps the token.
     */
    static int[] tags(Tokens tokens, List<SpanMark> spans, ToIntFunction<String> category) {
        int outside = category.applyAsInt(OUTSIDE);
        int[] tags = new int[tokens.size()];
        Arrays.fill(tags, outside);
        List<SpanMark> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingInt(SpanMark::start).thenComparing(SpanMark::end, Comparator.reverseOrder()));
        for (SpanMark span : ordered) {
            int begin = category.applyAsInt("B-" + span.label());
            int inside = category.applyAsInt("I-" + span.label());
            boolean first = true;
            for (int t = firstEndingAfter(tokens.ends(), span.start()); t < tokens.size() && tokens.starts()[t] < span.end(); t++) {
                if (tags[t] == outside) {
                    tags[t] = first ? begin : inside;
                }
                first = false;
            }
        }
        return tags;
    }

    /** The first token whose end lies after the offset (binary search; token ends ascend). */
    private static int firstEndingAfter(int[] ends, int offset) {
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

    private static boolean word(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
