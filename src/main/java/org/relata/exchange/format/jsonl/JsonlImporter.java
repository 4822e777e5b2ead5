package org.relata.exchange.format.jsonl;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ImportError;
import org.relata.exchange.codec.JsonFields;
import org.relata.exchange.codec.JsonLinesImporter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The native format: one document per line, see docs/formats.md. */
public final class JsonlImporter extends JsonLinesImporter {

    public JsonlImporter(long maxDocumentSize) {
        super(maxDocumentSize);
    }

    @Override
    protected ExDoc document(ObjectNode line, ExDoc.Where where) {
        ExDoc doc = start(line, where, JsonFields.id(line, "id", where, true));
        doc.status = JsonFields.string(line, "status", where, false);
        doc.spans.addAll(JsonFields.items(line, "spans", where, "a span", JsonlImporter::span));
        doc.relations.addAll(JsonFields.items(line, "relations", where, "a relation", JsonlImporter::relation));
        doc.equivalences.addAll(JsonFields.items(line, "equivalences", where, "an equivalence {\"type\", \"spans\"}",
                JsonlImporter::equivalence));
        doc.events.addAll(JsonFields.items(line, "events", where, "an event", JsonlImporter::event));
        return doc;
    }

    private static ExDoc.ExEquivalence equivalence(JsonNode node, ExDoc.Where at) {
        ExDoc.ExEquivalence equivalence = new ExDoc.ExEquivalence();
        equivalence.where = at;
        equivalence.type = JsonFields.string(node, "type", at, true);
        equivalence.members.addAll(JsonFields.items(node, "spans", at, null, (item, itemAt) -> {
            if (!item.isTextual()) {
                throw ImportError.at(itemAt, "An equivalence names its spans by their ids (strings).");
            }
            return item.asText();
        }));
        return equivalence;
    }

    private static ExDoc.ExEvent event(JsonNode node, ExDoc.Where at) {
        ExDoc.ExEvent event = new ExDoc.ExEvent().named(at, JsonFields.id(node, "id", at, true),
                JsonFields.string(node, "label", at, true));
        event.trigger = JsonFields.id(node, "trigger", at, true);
        event.arguments.addAll(JsonFields.items(node, "arguments", at, "an argument {\"role\", \"ref\"}",
                (argument, argumentAt) -> new ExDoc.Argument(JsonFields.string(argument, "role", argumentAt, true),
                        JsonFields.id(argument, "ref", argumentAt, true))));
        event.attributes = JsonFields.object(node, "attributes", at);
        event.note = JsonFields.string(node, "note", at, false);
        event.notes.addAll(notes(node, at));
        return event;
    }

    private static java.util.List<ExDoc.Note> notes(JsonNode node, ExDoc.Where at) {
        return JsonFields.items(node, "notes", at, "a note {\"type\", \"text\"}",
                (note, noteAt) -> new ExDoc.Note(JsonFields.string(note, "type", noteAt, true),
                        JsonFields.string(note, "text", noteAt, true)));
    }

    /** {@code [[start, end], ...]}: a discontinuous span's fragments; null when absent. */
    private static java.util.List<int[]> fragments(JsonNode node, ExDoc.Where at) {
        if (JsonFields.array(node, "fragments", at) == null) {
            return null;
        }
        return JsonFields.items(node, "fragments", at, null, (fragment, fragmentAt) -> {
            if (!fragment.isArray() || fragment.size() != 2 || !fragment.get(0).canConvertToInt()
                    || !fragment.get(1).canConvertToInt() || !fragment.get(0).isIntegralNumber()
                    || !fragment.get(1).isIntegralNumber()) {
                throw ImportError.at(fragmentAt, "A fragment is [start, end], two whole numbers.");
            }
            return new int[] {fragment.get(0).intValue(), fragment.get(1).intValue()};
        });
    }

    private static ExDoc.ExSpan span(JsonNode node, ExDoc.Where at) {
        ExDoc.ExSpan span = new ExDoc.ExSpan(JsonFields.integer(node, "start", at), JsonFields.integer(node, "end", at))
                .named(at, JsonFields.id(node, "id", at, false), JsonFields.string(node, "label", at, true));
        span.text = JsonFields.string(node, "text", at, false);
        span.attributes = JsonFields.object(node, "attributes", at);
        span.note = JsonFields.string(node, "note", at, false);
        span.score = JsonFields.number(node, "score", at);
        span.notes.addAll(notes(node, at));
        span.fragments = fragments(node, at);
        span.links.addAll(JsonFields.items(node, "links", at, "a link {\"resource\", \"id\", \"text\"}",
                (link, linkAt) -> new ExDoc.Link(JsonFields.string(link, "resource", linkAt, true),
                        JsonFields.id(link, "id", linkAt, true), JsonFields.string(link, "text", linkAt, false))));
        return span;
    }

    private static ExDoc.ExRelation relation(JsonNode node, ExDoc.Where at) {
        ExDoc.ExRelation relation = new ExDoc.ExRelation(JsonFields.id(node, "head", at, true), JsonFields.id(node, "tail", at, true))
                .named(at, JsonFields.id(node, "id", at, false), JsonFields.string(node, "label", at, true));
        relation.attributes = JsonFields.object(node, "attributes", at);
        relation.note = JsonFields.string(node, "note", at, false);
        relation.score = JsonFields.number(node, "score", at);
        relation.notes.addAll(notes(node, at));
        return relation;
    }
}
