package org.relata.exchange.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Whole-file strict UTF-8 decoding for text files (brat .txt/.ann, plain text); errors name the line. */
public final class Utf8 {

    private Utf8() {
    }

    public static String decode(byte[] bytes, String file) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            throw ImportError.inFile(file, 1, "The file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"
                    + " (a BOM would shift every offset by one).");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw ImportError.inFile(file, line, "Line " + line + " is not valid UTF-8 (byte " + in.position() + ").");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        if (text.indexOf('\u0000') >= 0) {
            throw ImportError.inFile(file, null, "The file contains a NUL character, which a text cannot hold.");
        }
        return text;
    }
}
