package org.relata.exchange.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An uploaded zip, spooled to a temporary file so that entries can be paired (NAME.txt with NAME.ann) in any order.
 * Names with {@code ..} or absolute paths are refused; unpacking stops with 413 when an entry expands more than the
 * configured ratio or the total goes over the configured size (zip bombs).
 */
public final class SafeZip implements AutoCloseable {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path file;
    private final ZipFile zip;
    private final ImportLimits limits;
    private long unpacked;

    private SafeZip(Path file, ImportLimits limits) {
        this.file = file;
        this.limits = limits;
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (ZipException | java.io.EOFException e) {
            // EOFException: a zip cut short before its directory (found by BratFuzzTest)
            delete(file);
            throw ImportError.inFile(null, null, "The upload is not a valid zip file.");
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
    }

    public static SafeZip spool(InputStream body, ImportLimits limits) {
        try {
            Path file = Files.createTempFile(limits.spoolFolder(), "relata-import", ".zip");
            try {
                Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                delete(file);
                throw e;
            }
            return new SafeZip(file, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files that zip tools and brat add next to the data; no importer reads them. */
    public static boolean ignorable(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || base.startsWith(".") || base.equals("visual.conf") || base.equals("tools.conf")
                || base.equals("kb_shortcuts.conf");
    }

    /** The file entries (no folders), names checked, in the zip's order. */
    public List<ZipEntry> entries() {
        List<ZipEntry> entries = new ArrayList<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            String name = entry.getName();
            if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches()) {
                throw ImportError.inFile(name, null, "The zip holds an entry with an absolute path: '" + name + "'.");
            }
            for (String part : name.split("[/\\\\]")) {
                if (part.equals("..")) {
                    throw ImportError.inFile(name, null, "The zip holds an entry whose name climbs out with '..': '" + name + "'.");
                }
            }
            if (!entry.isDirectory()) {
                entries.add(entry);
            }
            if (entries.size() > limits.maxZipEntries()) {
                throw ImportError.tooLarge(null, null, "The zip holds more than " + limits.maxZipEntries() + " files.");
            }
        }
        return entries;
    }

    /** The entry's bytes, at most {@code max}; counts towards the zip's total and checks the expansion ratio. */
    public byte[] read(ZipEntry entry, long max) {
        try (InputStream in = stream(entry)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                if (total > max) {
                    throw ImportError.tooLarge(entry.getName(), null, "'" + entry.getName()
                            + "' is larger than the largest document allowed (" + max + " bytes).");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException | java.io.EOFException e) {
            // damaged or cut-short compressed data is the upload's fault, not an I/O failure
            throw unpackable(entry, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entry as a stream, for entries too large to hold (a project archive's documents): counts towards the zip's
     * total and checks the expansion ratio as {@link #read} does, without a per-entry size limit.
     */
    public InputStream open(ZipEntry entry) {
        try {
            return stream(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry unpacked as it is read, each chunk counted against the expansion ratio and the zip's total. */
    private InputStream stream(ZipEntry entry) throws IOException {
        InputStream in = zip.getInputStream(entry);
        long packed = Math.max(entry.getCompressedSize(), 1);
        return new CountedInput(in) {
            private long total;

            @Override
            void counted(int n) {
                total += n;
                unpacked += n;
                if (total > (1 << 20) && total > packed * limits.maxZipRatio()) {
                    throw ImportError.tooLarge(entry.getName(), null, "'" + entry.getName() + "' expands more than "
                            + limits.maxZipRatio() + " times: the zip looks like a zip bomb.");
                }
                if (unpacked > limits.maxZipTotalSize()) {
                    throw ImportError.tooLarge(entry.getName(), null, "The zip unpacks to more than "
                            + limits.maxZipTotalSize() + " bytes.");
                }
            }

            @Override
            RuntimeException damaged(IOException e) {
                // a cut-short entry read as a stream stays an I/O failure, as the caller reads it
                return e instanceof ZipException ? unpackable(entry, e) : null;
            }
        };
    }

    private static RuntimeException unpackable(ZipEntry entry, IOException e) {
        return ImportError.inFile(entry.getName(), null, "'" + entry.getName() + "' cannot be unpacked: " + e.getMessage());
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // the temporary file goes anyway
        }
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }
}
