package org.relata.exchange.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document with one layer of annotations, as every importer produces and every exporter consumes it.
 * Offsets are code points. {@code where} says where it came from, so that errors can point there.
 */
public final class ExDoc {

    public String id;
    /** The text; on export it may come as {@link #utf8} only, read it with {@link #text()}. */
    public String text;
    /** On export: the text's UTF-8 bytes as the database sent them, so the native format writes them unchanged. */
    public byte[] utf8;
    public Map<String, Object> meta = new LinkedHashMap<>();
    /** "gold", "suggestions" or a username; on import the target decides, this is only read on export. */
    public String annotator;
    /** "new", "in_progress", "done", or null when the file does not say. */
    public String status;
    public final List<ExSpan> spans = new ArrayList<>();
    public final List<ExRelation> relations = new ArrayList<>();
    /** brat's equivalence sets ({@code * Equiv T1 T2}): undirected groups of spans, named by their ids in the file. */
    public final List<ExEquivalence> equivalences = new ArrayList<>();
    /** brat's events ({@code E1 Binding:T5 Theme:T1}). */
    public final List<ExEvent> events = new ArrayList<>();
    public Where where;
    /**
     * On import: how many bytes of the upload this document was read from (its JSONL line; brat's .txt and .ann), so
     * that the writer can bound what a batch holds in memory by bytes, not only by documents.
     */
    public long sourceBytes;

    public String text() {
        if (text == null && utf8 != null) {
            text = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
        }
        return text;
    }

    /** The text a span covers: as the file gave it on import, cut from the document's bytes on export. */
    public String textOf(ExSpan span) {
        if (span.text == null && utf8 != null) {
            span.text = new String(utf8, span.utf8Start, span.utf8End - span.utf8Start, java.nio.charset.StandardCharsets.UTF_8);
        }
        return span.text;
    }

    /** True when the file carries annotations or a status for this document, so a layer is written. */
    public boolean hasLayer() {
        return status != null || !spans.isEmpty() || !relations.isEmpty() || !equivalences.isEmpty() || !events.isEmpty();
    }

    /** What spans and relations share: the id the file gives them, a label, attributes, a note, where they stand. */
    public abstract static class ExAnnotation {
        public String id;
        public String label;
        public Map<String, Object> attributes = new LinkedHashMap<>();
        public String note;
        /** Notes of another type than brat's AnnotatorNotes (which is {@link #note}), in file order. */
        public List<Note> notes = new ArrayList<>();
        public Where where;
        /** On import: the entity or relation type's database id. */
        public long typeId;
        /**
         * How sure whoever suggested the span or relation was; null when the file does not say (kept for suggestions).
         * Events carry none.
         */
        public Double score;

        /** Says where a file gives the annotation, its id there and its label. */
        @SuppressWarnings("unchecked")
        public final <T extends ExAnnotation> T named(Where where, String id, String label) {
            this.where = where;
            this.id = id;
            this.label = label;
            return (T) this;
        }
    }

    public static final class ExSpan extends ExAnnotation {
        public int start;
        public int end;
        /** A discontinuous span's fragments {start, end} in text order; null for a contiguous span. */
        public List<int[]> fragments;
        /** The text the file claims the span covers, checked against the document; null when not given. */
        public String text;
        /** On export: where the span's text lies in the document's UTF-8 bytes. */
        public int utf8Start;
        public int utf8End;
        public final List<Link> links = new ArrayList<>();
        /** Filled by the writer: the span's database id. */
        public long dbId;
        /** On export: the span's place in its document's order (T1 is 0). */
        public int position;

        public ExSpan(int start, int end) {
            this.start = start;
            this.end = end;
        }
    }

    public static final class ExRelation extends ExAnnotation {
        public String head;
        public String tail;
        /** On export: head and tail positions packed into one number, the relation's sort key. */
        public long order;

        /** Between the spans a file calls head and tail (their ids in the file). */
        public ExRelation(String head, String tail) {
            this.head = head;
            this.tail = tail;
        }
    }

    public record Link(String resource, String id, String text) {
    }

    /** A typed note: brat's {@code #1 Lemma T3 text}. */
    public record Note(String type, String text) {
    }

    /** An equivalence set: its type (brat writes Equiv) and its members' ids in the file, in order. */
    public static final class ExEquivalence {
        public String type;
        public final List<String> members = new ArrayList<>();
        public Where where;
    }

    /** An event: a trigger span, a type (the label) and ordered role → argument pairs (span or event ids). */
    public static final class ExEvent extends ExAnnotation {
        public String trigger;
        public final List<Argument> arguments = new ArrayList<>();
        /** On import: the database ids written for it. */
        public long dbId;
    }

    /** One argument of an event: a role (brat's numbered Theme2 kept as written) and the span or event it names. */
    public record Argument(String role, String ref) {
    }

    /** A place in an uploaded file: file name (or null), 1-based line (or null), JSON path prefix (or null). */
    public record Where(String file, Integer line, String field) {

        public Where field(String suffix) {
            return new Where(file, line, field == null ? null : field + suffix);
        }
    }
}
