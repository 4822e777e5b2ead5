package org.relata.exchange.format.tokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relata.exchange.codec.ExDoc;

/**
 * The one tokeniser of the Prodigy and CoNLL exports, deterministic and documented in docs/formats.md: a token is a
 * maximal run of letters, combining marks and digits, or any other single non-space code point. Offsets are code
 * points. A sentence (CoNLL) ends at a line break, or after '.', '!' or '?' followed by white space.
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
        List<int[]> bounds = new ArrayList<>();
        int i = 0;
        while (i < cps.length) {
            int c = cps[i];
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            int start = i;
            if (word(c)) {
                while (i < cps.length && word(cps[i])) {
                    i++;
                }
            } else {
                i++;
                // combining marks belong to the symbol before them
                while (i < cps.length && Character.getType(cps[i]) == Character.NON_SPACING_MARK) {
                    i++;
                }
            }
            bounds.add(new int[] {start, i});
        }
        List<Token> tokens = new ArrayList<>(bounds.size());
        for (int t = 0; t < bounds.size(); t++) {
            int start = bounds.get(t)[0];
            int end = bounds.get(t)[1];
            int next = t + 1 < bounds.size() ? bounds.get(t + 1)[0] : cps.length;
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

    private static boolean word(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
