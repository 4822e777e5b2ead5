package org.relata.exchange.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Typed reads from one JSON line, with errors that name the line and the JSON path. */
public final class JsonFields {

    public static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonFields() {
    }

    public static ObjectNode parseLine(String line, ExDoc.Where where) {
        if (line.isBlank()) {
            throw ImportError.at(new ExDoc.Where(where.file(), where.line(), "$"),
                    "Line " + where.line() + " is blank; every line holds one JSON document.");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw ImportError.at(new ExDoc.Where(where.file(), where.line(), "$"),
                    "Line " + where.line() + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw ImportError.at(where, "Line " + where.line() + " is not a JSON object.");
        }
        return object;
    }

    public static String string(JsonNode parent, String name, ExDoc.Where where, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw ImportError.at(where, "." + name, "'" + name + "' is required.");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ImportError.at(where, "." + name, "'" + name + "' must be a string.");
        }
        return node.textValue();
    }

    /** An id may be a string or a number (doccano numbers its entities); either way it becomes a string. */
    public static String id(JsonNode parent, String name, ExDoc.Where where, boolean required) {
        JsonNode node = parent.get(name);
        if (node != null && node.isIntegralNumber()) {
            return node.asText();
        }
        return string(parent, name, where, required);
    }

    /** An optional finite number; null when absent or null. */
    public static Double number(JsonNode parent, String name, ExDoc.Where where) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw ImportError.at(where, "." + name, "'" + name + "' must be a number.");
        }
        return node.doubleValue();
    }

    public static int integer(JsonNode parent, String name, ExDoc.Where where) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ImportError.at(where, "." + name, "'" + name + "' must be a whole number (a code point offset).");
        }
        return node.intValue();
    }

    public static Map<String, Object> object(JsonNode parent, String name, ExDoc.Where where) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return new LinkedHashMap<>();
        }
        if (!node.isObject()) {
            throw ImportError.at(where, "." + name, "'" + name + "' must be a JSON object.");
        }
        return toMap(node);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonNode node) {
        return JSON.convertValue(node, LinkedHashMap.class);
    }

    public static JsonNode array(JsonNode parent, String name, ExDoc.Where where) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ImportError.at(where, "." + name, "'" + name + "' must be a JSON array.");
        }
        return node;
    }

    /** What to make of one item of an array field, told where the item stands. */
    @FunctionalInterface
    public interface ItemReader<T> {
        T read(JsonNode item, ExDoc.Where at);
    }

    /**
     * Reads each item of an optional array field ({@code name[i]} in error positions); {@code objectsOnly} names the
     * kind of item ("a span") when items must be JSON objects, or is null.
     */
    public static <T> List<T> items(JsonNode parent, String name, ExDoc.Where where, String objectsOnly, ItemReader<T> reader) {
        JsonNode array = array(parent, name, where);
        List<T> read = new ArrayList<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            ExDoc.Where at = where.field("." + name + "[" + i + "]");
            if (objectsOnly != null && !array.get(i).isObject()) {
                throw ImportError.at(at, capitalised(objectsOnly) + " is a JSON object.");
            }
            read.add(reader.read(array.get(i), at));
        }
        return read;
    }

    private static String capitalised(String phrase) {
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
