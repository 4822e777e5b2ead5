package org.relata.exchange.archive;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.relata.annotation.SpanFragments;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * One line of documents.jsonl as it is gathered from the database and then written: a document with its layers, and
 * each layer's spans, relations, equivalences and events, in the archive's JSON shape.
 */
final class ArchiveLine {

    private ArchiveLine() {
    }

    /** A part of the line that writes itself as one JSON object. */
    interface Out {
        void writeFields(JsonGenerator json) throws IOException;

        default void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            writeFields(json);
            json.writeEndObject();
        }
    }

    record DocOut(long dbId, String externalId, String text, String meta, OffsetDateTime createdAt,
            List<LayerOut> layers, List<String> assigned, List<RejectionOut> rejections) implements Out {

        DocOut(long dbId, String externalId, String text, String meta, OffsetDateTime createdAt) {
            this(dbId, externalId, text, meta, createdAt, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        @Override
        public void writeFields(JsonGenerator json) throws IOException {
            json.writeStringField("id", externalId);
            json.writeStringField("text", text);
            writeRaw(json, "meta", meta);
            json.writeStringField("createdAt", createdAt.toString());
            writeStrings(json, "assignedTo", assigned);
            writeAll(json, "curationRejections", rejections);
            writeAll(json, "layers", layers);
        }
    }

    /** A curation rejection of the document: the item's key, who rejected it (null once deleted) and when. */
    record RejectionOut(String key, String by, String at) implements Out {
        @Override
        public void writeFields(JsonGenerator json) throws IOException {
            json.writeStringField("key", key);
            json.writeStringField("by", by);
            json.writeStringField("at", at);
        }
    }

    record LayerOut(String owner, String status, long version, OffsetDateTime updatedAt, List<SpanOut> spans,
            List<RelationOut> relations, List<EquivalenceOut> equivalences, List<EventOut> events) implements Out {

        LayerOut(String owner, String status, long version, OffsetDateTime updatedAt) {
            this(owner, status, version, updatedAt, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
        }

        @Override
        public void writeFields(JsonGenerator json) throws IOException {
            json.writeStringField("owner", owner);
            json.writeStringField("status", status);
            json.writeNumberField("version", version);
            json.writeStringField("updatedAt", updatedAt.toString());
            writeAll(json, "spans", spans);
            writeAll(json, "relations", relations);
            if (!equivalences.isEmpty()) {
                writeAll(json, "equivalences", equivalences);
            }
            if (!events.isEmpty()) {
                writeAll(json, "events", events);
            }
        }
    }

    /** Attributes, note, typed notes and score, as every kind of annotation carries them (JSON text, null when none). */
    record Extras(String attributes, String note, String notes, Double score) {

        void writeFields(JsonGenerator json) throws IOException {
            if (attributes != null) {
                writeRaw(json, "attributes", attributes);
            }
            if (note != null) {
                json.writeStringField("note", note);
            }
            if (notes != null) {
                writeRaw(json, "notes", notes);
            }
            if (score != null) {
                json.writeNumberField("score", score);
            }
        }
    }

    /** A span's columns as read from the database (links and fragments are JSON text, null when none). */
    record SpanRow(long dbId, int start, int end, String label, String links, String fragments, Extras extras) {
    }

    /** A span of a layer; its id in the archive ("T1", ...) and its position come once the layer's spans are sorted. */
    static final class SpanOut implements Out {
        final SpanRow row;
        final List<String> rejectedBy = new ArrayList<>();
        String id;
        int position;

        SpanOut(SpanRow row) {
            this.row = row;
        }

        @Override
        public void writeFields(JsonGenerator json) throws IOException {
            json.writeStringField("id", id);
            json.writeNumberField("start", row.start());
            json.writeNumberField("end", row.end());
            json.writeStringField("label", row.label());
            if (row.fragments() != null) {
                json.writeArrayFieldStart("fragments");
                for (int[] fragment : SpanFragments.parse(row.fragments())) {
                    json.writeArray(fragment, 0, 2);
                }
                json.writeEndArray();
            }
            row.extras().writeFields(json);
            if (row.links() != null) {
                writeRaw(json, "links", row.links());
            }
            if (!rejectedBy.isEmpty()) {
                writeStrings(json, "rejectedBy", rejectedBy);
            }
        }
    }

    record RelationOut(long dbId, SpanOut head, SpanOut tail, String label, Extras extras) implements Out {
        @Override
        public void writeFields(JsonGenerator json) throws IOException {
            json.writeStringField("head", head.id);
            json.writeStringField("tail", tail.id);
            json.writeStringField("label", label);
            extras.writeFields(json);
        }
    }

    /** An equivalence: its type and the archive ids of its member spans. */
    record EquivalenceOut(String type, List<String> members) implements Out {
        @Override
        public void writeFields(JsonGenerator json) throws IOException {
            json.writeStringField("type", type);
            writeStrings(json, "members", members);
        }
    }

    /** An event; an argument's ref is the archive id of a span or of another event. Events carry no score. */
    record EventOut(String id, String label, String trigger, Extras extras, List<ArgumentOut> arguments)
            implements Out {
        @Override
        public void writeFields(JsonGenerator json) throws IOException {
            json.writeStringField("id", id);
            json.writeStringField("label", label);
            json.writeStringField("trigger", trigger);
            extras.writeFields(json);
            writeAll(json, "arguments", arguments);
        }
    }

    record ArgumentOut(String role, String ref) implements Out {
        @Override
        public void writeFields(JsonGenerator json) throws IOException {
            json.writeStringField("role", role);
            json.writeStringField("ref", ref);
        }
    }

    /** A field whose value is already JSON text (from a jsonb column), copied as it is. */
    private static void writeRaw(JsonGenerator json, String field, String value) throws IOException {
        json.writeFieldName(field);
        json.writeRawValue(value);
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeAll(JsonGenerator json, String field, List<? extends Out> items) throws IOException {
        json.writeArrayFieldStart(field);
        for (Out item : items) {
            item.write(json);
        }
        json.writeEndArray();
    }
}
