package org.relata.exchange.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relata.annotation.ArchiveRows;
import org.relata.annotation.BulkReader;
import org.relata.annotation.LayerOwner;
import org.relata.annotation.SpanFragments;
import org.relata.exchange.codec.JsonOut;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * documents.jsonl: one line per document (those in the trash stay out) with its metadata, assignments, curation
 * rejections and every layer — gold, suggestions, each annotator's — with status, version, last change and all
 * annotations. Documents are read through a server-side cursor in batches; each batch's layers and annotations
 * with one query per table (the export's BulkReader), so memory holds one batch whatever the project's size.
 */
final class ArchiveDocumentWriter {

    private static final int FETCH_SIZE = 100;
    private static final int BATCH_DOCUMENTS = 32;
    private static final long BATCH_BYTES = 1L << 20;
    /** Spans in text order; the database id breaks ties, so that the same data gives the same lines. */
    private static final Comparator<SpanOut> SPAN_ORDER = Comparator.<SpanOut>comparingInt(s -> s.start)
            .thenComparingInt(s -> s.end).thenComparing(s -> s.label).thenComparingLong(s -> s.dbId);

    private final Connection connection;
    private final long projectId;
    private final Map<Long, String> entityTypes;
    private final Map<Long, String> relationTypes;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    ArchiveDocumentWriter(Connection connection, long projectId) throws SQLException {
        this.connection = connection;
        this.projectId = projectId;
        this.entityTypes = names("entity_types");
        this.relationTypes = names("relation_types");
        for (String key : List.of("documents", "layers", "spans", "relations", "equivalences", "events", "assignments")) {
            counts.put(key, 0L);
        }
    }

    Map<String, Long> counts() {
        return counts;
    }

    void write(OutputStream out) throws IOException {
        JsonGenerator json = JsonOut.generator(out);
        try (PreparedStatement s = connection.prepareStatement("select id, external_id, text, meta::text, created_at"
                + " from documents where project_id = ? order by id");
                BulkReader reader = new BulkReader(connection, 10_000)) {
            s.setFetchSize(FETCH_SIZE);
            s.setLong(1, projectId);
            List<DocOut> batch = new ArrayList<>();
            long bytes = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    DocOut doc = new DocOut(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getObject(5, OffsetDateTime.class));
                    batch.add(doc);
                    bytes += doc.text.length();
                    if (batch.size() >= BATCH_DOCUMENTS || bytes >= BATCH_BYTES) {
                        writeBatch(batch, reader, json, out);
                        batch.clear();
                        bytes = 0;
                    }
                }
            }
            writeBatch(batch, reader, json, out);
        } catch (SQLException e) {
            throw new IOException(new IllegalStateException("Reading the documents failed: " + e.getMessage(), e));
        }
        json.flush();
    }

    private void writeBatch(List<DocOut> batch, BulkReader reader, JsonGenerator json, OutputStream out)
            throws SQLException, IOException {
        if (batch.isEmpty()) {
            return;
        }
        fill(batch, reader);
        for (DocOut doc : batch) {
            doc.write(json);
            json.flush();
            out.write('\n');
            add("documents", 1);
            add("layers", doc.layers.size());
            add("assignments", doc.assigned.size());
            for (LayerOut layer : doc.layers) {
                add("spans", layer.spans.size());
                add("relations", layer.relations.size());
                add("equivalences", layer.equivalences.size());
                add("events", layer.events.size());
            }
        }
    }

    private void add(String key, long n) {
        counts.merge(key, n, Long::sum);
    }

    private void fill(List<DocOut> batch, BulkReader reader) throws SQLException, IOException {
        Map<Long, DocOut> byId = new HashMap<>();
        batch.forEach(doc -> byId.put(doc.dbId, doc));
        Map<Long, LayerOut> layers = new LinkedHashMap<>();
        ArchiveRows.layers(connection, byId.keySet(), (layerId, documentId, owner, username, status, version, updatedAt) -> {
            LayerOut layer = new LayerOut(owner.nameFor(username), status, version, updatedAt);
            layers.put(layerId, layer);
            byId.get(documentId).layers.add(layer);
        });
        documentRows(byId);
        if (layers.isEmpty()) {
            return;
        }
        Map<Long, SpanOut> spans = new HashMap<>();
        reader.spans(layers.keySet(), (layer, spanId, start, end, typeId, attributes, note, links, fragments, notes, score) -> {
            SpanOut span = new SpanOut(spanId, start, end, entityTypes.get(typeId), attributes, note, links, fragments,
                    notes, score);
            spans.put(spanId, span);
            layers.get(layer).spans.add(span);
        });
        for (LayerOut layer : layers.values()) {
            layer.spans.sort(SPAN_ORDER);
            for (int i = 0; i < layer.spans.size(); i++) {
                layer.spans.get(i).id = "T" + (i + 1);
                layer.spans.get(i).position = i;
            }
        }
        ArchiveRows.suggestionRejections(connection, layers.keySet(), (spanId, username) ->
                spans.get(spanId).rejectedBy.add(username));
        ArchiveRows.relations(connection, layers.keySet(),
                (layer, id, head, tail, typeId, attributes, note, notes, score) -> layers.get(layer).relations.add(
                        new RelationOut(id, spans.get(head), spans.get(tail), relationTypes.get(typeId), attributes,
                                note, notes, score)));
        for (LayerOut layer : layers.values()) {
            layer.relations.sort(Comparator.<RelationOut>comparingInt(r -> r.head.position)
                    .thenComparingInt(r -> r.tail.position).thenComparing(r -> r.label).thenComparingLong(r -> r.dbId));
        }
        Map<Long, List<String>> equivalences = new LinkedHashMap<>();
        reader.equivalences(layers.keySet(), (layer, id, type, spanId) -> {
            List<String> members = equivalences.computeIfAbsent(id, k -> {
                List<String> created = new ArrayList<>();
                created.add(type);
                layers.get(layer).equivalences.add(created);
                return created;
            });
            members.add(spans.get(spanId).id);
        });
        Map<Long, EventOut> events = new LinkedHashMap<>();
        reader.events(layers.keySet(), (layer, id, trigger, type, attributes, note, notes) -> {
            LayerOut owner = layers.get(layer);
            EventOut event = new EventOut("E" + (owner.events.size() + 1), type, spans.get(trigger).id, attributes, note, notes);
            owner.events.add(event);
            events.put(id, event);
        });
        if (!events.isEmpty()) {
            reader.eventArguments(layers.keySet(), (eventId, role, spanId, argumentEventId) ->
                    events.get(eventId).arguments.add(new String[] {role,
                            spanId != 0 ? spans.get(spanId).id : events.get(argumentEventId).id}));
        }
    }

    /** Assignments and curation rejections of the batch's documents. */
    private void documentRows(Map<Long, DocOut> byId) throws SQLException {
        Array ids = connection.createArrayOf("bigint", byId.keySet().toArray());
        try (PreparedStatement s = connection.prepareStatement("select a.document_id, u.username from assignments a"
                + " join users u on u.id = a.user_id where a.document_id = any(?) order by u.username collate \"C\"")) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byId.get(r.getLong(1)).assigned.add(r.getString(2));
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement("select c.document_id, c.item_key, u.username, c.at"
                + " from curation_rejections c left join users u on u.id = c.user_id where c.document_id = any(?)"
                + " order by c.item_key collate \"C\"")) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byId.get(r.getLong(1)).rejections.add(new String[] {r.getString(2), r.getString(3),
                            r.getObject(4, OffsetDateTime.class).toString()});
                }
            }
        }
        ids.free();
    }

    private Map<Long, String> names(String table) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("select id, name from " + table + " where project_id = ?")) {
            s.setLong(1, projectId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.put(r.getLong(1), r.getString(2));
                }
            }
        }
        return names;
    }

    private static final class DocOut {
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

    private static final class LayerOut {
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

    private static final class SpanOut {
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

    private static final class RelationOut {
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

    private static final class EventOut {
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
