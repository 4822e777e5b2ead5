package org.relata.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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

    // Field names encoded once: writing them is a large share of an export's time.
    private static final SerializedString K_ID = new SerializedString("id");
    private static final SerializedString K_TEXT = new SerializedString("text");
    private static final SerializedString K_META = new SerializedString("meta");
    private static final SerializedString K_ANNOTATOR = new SerializedString("annotator");
    private static final SerializedString K_STATUS = new SerializedString("status");
    private static final SerializedString K_SPANS = new SerializedString("spans");
    private static final SerializedString K_START = new SerializedString("start");
    private static final SerializedString K_END = new SerializedString("end");
    private static final SerializedString K_LABEL = new SerializedString("label");
    private static final SerializedString K_ATTRIBUTES = new SerializedString("attributes");
    private static final SerializedString K_NOTE = new SerializedString("note");
    private static final SerializedString K_LINKS = new SerializedString("links");
    private static final SerializedString K_RESOURCE = new SerializedString("resource");
    private static final SerializedString K_RELATIONS = new SerializedString("relations");
    private static final SerializedString K_HEAD = new SerializedString("head");
    private static final SerializedString K_TAIL = new SerializedString("tail");

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
                json.writeFieldName(K_ID);
                json.writeString(doc.id);
                json.writeFieldName(K_TEXT);
                json.writeString(doc.text);
                json.writeFieldName(K_META);
                writeMap(json, doc.meta);
                json.writeFieldName(K_ANNOTATOR);
                json.writeString(doc.annotator);
                json.writeFieldName(K_STATUS);
                json.writeString(doc.status);
                json.writeFieldName(K_SPANS);
                json.writeStartArray();
                for (ExDoc.ExSpan span : doc.spans) {
                    json.writeStartObject();
                    json.writeFieldName(K_ID);
                    json.writeString(span.id);
                    json.writeFieldName(K_START);
                    json.writeNumber(span.start);
                    json.writeFieldName(K_END);
                    json.writeNumber(span.end);
                    json.writeFieldName(K_LABEL);
                    json.writeString(span.label);
                    json.writeFieldName(K_TEXT);
                    json.writeString(span.text);
                    json.writeFieldName(K_ATTRIBUTES);
                    writeMap(json, span.attributes);
                    json.writeFieldName(K_NOTE);
                    json.writeString(span.note);
                    json.writeFieldName(K_LINKS);
                json.writeStartArray();
                    for (ExDoc.Link link : span.links) {
                        json.writeStartObject();
                        json.writeFieldName(K_RESOURCE);
                        json.writeString(link.resource());
                        json.writeFieldName(K_ID);
                        json.writeString(link.id());
                        json.writeFieldName(K_TEXT);
                        json.writeString(link.text());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeFieldName(K_RELATIONS);
                json.writeStartArray();
                for (ExDoc.ExRelation relation : doc.relations) {
                    json.writeStartObject();
                    json.writeFieldName(K_ID);
                    json.writeString(relation.id);
                    json.writeFieldName(K_LABEL);
                    json.writeString(relation.label);
                    json.writeFieldName(K_HEAD);
                    json.writeString(relation.head);
                    json.writeFieldName(K_TAIL);
                    json.writeString(relation.tail);
                    json.writeFieldName(K_ATTRIBUTES);
                    writeMap(json, relation.attributes);
                    json.writeFieldName(K_NOTE);
                    json.writeString(relation.note);
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
