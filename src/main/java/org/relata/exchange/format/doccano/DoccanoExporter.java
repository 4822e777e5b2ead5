package org.relata.exchange.format.doccano;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

import org.relata.exchange.codec.DocWriter;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.JsonLinesFormat;
import org.relata.exchange.codec.JsonOut;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * doccano's relation-extraction JSONL: entities and relations numbered from 1 per document, meta keys at the top
 * level (doccano keeps unknown keys as metadata). Attributes, notes and links have no place in doccano. A
 * discontinuous span is written as its outer bounds, so that its relations survive; the export counts them in the
 * X-Relata-Approximated header (issue 13), so that the approximation is never silent.
 */
public final class DoccanoExporter implements JsonLinesFormat {

    @Override
    public DiscontinuousSpans discontinuousSpans() {
        return DiscontinuousSpans.OUTER_BOUNDS;
    }

    @Override
    public DocWriter open(OutputStream out) throws IOException {
        JsonGenerator json = JsonOut.generator(out);
        return new DocWriter() {
            @Override
            public void write(ExDoc doc) throws IOException {
                json.writeStartObject();
                json.writeStringField("id", doc.id);
                json.writeStringField("text", doc.text());
                json.writeArrayFieldStart("entities");
                Map<String, Integer> numbers = new HashMap<>();
                for (int i = 0; i < doc.spans.size(); i++) {
                    ExDoc.ExSpan span = doc.spans.get(i);
                    numbers.put(span.id, i + 1);
                    json.writeStartObject();
                    json.writeNumberField("id", i + 1);
                    json.writeStringField("label", span.label);
                    json.writeNumberField("start_offset", span.start);
                    json.writeNumberField("end_offset", span.end);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("relations");
                for (int i = 0; i < doc.relations.size(); i++) {
                    ExDoc.ExRelation relation = doc.relations.get(i);
                    json.writeStartObject();
                    json.writeNumberField("id", i + 1);
                    json.writeNumberField("from_id", numbers.get(relation.head));
                    json.writeNumberField("to_id", numbers.get(relation.tail));
                    json.writeStringField("type", relation.label);
                    json.writeEndObject();
                }
                json.writeEndArray();
                for (Map.Entry<String, Object> entry : new java.util.TreeMap<>(doc.meta).entrySet()) {
                    if (!DoccanoKeys.RESERVED.contains(entry.getKey())) {
                        json.writeFieldName(entry.getKey());
                        JsonOut.JSON.writeValue(json, entry.getValue());
                    }
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }

            @Override
            public void finish() throws IOException {
                json.flush();
            }
        };
    }
}
