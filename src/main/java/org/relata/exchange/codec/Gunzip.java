package org.relata.exchange.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip body unpacked as it is read, within the import's limit on unpacked bytes (a gzip bomb is small on the wire
 * and huge expanded): over it, 413. Damaged or cut-short gzip data is the import's own 400, not an I/O failure.
 */
public final class Gunzip extends CountedInput {

    private final String file;
    private final long max;
    private long unpacked;

    private Gunzip(InputStream in, String file, long max) {
        super(in);
        this.file = file;
        this.max = max;
    }

    public static InputStream open(InputStream packed, String file, long maxUnpacked) {
        try {
            return new Gunzip(new GZIPInputStream(packed, 1 << 16), file, maxUnpacked);
        } catch (ZipException | EOFException e) {
            throw ImportError.inFile(file, null, "The body is marked as gzip but is not gzip data.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    void counted(int n) {
        unpacked += n;
        if (unpacked > max) {
            throw ImportError.tooLarge(file, null, "The gzip body unpacks to more than " + max
                    + " bytes (the limit on unpacked uploads); split the file.");
        }
    }

    @Override
    RuntimeException damaged(IOException e) {
        return ImportError.inFile(file, null, "The gzip body is damaged or cut short.");
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }
}
