package org.relata.exchange.format.jsonl;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

import org.relata.exchange.codec.DocWriter;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.JsonBytes;
import org.relata.exchange.codec.JsonLinesFormat;
import org.relata.exchange.codec.JsonOut;

/**
 * The native format. Keys always present and in the contract's order, map keys (meta, attributes) sorted, no
 * spaces: the same data gives the same bytes, and export → import → export is byte-identical.
 */
public final class JsonlExporter implements JsonLinesFormat {

    // The fixed parts of a line, encoded once; between them go the values, in the contract's key order.
    private static final byte[] DOC_TEXT = JsonBytes.ascii(",\"text\":");
    private static final byte[] DOC_META = JsonBytes.ascii(",\"meta\":");
    private static final byte[] DOC_ANNOTATOR = JsonBytes.ascii(",\"annotator\":");
    private static final byte[] DOC_STATUS = JsonBytes.ascii(",\"status\":");
    private static final byte[] DOC_SPANS = JsonBytes.ascii(",\"spans\":[");
    private static final byte[] DOC_RELATIONS = JsonBytes.ascii("],\"relations\":[");
    private static final byte[] DOC_END = JsonBytes.ascii("]}\n");
    private static final byte[] OBJECT_ID = JsonBytes.ascii("{\"id\":");
    private static final byte[] COMMA_OBJECT_ID = JsonBytes.ascii(",{\"id\":");
    private static final byte[] SPAN_START = JsonBytes.ascii(",\"start\":");
    private static final byte[] SPAN_END = JsonBytes.ascii(",\"end\":");
    private static final byte[] LABEL = JsonBytes.ascii(",\"label\":");
    private static final byte[] SPAN_TEXT = JsonBytes.ascii(",\"text\":");
    private static final byte[] ATTRIBUTES = JsonBytes.ascii(",\"attributes\":");
    private static final byte[] NOTE = JsonBytes.ascii(",\"note\":");
    private static final byte[] SPAN_LINKS = JsonBytes.ascii(",\"links\":[");
    private static final byte[] SPAN_END_OBJECT = JsonBytes.ascii("]}");
    private static final byte[] LINK_RESOURCE = JsonBytes.ascii("{\"resource\":");
    private static final byte[] LINK_ID = JsonBytes.ascii(",\"id\":");
    private static final byte[] LINK_TEXT = JsonBytes.ascii(",\"text\":");
    private static final byte[] RELATION_HEAD = JsonBytes.ascii(",\"head\":");
    private static final byte[] RELATION_TAIL = JsonBytes.ascii(",\"tail\":");
    private static final byte[] COMMA_LINK_RESOURCE = JsonBytes.ascii(",{\"resource\":");
    private static final byte[] EMPTY_OBJECT = JsonBytes.ascii("{}");

    @Override
    public DocWriter open(OutputStream out) throws IOException {
        JsonBytes json = new JsonBytes(out);
        Map<String, byte[]> labels = new HashMap<>();
        return new DocWriter() {
            @Override
            public void write(ExDoc doc) throws IOException {
                json.raw(OBJECT_ID).string(doc.id).raw(DOC_TEXT);
                if (doc.utf8 != null) {
                    json.utf8String(doc.utf8);
                } else {
                    json.string(doc.text);
                }
                json.raw(DOC_META);
                map(json, doc.meta);
                json.raw(DOC_ANNOTATOR).string(doc.annotator).raw(DOC_STATUS).string(doc.status).raw(DOC_SPANS);
                for (int i = 0; i < doc.spans.size(); i++) {
                    ExDoc.ExSpan span = doc.spans.get(i);
                    json.raw(i == 0 ? OBJECT_ID : COMMA_OBJECT_ID).string(span.id)
                            .raw(SPAN_START).number(span.start).raw(SPAN_END).number(span.end)
                            .raw(LABEL).raw(label(span.label)).raw(SPAN_TEXT);
                    if (doc.utf8 != null) {
                        json.utf8String(doc.utf8, span.utf8Start, span.utf8End);
                    } else {
                        json.string(span.text);
                    }
                    json.raw(ATTRIBUTES);
                    map(json, span.attributes);
                    json.raw(NOTE).string(span.note).raw(SPAN_LINKS);
                    for (int l = 0; l < span.links.size(); l++) {
                        ExDoc.Link link = span.links.get(l);
                        json.raw(l == 0 ? LINK_RESOURCE : COMMA_LINK_RESOURCE).string(link.resource())
                                .raw(LINK_ID).string(link.id()).raw(LINK_TEXT).string(link.text()).raw('}');
                    }
                    json.raw(SPAN_END_OBJECT);
                }
                json.raw(DOC_RELATIONS);
                for (int i = 0; i < doc.relations.size(); i++) {
                    ExDoc.ExRelation relation = doc.relations.get(i);
                    json.raw(i == 0 ? OBJECT_ID : COMMA_OBJECT_ID).string(relation.id)
                            .raw(LABEL).raw(label(relation.label))
                            .raw(RELATION_HEAD).string(relation.head).raw(RELATION_TAIL).string(relation.tail)
                            .raw(ATTRIBUTES);
                    map(json, relation.attributes);
                    json.raw(NOTE).string(relation.note).raw('}');
                }
                json.raw(DOC_END);
            }

            /** Labels are few and repeat on every line: each is encoded once per export. */
            private byte[] label(String label) {
                return labels.computeIfAbsent(label, JsonBytes::literal);
            }

            @Override
            public void finish() throws IOException {
                json.flush();
            }
        };
    }

    /** Maps (meta, attributes) are rare and free-form: Jackson writes them, keys sorted. */
    private static void map(JsonBytes json, Map<String, Object> map) throws IOException {
        json.raw(map == null || map.isEmpty() ? EMPTY_OBJECT : JsonOut.JSON.writeValueAsBytes(map));
    }
}
