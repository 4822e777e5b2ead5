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
        return doc;
    }

    private static ExDoc.ExSpan span(JsonNode node, ExDoc.Where at) {
        ExDoc.ExSpan span = new ExDoc.ExSpan(JsonFields.integer(node, "start", at), JsonFields.integer(node, "end", at))
                .named(at, JsonFields.id(node, "id", at, false), JsonFields.string(node, "label", at, true));
        span.text = JsonFields.string(node, "text", at, false);
        span.attributes = JsonFields.object(node, "attributes", at);
        span.note = JsonFields.string(node, "note", at, false);
        span.score = JsonFields.number(node, "score", at);
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
        return relation;
    }
}
