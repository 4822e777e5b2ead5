package org.relata.exchange.format.tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relata.exchange.codec.DocWriter;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.JsonLinesFormat;
import org.relata.exchange.codec.JsonOut;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Prodigy/spaCy-style JSONL, the shape spaCy's relation-extraction project reads: tokens from {@link Tokenizer},
 * spans with token_start/token_end (inclusive), relations with head/child (the first token of each span) and
 * head_span/child_span. A span whose edges are not token edges is left out (never shifted), with the relations on
 * it; the count is in the X-Relata-Left-Out header.
 */
public final class ProdigyExporter implements JsonLinesFormat, TokenFormat {

    @Override
    public DocWriter open(OutputStream out) throws IOException {
        JsonGenerator json = JsonOut.generator(out);
        return new LeftOutCounter(json) {

            @Override
            public void write(ExDoc doc) throws IOException {
                Tokenizer.Tokens index = Tokenizer.index(doc.text());
                List<Tokenizer.Token> tokens = index.list();
                json.writeStartObject();
                json.writeStringField("text", doc.text());
                json.writeArrayFieldStart("tokens");
                for (int i = 0; i < tokens.size(); i++) {
                    Tokenizer.Token token = tokens.get(i);
                    json.writeStartObject();
                    json.writeStringField("text", token.text());
                    json.writeNumberField("start", token.start());
                    json.writeNumberField("end", token.end());
                    json.writeNumberField("id", i);
                    json.writeBooleanField("ws", token.spaceAfter());
                    json.writeEndObject();
                }
                json.writeEndArray();
                // The spans on token edges, by id, with their token ranges.
                Map<String, ExDoc.ExSpan> kept = new HashMap<>();
                Map<String, int[]> ranges = new HashMap<>();
                json.writeArrayFieldStart("spans");
                for (ExDoc.ExSpan span : doc.spans) {
                    // A discontinuous span has no place in this format: it is left out and counted (issue 13).
                    int[] range = span.fragments == null ? index.covering(span) : null;
                    if (range == null) {
                        leftOut++;
                        continue;
                    }
                    kept.put(span.id, span);
                    ranges.put(span.id, range);
                    writeSpan(json, span, range);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("relations");
                for (ExDoc.ExRelation relation : doc.relations) {
                    ExDoc.ExSpan head = kept.get(relation.head);
                    ExDoc.ExSpan child = kept.get(relation.tail);
                    if (head == null || child == null) {
                        leftOut++;
                        continue;
                    }
                    json.writeStartObject();
                    json.writeNumberField("head", ranges.get(head.id)[0]);
                    json.writeNumberField("child", ranges.get(child.id)[0]);
                    json.writeFieldName("head_span");
                    writeSpan(json, head, ranges.get(head.id));
                    json.writeFieldName("child_span");
                    writeSpan(json, child, ranges.get(child.id));
                    json.writeStringField("label", relation.label);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeObjectFieldStart("meta");
                json.writeStringField("id", doc.id);
                json.writeStringField("annotator", doc.annotator);
                json.writeEndObject();
                json.writeStringField("answer", "accept");
                json.writeEndObject();
                json.writeRaw('\n');
            }
        };
    }

    private static void writeSpan(JsonGenerator json, ExDoc.ExSpan span, int[] tokens) throws IOException {
        json.writeStartObject();
        json.writeNumberField("start", span.start);
        json.writeNumberField("end", span.end);
        json.writeNumberField("token_start", tokens[0]);
        json.writeNumberField("token_end", tokens[1]);
        json.writeStringField("label", span.label);
        json.writeEndObject();
    }
}
