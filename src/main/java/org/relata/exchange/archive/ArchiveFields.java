package org.relata.exchange.archive;

import org.relata.web.ApiError;
import org.relata.web.ApiException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads fields of one JSON value of an archive entry and, when one is missing or of the wrong kind, answers 400
 * naming the entry, the line (documents.jsonl) and the field's path ({@code $.layers[0].spans[3].start}).
 */
final class ArchiveFields {

    final String entry;
    final Integer line;

    ArchiveFields(String entry, Integer line) {
        this.entry = entry;
        this.line = line;
    }

    ApiException error(String field, String message) {
        return new ApiException(400, new ApiError(message, entry, line, field));
    }

    JsonNode object(JsonNode parent, String path, String name) {
        JsonNode value = parent.get(name);
        if (value == null || !value.isObject()) {
            throw error(path + "." + name, "'" + name + "' must be a JSON object.");
        }
        return value;
    }

    /** An array, or an empty one when the field is absent or null. */
    JsonNode array(JsonNode parent, String path, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw error(path + "." + name, "'" + name + "' must be a JSON array.");
        }
        return value;
    }

    String string(JsonNode parent, String path, String name) {
        JsonNode value = parent.get(name);
        if (value == null || !value.isTextual()) {
            throw error(path + "." + name, "'" + name + "' must be a string.");
        }
        return value.textValue();
    }

    /** A string, or null when absent or null. */
    String optionalString(JsonNode parent, String path, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error(path + "." + name, "'" + name + "' must be a string.");
        }
        return value.textValue();
    }

    int integer(JsonNode parent, String path, String name) {
        JsonNode value = parent.get(name);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw error(path + "." + name, "'" + name + "' must be a whole number.");
        }
        return value.intValue();
    }

    long optionalLong(JsonNode parent, String path, String name, long otherwise) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw error(path + "." + name, "'" + name + "' must be a whole number.");
        }
        return value.longValue();
    }

    Double optionalNumber(JsonNode parent, String path, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw error(path + "." + name, "'" + name + "' must be a number.");
        }
        return value.doubleValue();
    }

    boolean bool(JsonNode parent, String path, String name, boolean otherwise) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw error(path + "." + name, "'" + name + "' must be true or false.");
        }
        return value.booleanValue();
    }

    /** A timestamp in ISO 8601 with offset, or null when absent. */
    java.time.OffsetDateTime optionalTime(JsonNode parent, String path, String name) {
        String text = optionalString(parent, path, name);
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw error(path + "." + name, "'" + name + "' must be a date and time like 2026-12-03T10:15:30Z.");
        }
    }
}
