package org.relata.exchange.format.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipEntry;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ImportError;
import org.relata.exchange.codec.ImportLimits;
import org.relata.exchange.codec.ImportSink;
import org.relata.exchange.codec.Importer;
import org.relata.exchange.codec.SafeZip;
import org.relata.exchange.codec.Utf8;

/** Plain UTF-8 text: one document (id from the file name, else "document"), or a zip of .txt files. */
public final class TextImporter implements Importer {

    private final ImportLimits limits;

    public TextImporter(ImportLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(InputStream body, String file, ImportSink sink, List<String> skipped) throws IOException {
        BufferedInputStream in = body instanceof BufferedInputStream b ? b : new BufferedInputStream(body);
        in.mark(4);
        boolean zip = in.read() == 'P' && in.read() == 'K';
        in.reset();
        if (zip) {
            try (SafeZip archive = SafeZip.spool(in, limits)) {
                for (ZipEntry entry : archive.entries()) {
                    String name = entry.getName();
                    if (!name.endsWith(".txt") || SafeZip.ignorable(name)) {
                        skipped.add(name);
                        continue;
                    }
                    byte[] bytes = archive.read(entry, limits.maxDocumentSize());
                    ExDoc doc = document(name.substring(0, name.length() - 4), Utf8.decode(bytes, name), name);
                    doc.sourceBytes = bytes.length;
                    sink.add(doc);
                }
            }
            return;
        }
        long max = limits.maxDocumentSize();
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw ImportError.tooLarge(file, null, "The text is larger than the largest document allowed (" + max + " bytes).");
        }
        String id = file == null ? "document" : file.replaceFirst("\\.txt$", "");
        ExDoc doc = document(id, Utf8.decode(bytes, file), file);
        doc.sourceBytes = bytes.length;
        sink.add(doc);
    }

    private static ExDoc document(String id, String text, String file) {
        ExDoc doc = new ExDoc();
        doc.id = id;
        doc.text = text;
        doc.where = new ExDoc.Where(file, null, null);
        return doc;
    }
}
