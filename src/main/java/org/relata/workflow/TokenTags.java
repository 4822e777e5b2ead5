package org.relata.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

import org.relata.annotation.AgreementDoc.SpanMark;
import org.relata.exchange.codec.TokenBounds;

/**
 * The units of token-level agreement (docs/agreement.md): the tokens of a text, each tagged B-LABEL, I-LABEL or O from
 * one annotator's spans. Tokens are cut by {@link TokenBounds}, the tokeniser of the CoNLL and Prodigy exports.
 */
public final class TokenTags {

    public static final String OUTSIDE = "O";

    private TokenTags() {
    }

    /**
     * One tag per token, as the category number {@code category} gives it. A token belongs to a span when they share a code point; the span's first such token is B-,
     * the others I-. Where spans of one annotator overlap, the one starting first (the longer, on a tie) keeps the token.
     */
    public static int[] tags(TokenBounds tokens, List<SpanMark> spans, ToIntFunction<String> category) {
        int outside = category.applyAsInt(OUTSIDE);
        int[] tags = new int[tokens.size()];
        Arrays.fill(tags, outside);
        List<SpanMark> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingInt(SpanMark::start).thenComparing(SpanMark::end, Comparator.reverseOrder()));
        for (SpanMark span : ordered) {
            int begin = category.applyAsInt("B-" + span.label());
            int inside = category.applyAsInt("I-" + span.label());
            boolean first = true;
            for (int t = tokens.firstEndingAfter(span.start()); t < tokens.size() && tokens.starts()[t] < span.end(); t++) {
                if (tags[t] == outside) {
                    tags[t] = first ? begin : inside;
                }
                first = false;
            }
        }
        return tags;
    }
}
