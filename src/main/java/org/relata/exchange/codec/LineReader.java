package org.relata.exchange.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an upload line by line as strict UTF-8, never holding more than one line: invalid UTF-8, a byte-order mark
 * and over-long lines are errors that name the line. Lines end at \n; a \r before it is dropped. Each line's bytes
 * are decoded on their own, so an encoding error names the right line.
 */
public final class LineReader {

    private final InputStream in;
    private final String file;
    private final long maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1 << 12];
    private int lineNumber;
    private int lineBytes;

    public LineReader(InputStream in, String file, long maxBytes) {
        this.in = in;
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** The number of the line last returned, 1-based. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The size in bytes of the line last returned, without its terminator. */
    public int lineBytes() {
        return lineBytes;
    }

    /** The next line without its terminator, or null at the end. */
    public String next() {
        int length = 0;
        boolean any = false;
        try {
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int n = position - start;
                if (length + n > maxBytes) {
                    throw ImportError.tooLarge(file, lineNumber + 1, "Line " + (lineNumber + 1)
                            + " is longer than the largest document allowed (" + maxBytes + " bytes).");
                }
                if (length + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
                }
                System.arraycopy(buffer, start, line, length, n);
                length += n;
                if (position < limit) {
                    position++;
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        lineBytes = length;
        if (lineNumber == 1 && length >= 3 && (line[0] & 0xff) == 0xef && (line[1] & 0xff) == 0xbb && (line[2] & 0xff) == 0xbf) {
            throw ImportError.inFile(file, 1, "The file starts with a byte-order mark (BOM); save it as UTF-8 without BOM.");
        }
        try {
            return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw ImportError.inFile(file, lineNumber, "Line " + lineNumber + " is not valid UTF-8.");
        }
    }
}
