package org.relata.exchange.format.doccano;

import java.util.Iterator;
import java.util.Map;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ImportError;
import org.relata.exchange.codec.JsonFields;
import org.relata.exchange.codec.JsonLinesImporter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * doccano JSONL, both shapes: relation extraction ({@code entities} with start_offset/end_offset, {@code relations}
 * with from_id/to_id/type) and sequence labelling ({@code label: [[start, end, "L"]]}). Other keys become meta.
 */
public final class DoccanoImporter extends JsonLinesImporter {

    public DoccanoImporter(long maxDocumentSize) {
        super(maxDocumentSize);
    }

    @Override
    protected ExDoc document(ObjectNode line, ExDoc.Where where) {
        String id = JsonFields.id(line, "id", where, false);
        ExDoc doc = start(line, where, id != null ? id : "doccano-" + where.line());
        for (Iterator<Map.Entry<String, JsonNode>> it = line.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!DoccanoKeys.RESERVED.contains(field.getKey())) {
                doc.meta.put(field.getKey(), JsonFields.JSON.convertValue(field.getValue(), Object.class));
            }
        }
        JsonNode entities = JsonFields.array(line, "entities", where);
        if (entities != null) {
            for (int i = 0; i < entities.size(); i++) {
                JsonNode entity = entities.get(i);
                ExDoc.Where at = where.field(".entities[" + i + "]");
                if (!entity.isObject()) {
                    throw ImportError.at(at, "An entity is a JSON object.");
                }
                ExDoc.ExSpan span = new ExDoc.ExSpan();
                span.where = at;
                span.id = JsonFields.id(entity, "id", at, true);
                span.label = JsonFields.string(entity, "label", at, true);
                span.start = JsonFields.integer(entity, "start_offset", at);
                span.end = JsonFields.integer(entity, "end_offset", at);
                doc.spans.add(span);
            }
        }
        JsonNode labels = JsonFields.array(line, "label", where);
        if (labels != null) {
            for (int i = 0; i < labels.size(); i++) {
                JsonNode label = labels.get(i);
                ExDoc.Where at = where.field(".label[" + i + "]");
                if (!label.isArray() || label.size() != 3 || !label.get(0).isIntegralNumber()
                        || !label.get(1).isIntegralNumber() || !label.get(2).isTextual()) {
                    throw ImportError.at(at, "A sequence label is [start, end, \"LABEL\"] (document classification labels"
                            + " are not supported).");
                }
                ExDoc.ExSpan span = new ExDoc.ExSpan();
                span.where = at;
                span.id = "L" + (i + 1);
                span.start = label.get(0).intValue();
                span.end = label.get(1).intValue();
                span.label = label.get(2).textValue();
                doc.spans.add(span);
            }
        }
        JsonNode relations = JsonFields.array(line, "relations", where);
        if (relations != null) {
            for (int i = 0; i < relations.size(); i++) {
                JsonNode node = relations.get(i);
                ExDoc.Where at = where.field(".relations[" + i + "]");
                if (!node.isObject()) {
                    throw ImportError.at(at, "A relation is a JSON object.");
                }
                ExDoc.ExRelation relation = new ExDoc.ExRelation();
                relation.where = at;
                relation.id = JsonFields.id(node, "id", at, false);
                relation.head = JsonFields.id(node, "from_id", at, true);
                relation.tail = JsonFields.id(node, "to_id", at, true);
                relation.label = JsonFields.string(node, "type", at, true);
                doc.relations.add(relation);
            }
        }
        return doc;
    }
}
