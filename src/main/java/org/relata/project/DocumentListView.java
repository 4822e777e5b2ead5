package org.relata.project;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the project page's document list is showing — its sort, filters and the layer its status column reads —
 * and the links that keep them while one of them changes. {@code layers} are the owners the caller may pick.
 */
public record DocumentListView(String sort, String status, String annotator, String owner, List<String> layers,
        List<String> annotators) {

    /** The filters as a query string, without sort and page, for links and the bulk form's "all matching". */
    public String filters() {
        StringBuilder query = new StringBuilder();
        append(query, "status", status);
        append(query, "annotator", annotator);
        append(query, "owner", owner);
        return query.toString();
    }

    /** The sort a column header links to: ascending by that column, or descending when it already is. */
    public String toggle(String column) {
        return column.equals(sort) ? "-" + column : column;
    }

    /** "ascending", "descending" or "none", for the header's aria-sort. */
    public String ariaSort(String column) {
        if (column.equals(sort)) {
            return "ascending";
        }
        return ("-" + column).equals(sort) ? "descending" : "none";
    }

    public String arrow(String column) {
        return switch (ariaSort(column)) {
            case "ascending" -> " ▲";
            case "descending" -> " ▼";
            default -> "";
        };
    }

    public List<String> statuses() {
        return List.of("NEW", "IN_PROGRESS", "DONE");
    }

    public boolean filtered() {
        return status != null || annotator != null;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
