package org.relata.exchange.format.doccano;

import java.util.Iterator;
import java.util.List;
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
        doc.spans.addAll(JsonFields.items(line, "entities", where, "an entity", DoccanoImporter::entity));
        List<ExDoc.ExSpan> labels = JsonFields.items(line, "label", where, null, DoccanoImporter::sequenceLabel);
        for (int i = 0; i < labels.size(); i++) {
            labels.get(i).id = "L" + (i + 1);
        }
        doc.spans.addAll(labels);
        doc.relations.addAll(JsonFields.items(line, "relations", where, "a relation", DoccanoImporter::relation));
        return doc;
    }

    private static ExDoc.ExSpan entity(JsonNode entity, ExDoc.Where at) {
        return new ExDoc.ExSpan(JsonFields.integer(entity, "start_offset", at), JsonFields.integer(entity, "end_offset", at))
                .named(at, JsonFields.id(entity, "id", at, true), JsonFields.string(entity, "label", at, true));
    }

    /** A [start, end, "LABEL"] triple of doccano's sequence-labelling export. */
    private static ExDoc.ExSpan sequenceLabel(JsonNode label, ExDoc.Where at) {
        if (!label.isArray() || label.size() != 3 || !label.get(0).isIntegralNumber() || !label.get(0).canConvertToInt()
                || !label.get(1).isIntegralNumber() || !label.get(1).canConvertToInt() || !label.get(2).isTextual()) {
            throw ImportError.at(at, "A sequence label is [start, end, \"LABEL\"] (document classification labels"
                    + " are not supported).");
        }
        return new ExDoc.ExSpan(label.get(0).intValue(), label.get(1).intValue()).named(at, null, label.get(2).textValue());
    }

    private static ExDoc.ExRelation relation(JsonNode node, ExDoc.Where at) {
        return new ExDoc.ExRelation(JsonFields.id(node, "from_id", at, true), JsonFields.id(node, "to_id", at, true))
                .named(at, JsonFields.id(node, "id", at, false), JsonFields.string(node, "type", at, true));
    }
}
