package org.relata.exchange.codec;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Reads the JSON columns of an export row (meta, attributes, links); the queries send empty ones as NULL. */
public final class JsonMaps {

    private JsonMaps() {
    }

    public static Map<String, Object> read(String json) throws IOException {
        if (json == null || json.equals("{}")) {
            return new LinkedHashMap<>();
        }
        try (JsonParser p = JsonFields.JSON.getFactory().createParser(json)) {
            p.nextToken();
            return readObject(p);
        }
    }

    /** Adds the links of a span's {@code links} column, a JSON array of {resource, id, text}. */
    public static void readLinks(String json, List<ExDoc.Link> links) throws IOException {
        readEach(json, links,
                link -> new ExDoc.Link(string(link.get("resource")), string(link.get("id")), string(link.get("text"))));
    }

    /** Adds the typed notes of a {@code typed_notes} column, a JSON array of {type, text}. */
    public static void readNotes(String json, List<ExDoc.Note> notes) throws IOException {
        readEach(json, notes, note -> new ExDoc.Note(string(note.get("type")), string(note.get("text"))));
    }

    /** Adds what each object of a JSON array of objects (a jsonb column, null when none) makes. */
    private static <T> void readEach(String json, List<T> into, Function<Map<String, Object>, T> make)
            throws IOException {
        if (json == null || json.equals("[]")) {
            return;
        }
        try (JsonParser p = JsonFields.JSON.getFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                into.add(make.apply(readObject(p)));
            }
        }
    }

    /** The object at the parser's START_OBJECT, read to its END_OBJECT. */
    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        p.nextToken();
        while (p.currentToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            map.put(name, JsonFields.JSON.readValue(p, Object.class));
            p.nextToken();
        }
        return map;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
