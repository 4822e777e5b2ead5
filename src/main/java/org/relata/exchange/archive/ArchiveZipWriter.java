package org.relata.exchange.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the archive's entries one after the other into a zip, each through a SHA-256 digest and a byte count, so
 * that the manifest written last can name every entry's checksum without holding any entry in memory.
 */
final class ArchiveZipWriter {

    /** The checksum and size of one written entry. */
    record Written(String sha256, long bytes) {
    }

    private final ZipOutputStream zip;
    private final Map<String, Written> written = new LinkedHashMap<>();

    ArchiveZipWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out);
        // The fastest level: the archive streams while the database is read; level 6 cost twice the CPU for
        // a few per cent less size on JSON.
        zip.setLevel(Deflater.BEST_SPEED);
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes one entry; {@code body} must not close the stream it is given. */
    void entry(String name, Body body) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest digest = sha256();
        long[] count = {0};
        OutputStream entry = new FilterOutputStream(zip) {
            @Override
            public void write(int b) throws IOException {
                digest.update((byte) b);
                count[0]++;
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                digest.update(b, off, len);
                count[0] += len;
                out.write(b, off, len);
            }

            @Override
            public void close() {
                // the zip stays open for the next entry
            }
        };
        java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(entry, 1 << 16);
        body.write(buffered);
        buffered.flush();
        zip.closeEntry();
        written.put(name, new Written(HexFormat.of().formatHex(digest.digest()), count[0]));
    }

    Map<String, Written> written() {
        return written;
    }

    void finish() throws IOException {
        zip.finish();
        zip.flush();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
