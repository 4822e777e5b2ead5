package org.relata.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

import org.relata.web.ApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An import's labelMap parameter: a JSON object from a file's labels to the project's labels, strings only. */
final class LabelMap {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENTRIES = 2_000;

    private LabelMap() {
    }

    static Map<String, String> parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(parameter);
        } catch (JsonProcessingException e) {
            throw ApiException.badField("labelMap is a JSON object from file labels to project labels, such as"
                    + " {\"Country\":\"COUNTRY\"}; this one is not JSON.", "labelMap");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badField("labelMap is a JSON object from file labels to project labels, such as"
                    + " {\"Country\":\"COUNTRY\"}.", "labelMap");
        }
        if (node.size() > MAX_ENTRIES) {
            throw ApiException.badField("labelMap has at most " + MAX_ENTRIES + " entries.", "labelMap");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual() || entry.getValue().asText().isEmpty()) {
                throw ApiException.badField("labelMap's entry for '" + entry.getKey() + "' must be a project label's"
                        + " name (a non-empty string).", "labelMap." + entry.getKey());
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }
}
