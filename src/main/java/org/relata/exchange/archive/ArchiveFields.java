package org.relata.exchange.archive;

import java.util.function.Function;
import java.util.function.Predicate;

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
        return required(parent, path, name, JsonNode::isObject, "a JSON object", value -> value);
    }

    /** An array, or an empty one when the field is absent or null. */
    JsonNode array(JsonNode parent, String path, String name) {
        return optional(parent, path, name, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(),
                JsonNode::isArray, "a JSON array", value -> value);
    }

    String string(JsonNode parent, String path, String name) {
        return required(parent, path, name, JsonNode::isTextual, "a string", JsonNode::textValue);
    }

    /** A string, or null when absent or null. */
    String optionalString(JsonNode parent, String path, String name) {
        return optional(parent, path, name, null, JsonNode::isTextual, "a string", JsonNode::textValue);
    }

    int integer(JsonNode parent, String path, String name) {
        return required(parent, path, name, value -> value.canConvertToInt() && value.isIntegralNumber(),
                "a whole number", JsonNode::intValue);
    }

    long optionalLong(JsonNode parent, String path, String name, long otherwise) {
        return optional(parent, path, name, otherwise, value -> value.isIntegralNumber() && value.canConvertToLong(),
                "a whole number", JsonNode::longValue);
    }

    Double optionalNumber(JsonNode parent, String path, String name) {
        return optional(parent, path, name, null, JsonNode::isNumber, "a number", JsonNode::doubleValue);
    }

    boolean bool(JsonNode parent, String path, String name, boolean otherwise) {
        return optional(parent, path, name, otherwise, JsonNode::isBoolean, "true or false", JsonNode::booleanValue);
    }

    /** The field's value, read when it is of the kind that fits; else 400 "'name' must be {kind}." */
    private <T> T required(JsonNode parent, String path, String name, Predicate<JsonNode> fits, String kind,
            Function<JsonNode, T> read) {
        JsonNode value = parent.get(name);
        if (value == null || !fits.test(value)) {
            throw error(path + "." + name, "'" + name + "' must be " + kind + ".");
        }
        return read.apply(value);
    }

    /** As {@link #required}, but otherwise when the field is absent or JSON null. */
    private <T> T optional(JsonNode parent, String path, String name, T otherwise, Predicate<JsonNode> fits,
            String kind, Function<JsonNode, T> read) {
        JsonNode value = parent.get(name);
        return value == null || value.isNull() ? otherwise : required(parent, path, name, fits, kind, read);
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
