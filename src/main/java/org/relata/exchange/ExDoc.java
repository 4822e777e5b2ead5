package org.relata.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document with one layer of annotations, as every importer produces and every exporter consumes it.
 * Offsets are code points. {@code where} says where it came from, so that errors can point there.
 */
final class ExDoc {

    String id;
    /** The text; on export it may come as {@link #utf8} only, read it with {@link #text()}. */
    String text;
    /** On export: the text's UTF-8 bytes as the database sent them, so the native format writes them unchanged. */
    byte[] utf8;
    Map<String, Object> meta = new LinkedHashMap<>();
    /** "gold", "suggestions" or a username; on import the target decides, this is only read on export. */
    String annotator;
    /** "new", "in_progress", "done", or null when the file does not say. */
    String status;
    final List<ExSpan> spans = new ArrayList<>();
    final List<ExRelation> relations = new ArrayList<>();
    Where where;

    String text() {
        if (text == null && utf8 != null) {
            text = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
        }
        return text;
    }

    /** The text a span covers: as the file gave it on import, cut from the document's bytes on export. */
    String textOf(ExSpan span) {
        if (span.text == null && utf8 != null) {
            span.text = new String(utf8, span.utf8Start, span.utf8End - span.utf8Start, java.nio.charset.StandardCharsets.UTF_8);
        }
        return span.text;
    }

    /** True when the file carries annotations or a status for this document, so a layer is written. */
    boolean hasLayer() {
        return status != null || !spans.isEmpty() || !relations.isEmpty();
    }

    static final class ExSpan {
        String id;
        int start;
        int end;
        String label;
        /** The text the file claims the span covers, checked against the document; null when not given. */
        String text;
        /** On export: where the span's text lies in the document's UTF-8 bytes. */
        int utf8Start;
        int utf8End;
        Map<String, Object> attributes = new LinkedHashMap<>();
        String note;
        final List<Link> links = new ArrayList<>();
        Where where;
        /** Filled by the writer: the span's database id. */
        long dbId;
        /** On import: the entity type's database id. */
        long typeId;
        /** On export: the span's place in its document's order (T1 is 0). */
        int position;
    }

    static final class ExRelation {
        String id;
        String label;
        String head;
        String tail;
        Map<String, Object> attributes = new LinkedHashMap<>();
        String note;
        Where where;
        /** On import: the relation type's database id. */
        long typeId;
        /** On export: head and tail positions packed into one number, the relation's sort key. */
        long order;
    }

    record Link(String resource, String id, String text) {
    }

    /** A place in an uploaded file: file name (or null), 1-based line (or null), JSON path prefix (or null). */
    record Where(String file, Integer line, String field) {

        Where field(String suffix) {
            return new Where(file, line, field == null ? null : field + suffix);
        }
    }
}
