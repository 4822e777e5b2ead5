package org.relata.exchange.codec;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Compressed input unpacked as it is read, its bytes counted so that the owner can stop a bomb (small on the wire,
 * huge expanded) as soon as it shows. Damaged data may become the import's own error instead of an I/O failure.
 */
abstract class CountedInput extends FilterInputStream {

    CountedInput(InputStream in) {
        super(in);
    }

    /** Called after every read of {@code n} bytes; throws to stop the upload. */
    abstract void counted(int n);

    /** The import's error for data that cannot be unpacked, or null to let the exception through as it is. */
    abstract RuntimeException damaged(IOException e);

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (ZipException | EOFException e) {
            RuntimeException error = damaged(e);
            if (error == null) {
                throw e;
            }
            throw error;
        }
        if (n > 0) {
            counted(n);
        }
        return n;
    }
}
