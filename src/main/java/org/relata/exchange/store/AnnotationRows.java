package org.relata.exchange.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relata.annotation.BulkReader;
import org.relata.annotation.SpanFragments;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ExDoc.ExRelation;
import org.relata.exchange.codec.ExDoc.ExSpan;
import org.relata.exchange.codec.JsonMaps;
import org.relata.exchange.codec.Utf8Offsets;

/**
 * Fills a batch of export documents with their spans and relations, read for all the batch's layers at once
 * ({@link BulkReader}). Spans are sorted by (start, end, label) and relations by (head, tail, label), then numbered
 * T1.., R1.. in that order, so the same data always gives the same output.
 */
final class AnnotationRows implements AutoCloseable {

    private static final int FETCH_SIZE = 10_000;
    // The database id breaks ties between otherwise identical spans, so that their order does not depend on the plan.
    private static final Comparator<ExSpan> SPAN_ORDER = Comparator.<ExSpan>comparingInt(s -> s.start)
            .thenComparingInt(s -> s.end).thenComparing(s -> s.label).thenComparingLong(s -> s.dbId);
    private static final Comparator<ExRelation> RELATION_ORDER = Comparator.<ExRelation>comparingLong(r -> r.order)
            .thenComparing(r -> r.label);

    private final Map<Long, String> entityTypes;
    private final Map<Long, String> relationTypes;
    private final BulkReader reader;

    AnnotationRows(Connection connection, long projectId) throws SQLException {
        this.entityTypes = TypeNames.of(connection, "entity_types", projectId);
        this.relationTypes = TypeNames.of(connection, "relation_types", projectId);
        this.reader = new BulkReader(connection, FETCH_SIZE);
    }

    void fill(ExportBatch batch) throws SQLException, IOException {
        if (batch.byLayer.isEmpty()) {
            return;
        }
        Map<Long, ExSpan> byDbId = readSpans(batch.byLayer);
        readRelations(batch.byLayer, byDbId);
        readEquivalences(batch.byLayer, byDbId);
        readEvents(batch.byLayer, byDbId);
    }

    /** Equivalences in id order (the order of import), numbered by nothing: brat's * lines have no id. */
    private void readEquivalences(Map<Long, ExDoc> byLayer, Map<Long, ExSpan> byDbId) throws SQLException, IOException {
        Map<Long, ExDoc.ExEquivalence> byId = new HashMap<>();
        reader.equivalences(byLayer.keySet(), (layer, id, type, spanId) -> {
            ExDoc.ExEquivalence equivalence = byId.computeIfAbsent(id, key -> {
                ExDoc.ExEquivalence created = new ExDoc.ExEquivalence();
                created.type = type;
                byLayer.get(layer).equivalences.add(created);
                return created;
            });
            equivalence.members.add(byDbId.get(spanId).id);
        });
    }

    /** Events in id order (the order of import), numbered E1, E2 ... per document. */
    private void readEvents(Map<Long, ExDoc> byLayer, Map<Long, ExSpan> byDbId) throws SQLException, IOException {
        Map<Long, ExDoc.ExEvent> byId = new HashMap<>();
        Map<ExDoc, Integer> numbers = new HashMap<>();
        reader.events(byLayer.keySet(), (layer, id, trigger, type, attributes, note, typedNotes) -> {
            ExDoc doc = byLayer.get(layer);
            ExDoc.ExEvent event = new ExDoc.ExEvent();
            event.id = "E" + numbers.merge(doc, 1, Integer::sum);
            event.label = type;
            event.trigger = byDbId.get(trigger).id;
            if (attributes != null) {
                event.attributes = JsonMaps.read(attributes);
            }
            event.note = note;
            JsonMaps.readNotes(typedNotes, event.notes);
            event.dbId = id;
            doc.events.add(event);
            byId.put(id, event);
        });
        if (byId.isEmpty()) {
            return;
        }
        List<Object[]> arguments = new java.util.ArrayList<>();
        reader.eventArguments(byLayer.keySet(), (eventId, role, spanId, argumentEventId) ->
                arguments.add(new Object[] {eventId, role, spanId, argumentEventId}));
        for (Object[] argument : arguments) {
            long spanId = (Long) argument[2];
            String ref = spanId != 0 ? byDbId.get(spanId).id : byId.get((Long) argument[3]).id;
            byId.get((Long) argument[0]).arguments.add(new ExDoc.Argument((String) argument[1], ref));
        }
    }

    private Map<Long, ExSpan> readSpans(Map<Long, ExDoc> byLayer) throws SQLException, IOException {
        Map<Long, ExSpan> byDbId = new HashMap<>();
        // Rows usually come grouped by layer, but the plan does not promise it.
        Map<ExDoc, Utf8Offsets> texts = new HashMap<>();
        reader.spans(byLayer.keySet(), new BulkReader.SpanRow() {
            private long current = -1;
            private ExDoc doc;
            private Utf8Offsets text;

            @Override
            public void accept(long layer, long spanId, int start, int end, long entityTypeId, String attributes,
                    String note, String links, String fragments, String typedNotes, Double score) throws IOException {
                if (layer != current) {
                    current = layer;
                    doc = byLayer.get(layer);
                    text = texts.computeIfAbsent(doc, d -> new Utf8Offsets(d.utf8));
                }
                ExSpan span = new ExSpan(start, end);
                span.dbId = spanId;
                span.label = entityTypes.get(entityTypeId);
                span.utf8Start = text.byteOffset(start);
                span.utf8End = text.byteOffset(end);
                if (attributes != null) {
                    span.attributes = JsonMaps.read(attributes);
                }
                span.note = note;
                JsonMaps.readLinks(links, span.links);
                JsonMaps.readNotes(typedNotes, span.notes);
                span.fragments = SpanFragments.parse(fragments);
                span.score = score;
                doc.spans.add(span);
                byDbId.put(span.dbId, span);
            }
        });
        for (ExDoc doc : byLayer.values()) {
            List<ExSpan> list = doc.spans;
            list.sort(SPAN_ORDER);
            for (int i = 0; i < list.size(); i++) {
                list.get(i).id = "T" + (i + 1);
                list.get(i).position = i;
            }
        }
        return byDbId;
    }

    private void readRelations(Map<Long, ExDoc> byLayer, Map<Long, ExSpan> byDbId) throws SQLException, IOException {
        reader.relations(byLayer.keySet(), (layer, headSpanId, tailSpanId, relationTypeId, attributes, note, typedNotes) -> {
            ExDoc doc = byLayer.get(layer);
            ExSpan head = byDbId.get(headSpanId);
            ExSpan tail = byDbId.get(tailSpanId);
            ExRelation relation = new ExRelation(head.id, tail.id);
            relation.order = ((long) head.position << 32) | tail.position;
            relation.label = relationTypes.get(relationTypeId);
            if (attributes != null) {
                relation.attributes = JsonMaps.read(attributes);
            }
            relation.note = note;
            JsonMaps.readNotes(typedNotes, relation.notes);
            doc.relations.add(relation);
        });
        for (ExDoc doc : byLayer.values()) {
            List<ExRelation> list = doc.relations;
            list.sort(RELATION_ORDER);
            for (int i = 0; i < list.size(); i++) {
                list.get(i).id = "R" + (i + 1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        reader.close();
    }
}
