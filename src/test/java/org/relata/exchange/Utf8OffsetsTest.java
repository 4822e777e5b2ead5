package org.relata.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.relata.exchange.codec.Utf8Offsets;

/** Span texts on export are cut from the document's UTF-8 bytes at code-point offsets. */
class Utf8OffsetsTest {

    private static final String[] PIECES = {"a", " ", "\r\n", "é", "e\u0301", "北京", "😀", "🇰🇷", "\uffff", "ß"};

    @Test
    void everyCodePointOffsetMapsToTheBytesBeforeIt() {
        Random random = new Random(11);
        for (int n = 0; n < 500; n++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(40);
            boolean ascii = n % 5 == 0;
            for (int i = 0; i < pieces; i++) {
                text.append(ascii ? "ab\r\n".substring(0, 1 + random.nextInt(4)) : PIECES[random.nextInt(PIECES.length)]);
            }
            String s = text.toString();
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            Utf8Offsets offsets = new Utf8Offsets(utf8);
            int codePoints = s.codePointCount(0, s.length());
            for (int cp = 0; cp <= codePoints; cp++) {
                String before = s.substring(0, s.offsetByCodePoints(0, cp));
                assertEquals(before.getBytes(StandardCharsets.UTF_8).length, offsets.byteOffset(cp), s + " at " + cp);
            }
        }
    }
}
