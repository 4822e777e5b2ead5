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
        JsonNode spans = JsonFields.array(line, "spans", where);
        if (spans != null) {
            for (int i = 0; i < spans.size(); i++) {
                doc.spans.add(span(spans.get(i), where.field(".spans[" + i + "]")));
            }
        }
        JsonNode relations = JsonFields.array(line, "relations", where);
        if (relations != null) {
            for (int i = 0; i < relations.size(); i++) {
                doc.relations.add(relation(relations.get(i), where.field(".relations[" + i + "]")));
            }
        }
        return doc;
    }

    private static ExDoc.ExSpan span(JsonNode node, ExDoc.Where at) {
        if (!node.isObject()) {
            throw ImportError.at(at, "A span is a JSON object.");
        }
        ExDoc.ExSpan span = new ExDoc.ExSpan();
        span.where = at;
        span.id = JsonFields.id(node, "id", at, false);
        span.start = JsonFields.integer(node, "start", at);
        span.end = JsonFields.integer(node, "end", at);
        span.label = JsonFields.string(node, "label", at, true);
        span.text = JsonFields.string(node, "text", at, false);
        span.attributes = JsonFields.object(node, "attributes", at);
        span.note = JsonFields.string(node, "note", at, false);
        JsonNode links = JsonFields.array(node, "links", at);
        if (links != null) {
            for (int i = 0; i < links.size(); i++) {
                JsonNode link = links.get(i);
                ExDoc.Where linkAt = at.field(".links[" + i + "]");
                if (!link.isObject()) {
                    throw ImportError.at(linkAt, "A link is a JSON object {\"resource\", \"id\", \"text\"}.");
                }
                span.links.add(new ExDoc.Link(JsonFields.string(link, "resource", linkAt, true),
                        JsonFields.id(link, "id", linkAt, true), JsonFields.string(link, "text", linkAt, false)));
            }
        }
        return span;
    }

    private static ExDoc.ExRelation relation(JsonNode node, ExDoc.Where at) {
        if (!node.isObject()) {
            throw ImportError.at(at, "A relation is a JSON object.");
        }
        ExDoc.ExRelation relation = new ExDoc.ExRelation();
        relation.where = at;
        relation.id = JsonFields.id(node, "id", at, false);
        relation.label = JsonFields.string(node, "label", at, true);
        relation.head = JsonFields.id(node, "head", at, true);
        relation.tail = JsonFields.id(node, "tail", at, true);
        relation.attributes = JsonFields.object(node, "attributes", at);
        relation.note = JsonFields.string(node, "note", at, false);
        return relation;
    }
}
