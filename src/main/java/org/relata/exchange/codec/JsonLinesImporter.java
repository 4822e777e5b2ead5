package org.relata.exchange.codec;

import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Formats with one JSON document per line: reads the lines (size-limited, numbered) and parses each. */
public abstract class JsonLinesImporter implements Importer {

    private final long maxDocumentSize;

    protected JsonLinesImporter(long maxDocumentSize) {
        this.maxDocumentSize = maxDocumentSize;
    }

    @Override
    public void read(InputStream body, String file, ImportSink sink, List<String> skipped) {
        LineReader lines = new LineReader(body, file, maxDocumentSize);
        for (String line = lines.next(); line != null; line = lines.next()) {
            ExDoc.Where where = new ExDoc.Where(file, lines.lineNumber(), "$");
            ExDoc doc = document(JsonFields.parseLine(line, where), where);
            doc.sourceBytes = lines.lineBytes();
            sink.add(doc);
        }
    }

    protected abstract ExDoc document(ObjectNode line, ExDoc.Where where);

    /** A document with the keys both line formats share: id, text and meta. */
    protected static ExDoc start(ObjectNode line, ExDoc.Where where, String id) {
        ExDoc doc = new ExDoc();
        doc.where = where;
        doc.id = id;
        doc.text = JsonFields.string(line, "text", where, true);
        doc.meta = JsonFields.object(line, "meta", where);
        return doc;
    }
}
