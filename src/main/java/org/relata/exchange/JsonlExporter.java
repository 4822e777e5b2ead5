package org.relata.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The native format. Keys always present and in the contract's order, map keys (meta, attributes) sorted, no
 * spaces: the same data gives the same bytes, and export → import → export is byte-identical.
 */
final class JsonlExporter implements ExportFormat {

    /** Characters outside the BMP are written as themselves, not as escaped surrogate pairs. */
    static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    @Override
    public String extension() {
        return "jsonl";
    }

    @Override
    public String mediaType() {
        return "application/x-ndjson";
    }

    @Override
    public DocWriter open(OutputStream out) throws IOException {
        JsonGenerator json = generator(out);
        return new DocWriter() {
            @Override
            public void write(ExDoc doc) throws IOException {
                json.writeStartObject();
                json.writeStringField("id", doc.id);
                json.writeStringField("text", doc.text);
                json.writeFieldName("meta");
                writeMap(json, doc.meta);
                json.writeStringField("annotator", doc.annotator);
                json.writeStringField("status", doc.status);
                json.writeArrayFieldStart("spans");
                for (ExDoc.ExSpan span : doc.spans) {
                    json.writeStartObject();
                    json.writeStringField("id", span.id);
                    json.writeNumberField("start", span.start);
                    json.writeNumberField("end", span.end);
                    json.writeStringField("label", span.label);
                    json.writeStringField("text", span.text);
                    json.writeFieldName("attributes");
                    writeMap(json, span.attributes);
                    json.writeStringField("note", span.note);
                    json.writeArrayFieldStart("links");
                    for (ExDoc.Link link : span.links) {
                        json.writeStartObject();
                        json.writeStringField("resource", link.resource());
                        json.writeStringField("id", link.id());
                        json.writeStringField("text", link.text());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("relations");
                for (ExDoc.ExRelation relation : doc.relations) {
                    json.writeStartObject();
                    json.writeStringField("id", relation.id);
                    json.writeStringField("label", relation.label);
                    json.writeStringField("head", relation.head);
                    json.writeStringField("tail", relation.tail);
                    json.writeFieldName("attributes");
                    writeMap(json, relation.attributes);
                    json.writeStringField("note", relation.note);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeRaw('\n');
            }

            @Override
            public void finish() throws IOException {
                json.flush();
            }
        };
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = JSON.getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
        return json;
    }

    static void writeMap(JsonGenerator json, Map<String, Object> map) throws IOException {
        if (map == null || map.isEmpty()) {
            json.writeStartObject();
            json.writeEndObject();
        } else {
            JSON.writeValue(json, map);
        }
    }
}
