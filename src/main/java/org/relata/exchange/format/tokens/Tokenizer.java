package org.relata.exchange.format.tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.TokenBounds;

/**
 * Tokens of the Prodigy and CoNLL exports, cut by {@link TokenBounds} (docs/formats.md), with their text, the space
 * after them and sentence ends: a sentence (CoNLL) ends at a line break, or after '.', '!' or '?' followed by white
 * space. Offsets are code points.
 */
final class Tokenizer {

    record Token(int start, int end, String text, boolean spaceAfter, boolean sentenceEnd) {
    }

    /** A text's tokens, and which token starts or ends at a code point offset (spans map to token indexes). */
    record Tokens(List<Token> list, Map<Integer, Integer> byStart, Map<Integer, Integer> byEnd) {

        /** The first and last token a span covers, or null when it does not start and end on token edges. */
        int[] covering(ExDoc.ExSpan span) {
            Integer first = byStart.get(span.start);
            Integer last = byEnd.get(span.end);
            return first == null || last == null ? null : new int[] {first, last};
        }
    }

    private Tokenizer() {
    }

    static Tokens index(String text) {
        List<Token> tokens = tokens(text);
        Map<Integer, Integer> byStart = new HashMap<>();
        Map<Integer, Integer> byEnd = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            byStart.put(tokens.get(i).start(), i);
            byEnd.put(tokens.get(i).end(), i);
        }
        return new Tokens(tokens, byStart, byEnd);
    }

    static List<Token> tokens(String text) {
        int[] cps = text.codePoints().toArray();
        TokenBounds bounds = TokenBounds.of(cps);
        List<Token> tokens = new ArrayList<>(bounds.size());
        for (int t = 0; t < bounds.size(); t++) {
            int start = bounds.starts()[t];
            int end = bounds.ends()[t];
            int next = t + 1 < bounds.size() ? bounds.starts()[t + 1] : cps.length;
            boolean space = next > end;
            boolean lineBreak = false;
            for (int k = end; k < next; k++) {
                if (cps[k] == '\n' || cps[k] == '\r') {
                    lineBreak = true;
                }
            }
            String tokenText = new String(cps, start, end - start);
            boolean stop = end - start == 1 && (cps[start] == '.' || cps[start] == '!' || cps[start] == '?') && space;
            tokens.add(new Token(start, end, tokenText, space, lineBreak || stop || t + 1 == bounds.size()));
        }
        return tokens;
    }
}
