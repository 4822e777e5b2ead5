package org.relata.exchange.codec;

import java.util.List;
import java.util.Map;

/**
 * PostgreSQL stores no NUL (U+0000) in text or jsonb. A document's id, metadata, annotator, labels, attributes,
 * notes and links are checked before anything is written, so such a file is refused with the field named (400)
 * instead of failing half-way in the database (500).
 */
public final class NulCharacters {

    private static final String MESSAGE = "contains a NUL character (U+0000), which Relata cannot store.";

    private NulCharacters() {
    }

    public static void check(ExDoc doc) {
        ExDoc.Where at = doc.where;
        refuse(at, ".id", doc.id);
        refuse(at, ".annotator", doc.annotator);
        refuse(at, ".meta", doc.meta);
        for (ExDoc.ExSpan span : doc.spans) {
            annotation(span);
            for (int i = 0; i < span.links.size(); i++) {
                ExDoc.Link link = span.links.get(i);
                String field = ".links[" + i + "]";
                refuse(span.where, field + ".resource", link.resource());
                refuse(span.where, field + ".id", link.id());
                refuse(span.where, field + ".text", link.text());
            }
        }
        for (ExDoc.ExRelation relation : doc.relations) {
            annotation(relation);
            refuse(relation.where, ".head", relation.head);
            refuse(relation.where, ".tail", relation.tail);
        }
    }

    private static void annotation(ExDoc.ExAnnotation annotation) {
        ExDoc.Where at = annotation.where;
        refuse(at, ".id", annotation.id);
        refuse(at, ".label", annotation.label);
        refuse(at, ".note", annotation.note);
        refuse(at, ".attributes", annotation.attributes);
        for (int i = 0; i < annotation.notes.size(); i++) {
            refuse(at, ".notes[" + i + "].type", annotation.notes.get(i).type());
            refuse(at, ".notes[" + i + "].text", annotation.notes.get(i).text());
        }
    }

    /** Strings, and the keys and values of JSON objects and arrays, at any depth. */
    private static void refuse(ExDoc.Where at, String field, Object value) {
        if (value instanceof String text) {
            if (text.indexOf('\u0000') >= 0) {
                throw ImportError.at(at, field, "The field " + field.substring(1) + " " + MESSAGE);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                refuse(at, field, key);
                refuse(at, field + "." + key.replace("\u0000", "\\u0000"), entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                refuse(at, field + "[" + i + "]", list.get(i));
            }
        }
    }
}
