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

    static final class DocOut {
        final long dbId;
        final String externalId;
        final String text;
        final String meta;
        final OffsetDateTime createdAt;
        final List<LayerOut> layers = new ArrayList<>();
        final List<String> assigned = new ArrayList<>();
        final List<String[]> rejections = new ArrayList<>();

        DocOut(long dbId, String externalId, String text, String meta, OffsetDateTime createdAt) {
            this.dbId = dbId;
            this.externalId = externalId;
            this.text = text;
            this.meta = meta;
            this.createdAt = createdAt;
        }

        void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeStringField("id", externalId);
            json.writeStringField("text", text);
            json.writeFieldName("meta");
            json.writeRawValue(meta);
            json.writeStringField("createdAt", createdAt.toString());
            json.writeArrayFieldStart("assignedTo");
            for (String username : assigned) {
                json.writeString(username);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("curationRejections");
            for (String[] rejection : rejections) {
                json.writeStartObject();
                json.writeStringField("key", rejection[0]);
                json.writeStringField("by", rejection[1]);
                json.writeStringField("at", rejection[2]);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("layers");
            for (LayerOut layer : layers) {
                layer.write(json);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    static final class LayerOut {
        final String owner;
        final String status;
        final long version;
        final OffsetDateTime updatedAt;
        final List<SpanOut> spans = new ArrayList<>();
        final List<RelationOut> relations = new ArrayList<>();
        final List<List<String>> equivalences = new ArrayList<>();
        final List<EventOut> events = new ArrayList<>();

        LayerOut(String owner, String status, long version, OffsetDateTime updatedAt) {
            this.owner = owner;
            this.status = status;
            this.version = version;
            this.updatedAt = updatedAt;
        }

        void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeStringField("owner", owner);
            json.writeStringField("status", status);
            json.writeNumberField("version", version);
            json.writeStringField("updatedAt", updatedAt.toString());
            json.writeArrayFieldStart("spans");
            for (SpanOut span : spans) {
                span.write(json);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("relations");
            for (RelationOut relation : relations) {
                relation.write(json);
            }
            json.writeEndArray();
            if (!equivalences.isEmpty()) {
                json.writeArrayFieldStart("equivalences");
                for (List<String> equivalence : equivalences) {
                    json.writeStartObject();
                    json.writeStringField("type", equivalence.get(0));
                    json.writeArrayFieldStart("members");
                    for (String member : equivalence.subList(1, equivalence.size())) {
                        json.writeString(member);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (!events.isEmpty()) {
                json.writeArrayFieldStart("events");
                for (EventOut event : events) {
                    event.write(json);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
    }

    /** Attributes, note, typed notes and score, as every kind of annotation carries them (JSON text, null when none). */
    private static void writeExtras(JsonGenerator json, String attributes, String note, String notes, Double score)
            throws IOException {
        if (attributes != null) {
            json.writeFieldName("attributes");
            json.writeRawValue(attributes);
        }
        if (note != null) {
            json.writeStringField("note", note);
        }
        if (notes != null) {
            json.writeFieldName("notes");
            json.writeRawValue(notes);
        }
        if (score != null) {
            json.writeNumberField("score", score);
        }
    }

    static final class SpanOut {
        final long dbId;
        final int start;
        final int end;
        final String label;
        final String attributes;
        final String note;
        final String links;
        final String fragments;
        final String notes;
        final Double score;
        final List<String> rejectedBy = new ArrayList<>();
        String id;
        int position;

        SpanOut(long dbId, int start, int end, String label, String attributes, String note, String links,
                String fragments, String notes, Double score) {
            this.dbId = dbId;
            this.start = start;
            this.end = end;
            this.label = label;
            this.attributes = attributes;
            this.note = note;
            this.links = links;
            this.fragments = fragments;
            this.notes = notes;
            this.score = score;
        }

        void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeNumberField("start", start);
            json.writeNumberField("end", end);
            json.writeStringField("label", label);
            if (fragments != null) {
                json.writeArrayFieldStart("fragments");
                for (int[] fragment : SpanFragments.parse(fragments)) {
                    json.writeArray(fragment, 0, 2);
                }
                json.writeEndArray();
            }
            writeExtras(json, attributes, note, notes, score);
            if (links != null) {
                json.writeFieldName("links");
                json.writeRawValue(links);
            }
            if (!rejectedBy.isEmpty()) {
                json.writeArrayFieldStart("rejectedBy");
                for (String username : rejectedBy) {
                    json.writeString(username);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
    }

    static final class RelationOut {
        final long dbId;
        final SpanOut head;
        final SpanOut tail;
        final String label;
        final String attributes;
        final String note;
        final String notes;
        final Double score;

        RelationOut(long dbId, SpanOut head, SpanOut tail, String label, String attributes, String note, String notes,
                Double score) {
            this.dbId = dbId;
            this.head = head;
            this.tail = tail;
            this.label = label;
            this.attributes = attributes;
            this.note = note;
            this.notes = notes;
            this.score = score;
        }

        void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeStringField("head", head.id);
            json.writeStringField("tail", tail.id);
            json.writeStringField("label", label);
            writeExtras(json, attributes, note, notes, score);
            json.writeEndObject();
        }
    }

    static final class EventOut {
        final String id;
        final String label;
        final String trigger;
        final String attributes;
        final String note;
        final String notes;
        final List<String[]> arguments = new ArrayList<>();

        EventOut(String id, String label, String trigger, String attributes, String note, String notes) {
            this.id = id;
            this.label = label;
            this.trigger = trigger;
            this.attributes = attributes;
            this.note = note;
            this.notes = notes;
        }

        void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeStringField("label", label);
            json.writeStringField("trigger", trigger);
            writeExtras(json, attributes, note, notes, null);
            json.writeArrayFieldStart("arguments");
            for (String[] argument : arguments) {
                json.writeStartObject();
                json.writeStringField("role", argument[0]);
                json.writeStringField("ref", argument[1]);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
