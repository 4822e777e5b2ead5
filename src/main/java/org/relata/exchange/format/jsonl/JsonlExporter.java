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
    private static final byte[] LINK_RESOURCE = JsonBytes.ascii("{\"resource\":");
    private static final byte[] LINK_ID = JsonBytes.ascii(",\"id\":");
    private static final byte[] LINK_TEXT = JsonBytes.ascii(",\"text\":");
    private static final byte[] RELATION_HEAD = JsonBytes.ascii(",\"head\":");
    private static final byte[] RELATION_TAIL = JsonBytes.ascii(",\"tail\":");
    private static final byte[] COMMA_LINK_RESOURCE = JsonBytes.ascii(",{\"resource\":");
    private static final byte[] EMPTY_OBJECT = JsonBytes.ascii("{}");
    // Keys that only appear when they hold something (issue 13), so lines without them stay as they were.
    private static final byte[] FRAGMENTS = JsonBytes.ascii(",\"fragments\":");
    private static final byte[] SCORE = JsonBytes.ascii(",\"score\":");
    private static final byte[] NOTES = JsonBytes.ascii(",\"notes\":[");
    private static final byte[] NOTE_TYPE = JsonBytes.ascii("{\"type\":");
    private static final byte[] COMMA_NOTE_TYPE = JsonBytes.ascii(",{\"type\":");
    private static final byte[] DOC_EQUIVALENCES = JsonBytes.ascii("],\"equivalences\":[");
    private static final byte[] EQUIVALENCE_TYPE = JsonBytes.ascii("{\"type\":");
    private static final byte[] COMMA_EQUIVALENCE_TYPE = JsonBytes.ascii(",{\"type\":");
    private static final byte[] EQUIVALENCE_SPANS = JsonBytes.ascii(",\"spans\":[");
    private static final byte[] DOC_EVENTS = JsonBytes.ascii("],\"events\":[");
    private static final byte[] EVENT_TRIGGER = JsonBytes.ascii(",\"trigger\":");
    private static final byte[] EVENT_ARGUMENTS = JsonBytes.ascii(",\"arguments\":[");
    private static final byte[] ARGUMENT_ROLE = JsonBytes.ascii("{\"role\":");
    private static final byte[] COMMA_ARGUMENT_ROLE = JsonBytes.ascii(",{\"role\":");
    private static final byte[] ARGUMENT_REF = JsonBytes.ascii(",\"ref\":");

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
                    json.raw(']');
                    if (span.fragments != null) {
                        json.raw(FRAGMENTS);
                        for (int f = 0; f < span.fragments.size(); f++) {
                            json.raw(f == 0 ? '[' : ',').raw('[').number(span.fragments.get(f)[0]).raw(',')
                                    .number(span.fragments.get(f)[1]).raw(']');
                        }
                        json.raw(']');
                    }
                    notes(json, span);
                    if (span.score != null) {
                        // Only suggestions carry a score; other spans keep their bytes.
                        json.raw(SCORE).raw(JsonBytes.ascii(Double.toString(span.score)));
                    }
                    json.raw('}');
                }
                json.raw(DOC_RELATIONS);
                for (int i = 0; i < doc.relations.size(); i++) {
                    ExDoc.ExRelation relation = doc.relations.get(i);
                    json.raw(i == 0 ? OBJECT_ID : COMMA_OBJECT_ID).string(relation.id)
                            .raw(LABEL).raw(label(relation.label))
                            .raw(RELATION_HEAD).string(relation.head).raw(RELATION_TAIL).string(relation.tail)
                            .raw(ATTRIBUTES);
                    map(json, relation.attributes);
                    json.raw(NOTE).string(relation.note);
                    notes(json, relation);
                    json.raw('}');
                }
                if (!doc.equivalences.isEmpty()) {
                    json.raw(DOC_EQUIVALENCES);
                    for (int i = 0; i < doc.equivalences.size(); i++) {
                        ExDoc.ExEquivalence equivalence = doc.equivalences.get(i);
                        json.raw(i == 0 ? EQUIVALENCE_TYPE : COMMA_EQUIVALENCE_TYPE).string(equivalence.type).raw(EQUIVALENCE_SPANS);
                        for (int m = 0; m < equivalence.members.size(); m++) {
                            if (m > 0) {
                                json.raw(',');
                            }
                            json.string(equivalence.members.get(m));
                        }
                        json.raw(']').raw('}');
                    }
                }
                if (!doc.events.isEmpty()) {
                    json.raw(DOC_EVENTS);
                    for (int i = 0; i < doc.events.size(); i++) {
                        ExDoc.ExEvent event = doc.events.get(i);
                        json.raw(i == 0 ? OBJECT_ID : COMMA_OBJECT_ID).string(event.id).raw(LABEL).raw(label(event.label))
                                .raw(EVENT_TRIGGER).string(event.trigger).raw(EVENT_ARGUMENTS);
                        for (int a = 0; a < event.arguments.size(); a++) {
                            ExDoc.Argument argument = event.arguments.get(a);
                            json.raw(a == 0 ? ARGUMENT_ROLE : COMMA_ARGUMENT_ROLE).string(argument.role())
                                    .raw(ARGUMENT_REF).string(argument.ref()).raw('}');
                        }
                        json.raw(']').raw(ATTRIBUTES);
                        map(json, event.attributes);
                        json.raw(NOTE).string(event.note);
                        notes(json, event);
                        json.raw('}');
                    }
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

    private static void notes(JsonBytes json, ExDoc.ExAnnotation annotation) throws IOException {
        if (annotation.notes.isEmpty()) {
            return;
        }
        json.raw(NOTES);
        for (int n = 0; n < annotation.notes.size(); n++) {
            ExDoc.Note note = annotation.notes.get(n);
            json.raw(n == 0 ? NOTE_TYPE : COMMA_NOTE_TYPE).string(note.type()).raw(LINK_TEXT).string(note.text()).raw('}');
        }
        json.raw(']');
    }

    /** Maps (meta, attributes) are rare and free-form: Jackson writes them, keys sorted. */
    private static void map(JsonBytes json, Map<String, Object> map) throws IOException {
        json.raw(map == null || map.isEmpty() ? EMPTY_OBJECT : JsonOut.JSON.writeValueAsBytes(map));
    }
}
