package org.relata.annotation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relata.project.Project;
import org.relata.web.ApiException;

/**
 * A span's entity links (brat's N lines) as the API takes them: {@code [{"resource","id","text"?}]}. The resource
 * must be one the project's schema lists (its linkResources), unless that list is empty.
 */
final class SpanLinks {

    private SpanLinks() {
    }

    static List<Map<String, Object>> checked(Project project, List<Map<String, Object>> links) {
        if (links == null) {
            return List.of();
        }
        List<Map<String, Object>> checked = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Map<String, Object> link = links.get(i);
            String at = "links[" + i + "]";
            if (link == null) {
                throw ApiException.badField("A link is {\"resource\", \"id\", \"text\"}.", at);
            }
            for (String key : link.keySet()) {
                if (!key.equals("resource") && !key.equals("id") && !key.equals("text")) {
                    throw ApiException.badField("Unknown field '" + key + "' of a link.", at + "." + key);
                }
            }
            String resource = string(link.get("resource"), at + ".resource");
            String id = string(link.get("id"), at + ".id");
            Object text = link.get("text");
            if (resource == null || !resource.matches("[^\\s:]{1,100}")) {
                throw ApiException.badField("A link's resource is a name of 1 to 100 characters without spaces or ':'.",
                        at + ".resource");
            }
            List<String> allowed = project.linkResources == null ? List.of() : project.linkResources;
            if (!allowed.isEmpty() && !allowed.contains(resource)) {
                throw ApiException.badField("The schema allows links into " + String.join(", ", allowed) + ", not '"
                        + resource + "'.", at + ".resource");
            }
            if (id == null || id.isBlank() || id.length() > 200 || id.matches(".*\\s.*")) {
                throw ApiException.badField("A link's id has 1 to 200 characters without spaces (Q30, P60568).", at + ".id");
            }
            String label = text == null ? null : string(text, at + ".text");
            if (label != null && (label.length() > 1000 || label.contains("\n") || label.contains("\t"))) {
                throw ApiException.badField("A link's text is one line of at most 1000 characters.", at + ".text");
            }
            Map<String, Object> clean = new LinkedHashMap<>();
            clean.put("resource", resource);
            clean.put("id", id);
            clean.put("text", label == null || label.isBlank() ? null : label);
            checked.add(clean);
        }
        return checked;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> linkList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> item != null && !(item instanceof Map))) {
            throw ApiException.badField("links is a list of {\"resource\", \"id\", \"text\"}.", "links");
        }
        return (List<Map<String, Object>>) value;
    }

    static List<List<Integer>> fragmentList(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw ApiException.badField("fragments is a list of [start, end].", "fragments");
        }
        List<List<Integer>> fragments = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Integer start)
                    || !(pair.get(1) instanceof Integer end)) {
                throw ApiException.badField("A fragment is [start, end], two whole numbers.", "fragments");
            }
            fragments.add(List.of(start, end));
        }
        return fragments;
    }

    private static String string(Object value, String field) {
        if (value != null && !(value instanceof String)) {
            throw ApiException.badField(field + " must be a string.", field);
        }
        return (String) value;
    }
}
