package org.relata.exchange.archive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.relata.annotation.LayerOwner;
import org.relata.annotation.SpanFragments;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks one line of documents.jsonl against the archive's schema and resolves names to the new project's ids:
 * offsets inside the text (code points), known labels and attributes, fragments in order, references to spans and
 * events of the same layer. The first problem is a 400 naming documents.jsonl, the line and the field.
 */
final class ArchiveDocumentReader {

    private static final Set<String> STATUSES = Set.of("NEW", "IN_PROGRESS", "DONE");

    private final ArchiveCatalog catalog;
    private final ArchiveUsers users;
    private final Set<String> seenIds = new HashSet<>();
    private final int maxNoteLength;
    /** What the lines hold, before any layer of a missing user is left out: checked against the manifest. */
    final Map<String, Long> counts = new java.util.LinkedHashMap<>();

    ArchiveDocumentReader(ArchiveCatalog catalog, ArchiveUsers users, int maxNoteLength) {
        this.catalog = catalog;
        this.users = users;
        this.maxNoteLength = maxNoteLength;
    }

    ArchiveDocument read(JsonNode line, int lineNumber) {
        ArchiveFields f = new ArchiveFields(ArchiveFormat.DOCUMENTS, lineNumber);
        if (!line.isObject()) {
            throw f.error("$", "Each line is one document, a JSON object.");
        }
        String externalId = f.string(line, "$", "id");
        if (externalId.isEmpty() || externalId.codePointCount(0, externalId.length()) > 500) {
            throw f.error("$.id", "A document id has 1 to 500 characters.");
        }
        if (!seenIds.add(externalId)) {
            throw f.error("$.id", "Document id '" + externalId + "' appears twice in the archive.");
        }
        String text = f.string(line, "$", "text");
        if (text.indexOf('\u0000') >= 0) {
            throw f.error("$.text", "The text contains a NUL character, which a text cannot hold.");
        }
        JsonNode meta = line.get("meta");
        if (meta != null && !meta.isNull() && !meta.isObject()) {
            throw f.error("$.meta", "'meta' must be a JSON object.");
        }
        ArchiveDocument doc = new ArchiveDocument(externalId, text,
                meta == null || meta.isNull() ? "{}" : meta.toString(), f.optionalTime(line, "$", "createdAt"));
        JsonNode assigned = f.array(line, "$", "assignedTo");
        for (int i = 0; i < assigned.size(); i++) {
            if (!assigned.get(i).isTextual()) {
                throw f.error("$.assignedTo[" + i + "]", "An assignment names a username (a string).");
            }
            Long id = users.id(assigned.get(i).textValue());
            if (id != null) {
                doc.assignedTo().add(id);
            }
        }
        JsonNode rejections = f.array(line, "$", "curationRejections");
        for (int i = 0; i < rejections.size(); i++) {
            String at = "$.curationRejections[" + i + "]";
            JsonNode r = rejections.get(i);
            String by = f.optionalString(r, at, "by");
            doc.curationRejections().add(new ArchiveDocument.Rejection(f.string(r, at, "key"),
                    by == null ? null : users.id(by), f.optionalTime(r, at, "at")));
        }
        JsonNode layers = f.array(line, "$", "layers");
        count("documents", 1);
        count("assignments", assigned.size());
        count("layers", layers.size());
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            String at = "$.layers[" + i + "]";
            JsonNode l = layers.get(i);
            String owner = f.string(l, at, "owner");
            if (!owners.add(owner)) {
                throw f.error(at + ".owner", "Document '" + doc.externalId() + "' has two layers of '" + owner + "'.");
            }
            ArchiveDocument.Layer layer = layer(f, l, at, doc.length());
            count("spans", layer.spans.size());
            count("relations", layer.relations.size());
            count("equivalences", layer.equivalences.size());
            count("events", layer.events.size());
            if (owner.equals(LayerOwner.GOLD_NAME)) {
                layer.owner = LayerOwner.GOLD;
            } else if (owner.equals(LayerOwner.SUGGESTIONS_NAME)) {
                layer.owner = LayerOwner.SUGGESTIONS;
            } else {
                layer.owner = LayerOwner.USER;
                layer.userId = users.id(owner);
                if (layer.userId == null) {
                    users.leftOutLayer(owner);
                    continue;
                }
            }
            doc.layers().add(layer);
        }
        return doc;
    }

    private void count(String key, long n) {
        counts.merge(key, n, Long::sum);
    }

    private ArchiveDocument.Layer layer(ArchiveFields f, JsonNode l, String at, int length) {
        ArchiveDocument.Layer layer = new ArchiveDocument.Layer();
        layer.status = f.string(l, at, "status");
        if (!STATUSES.contains(layer.status)) {
            throw f.error(at + ".status", "A layer's status is NEW, IN_PROGRESS or DONE, not '" + layer.status + "'.");
        }
        layer.version = f.optionalLong(l, at, "version", 0);
        if (layer.version < 0) {
            throw f.error(at + ".version", "A layer's version is 0 or more.");
        }
        layer.updatedAt = f.optionalTime(l, at, "updatedAt");
        Map<String, Integer> spanIds = new HashMap<>();
        JsonNode spans = f.array(l, at, "spans");
        for (int i = 0; i < spans.size(); i++) {
            String sat = at + ".spans[" + i + "]";
            JsonNode s = spans.get(i);
            String id = f.string(s, sat, "id");
            if (spanIds.put(id, i) != null) {
                throw f.error(sat + ".id", "Span id '" + id + "' is used twice in this layer.");
            }
            layer.spans.add(span(f, s, sat, length));
        }
        JsonNode relations = f.array(l, at, "relations");
        for (int i = 0; i < relations.size(); i++) {
            String rat = at + ".relations[" + i + "]";
            JsonNode r = relations.get(i);
            int head = ref(f, spanIds, f.string(r, rat, "head"), rat + ".head");
            int tail = ref(f, spanIds, f.string(r, rat, "tail"), rat + ".tail");
            if (head == tail) {
                throw f.error(rat + ".tail", "A relation joins two different spans.");
            }
            long type = label(f, catalog.relationTypes, r, rat, "relation type");
            layer.relations.add(new ArchiveDocument.Relation(head, tail, type, attributes(f, r, rat, "relation"),
                    note(f, r, rat), notes(f, r, rat), f.optionalNumber(r, rat, "score")));
        }
        JsonNode equivalences = f.array(l, at, "equivalences");
        for (int i = 0; i < equivalences.size(); i++) {
            String eat = at + ".equivalences[" + i + "]";
            JsonNode e = equivalences.get(i);
            String type = f.string(e, eat, "type");
            if (!type.matches("[^\\s]{1,100}")) {
                throw f.error(eat + ".type", "An equivalence's type is 1 to 100 characters without spaces.");
            }
            List<Integer> members = new ArrayList<>();
            JsonNode m = f.array(e, eat, "members");
            for (int j = 0; j < m.size(); j++) {
                members.add(ref(f, spanIds, m.get(j).asText(), eat + ".members[" + j + "]"));
            }
            if (members.size() < 2 || new HashSet<>(members).size() != members.size()) {
                throw f.error(eat + ".members", "An equivalence groups at least two different spans.");
            }
            layer.equivalences.add(new ArchiveDocument.Equivalence(type, members));
        }
        events(f, l, at, layer, spanIds);
        return layer;
    }

    private ArchiveDocument.Span span(ArchiveFields f, JsonNode s, String at, int length) {
        ArchiveDocument.Span span = new ArchiveDocument.Span();
        span.start = f.integer(s, at, "start");
        span.end = f.integer(s, at, "end");
        if (span.start < 0 || span.start >= span.end || span.end > length) {
            throw f.error(at + ".end", "A span needs 0 ≤ start < end ≤ the text's length (" + length
                    + " characters); this one is " + span.start + "–" + span.end + ".");
        }
        span.typeId = label(f, catalog.entityTypes, s, at, "entity type");
        JsonNode fragments = s.get("fragments");
        if (fragments != null && !fragments.isNull()) {
            List<int[]> pieces = new ArrayList<>();
            if (!fragments.isArray()) {
                throw f.error(at + ".fragments", "'fragments' is an array of [start, end] pairs.");
            }
            for (JsonNode piece : fragments) {
                if (!piece.isArray() || piece.size() != 2 || !piece.get(0).isInt() || !piece.get(1).isInt()) {
                    throw f.error(at + ".fragments", "'fragments' is an array of [start, end] pairs.");
                }
                pieces.add(new int[] {piece.get(0).intValue(), piece.get(1).intValue()});
            }
            String problem = pieces.size() < 2 ? "a discontinuous span has at least two fragments."
                    : SpanFragments.problem(pieces);
            if (problem == null && (pieces.get(0)[0] != span.start || pieces.get(pieces.size() - 1)[1] != span.end)) {
                problem = "start and end are the outer bounds of the fragments.";
            }
            if (problem != null) {
                throw f.error(at + ".fragments", "Span fragments: " + problem);
            }
            span.fragments = SpanFragments.json(pieces);
        }
        span.attributes = attributes(f, s, at, "span");
        span.note = note(f, s, at);
        span.notes = notes(f, s, at);
        JsonNode links = f.array(s, at, "links");
        for (int i = 0; i < links.size(); i++) {
            if (!links.get(i).isObject()) {
                throw f.error(at + ".links[" + i + "]", "A link is an object {\"resource\", \"id\", \"text\"}.");
            }
        }
        span.links = links.toString();
        span.score = f.optionalNumber(s, at, "score");
        JsonNode rejectedBy = f.array(s, at, "rejectedBy");
        for (int i = 0; i < rejectedBy.size(); i++) {
            Long id = users.id(rejectedBy.get(i).asText());
            if (id != null) {
                span.rejectedBy.add(id);
            }
        }
        return span;
    }

    private void events(ArchiveFields f, JsonNode l, String at, ArchiveDocument.Layer layer, Map<String, Integer> spanIds) {
        JsonNode events = f.array(l, at, "events");
        Map<String, Integer> eventIds = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            String id = f.string(events.get(i), at + ".events[" + i + "]", "id");
            if (spanIds.containsKey(id) || eventIds.put(id, i) != null) {
                throw f.error(at + ".events[" + i + "].id", "Every event needs an id of its own in the layer.");
            }
        }
        for (int i = 0; i < events.size(); i++) {
            String eat = at + ".events[" + i + "]";
            JsonNode e = events.get(i);
            ArchiveDocument.Event event = new ArchiveDocument.Event();
            event.typeId = label(f, catalog.eventTypes, e, eat, "event type");
            event.trigger = ref(f, spanIds, f.string(e, eat, "trigger"), eat + ".trigger");
            event.attributes = attributes(f, e, eat, "span");
            event.note = note(f, e, eat);
            event.notes = notes(f, e, eat);
            JsonNode arguments = f.array(e, eat, "arguments");
            for (int j = 0; j < arguments.size(); j++) {
                String aat = eat + ".arguments[" + j + "]";
                String role = f.string(arguments.get(j), aat, "role");
                String ref = f.string(arguments.get(j), aat, "ref");
                if (!role.matches("[^\\s:]{1,100}")) {
                    throw f.error(aat + ".role", "An event role is 1 to 100 characters without spaces or ':'.");
                }
                Integer span = spanIds.get(ref);
                Integer other = eventIds.get(ref);
                if (span == null && (other == null || other == i)) {
                    throw f.error(aat + ".ref", "'" + ref + "' is no span or other event of this layer.");
                }
                event.arguments.add(new Object[] {role, span != null ? span : -1 - other});
            }
            layer.events.add(event);
        }
    }

    private static int ref(ArchiveFields f, Map<String, Integer> spanIds, String id, String at) {
        Integer index = spanIds.get(id);
        if (index == null) {
            throw f.error(at, "'" + id + "' is no span of this layer.");
        }
        return index;
    }

    private static long label(ArchiveFields f, Map<String, Long> types, JsonNode node, String at, String kind) {
        String label = f.string(node, at, "label");
        Long id = types.get(label);
        if (id == null) {
            throw f.error(at + ".label", "'" + label + "' is no " + kind + " of the archive's schema.");
        }
        return id;
    }

    private String attributes(ArchiveFields f, JsonNode node, String at, String on) {
        JsonNode values = node.get("attributes");
        String problem = catalog.attributeProblem(on, values);
        if (problem != null) {
            throw f.error(at + ".attributes", "The " + problem);
        }
        return values == null || values.isNull() ? "{}" : values.toString();
    }

    private String note(ArchiveFields f, JsonNode node, String at) {
        String note = f.optionalString(node, at, "note");
        if (note != null && note.length() > maxNoteLength) {
            throw f.error(at + ".note", "A note has at most " + maxNoteLength + " characters.");
        }
        return note;
    }

    private static String notes(ArchiveFields f, JsonNode node, String at) {
        JsonNode notes = f.array(node, at, "notes");
        for (int i = 0; i < notes.size(); i++) {
            String nat = at + ".notes[" + i + "]";
            String type = f.string(notes.get(i), nat, "type");
            f.string(notes.get(i), nat, "text");
            if (!type.matches("[^\\s]{1,100}")) {
                throw f.error(nat + ".type", "A note's type is 1 to 100 characters without spaces.");
            }
        }
        return notes.toString();
    }
}
