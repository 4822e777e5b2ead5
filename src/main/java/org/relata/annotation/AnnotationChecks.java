package org.relata.annotation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.relata.project.Project;
import org.relata.schema.EntityType;
import org.relata.schema.RelationRules;
import org.relata.schema.RelationType;
import org.relata.web.ApiException;

/**
 * The checks of one layer edit, before anything is written: the request's fields and their types, the span's range
 * and fragments, the labels the schema knows, and the relation's arguments. Each refusal names the field (400).
 */
final class AnnotationChecks {

    private AnnotationChecks() {
    }

    static Span spanIn(Layer layer, long spanId, String field) {
        Span span = Span.findById(spanId);
        if (span == null || !span.layer.id.equals(layer.id)) {
            if (field != null) {
                throw ApiException.badField("There is no span " + spanId + " in this layer.", field);
            }
            throw ApiException.notFound("No such span in this layer.");
        }
        return span;
    }

    static Relation relationIn(Layer layer, long relationId) {
        Relation relation = Relation.findById(relationId);
        if (relation == null || !relation.layer.id.equals(layer.id)) {
            throw ApiException.notFound("No such relation in this layer.");
        }
        return relation;
    }

    /** The shared rule of {@link RelationRules}: different spans, an allowed pair, no duplicate (nor its reverse when undirected). */
    static void checkArguments(Relation relation) {
        RelationRules.Problem problem = RelationRules.problem(relation.head.id, relation.tail.id,
                relation.type.allows(relation.head.type, relation.tail.type), () -> {
                    String pair = relation.type.directed ? "head = ?1 and tail = ?2"
                            : "((head = ?1 and tail = ?2) or (head = ?2 and tail = ?1))";
                    return Relation.count(pair + " and type = ?3 and id <> ?4", relation.head, relation.tail,
                            relation.type, relation.id == null ? -1L : relation.id) > 0;
                });
        if (problem == null) {
            return;
        }
        switch (problem) {
            case SAME_SPAN -> throw ApiException.badField(problem.message, "tail");
            case NOT_ALLOWED -> throw ApiException.badField(relation.type.name + " does not allow "
                    + relation.head.type.name + " → " + relation.tail.type.name + ".", "label");
            case DUPLICATE -> throw ApiException.conflictOn(problem.message, "label");
        }
    }

    static EntityType entityType(Project project, String label) {
        return labelled(label, "entity type", name -> EntityType.named(project, name));
    }

    static RelationType relationType(Project project, String label) {
        return labelled(label, "relation type", name -> RelationType.named(project, name));
    }

    /** The type of the schema a request's label names; 400 on the field "label" when none is named or found. */
    private static <T> T labelled(String label, String kind, Function<String, T> named) {
        if (label == null || label.isBlank()) {
            throw ApiException.badField("label is required.", "label");
        }
        T type = named.apply(label);
        if (type == null) {
            throw ApiException.badField("The schema has no " + kind + " '" + label + "'.", "label");
        }
        return type;
    }

    /** A discontinuous span: valid fragments, inside the text; start and end become (or must be) their outer bounds. */
    static void setFragments(Span span, List<List<Integer>> fragments, Integer start, Integer end, int length) {
        List<int[]> pieces = new java.util.ArrayList<>();
        for (List<Integer> fragment : fragments) {
            if (fragment == null || fragment.size() != 2 || fragment.get(0) == null || fragment.get(1) == null) {
                throw ApiException.badField("A fragment is [start, end].", "fragments");
            }
            pieces.add(new int[] {fragment.get(0), fragment.get(1)});
        }
        String problem = SpanFragments.problem(pieces);
        if (problem != null) {
            throw ApiException.badField("The span's " + problem, "fragments");
        }
        int outerStart = pieces.get(0)[0];
        int outerEnd = pieces.get(pieces.size() - 1)[1];
        if (start != null && start != outerStart || end != null && end != outerEnd) {
            throw ApiException.badField("start and end of a discontinuous span are its fragments' outer bounds ("
                    + outerStart + ", " + outerEnd + ").", "fragments");
        }
        if (outerEnd > length) {
            throw ApiException.badField("A fragment passes the end of the document (" + length + " code points).", "fragments");
        }
        span.start = outerStart;
        span.end = outerEnd;
        span.fragments = pieces.size() < 2 ? null : pieces.stream().map(p -> List.of(p[0], p[1])).toList();
    }

    static void checkRange(int start, int end, int length) {
        if (start < 0) {
            throw ApiException.badField("start must be 0 or more.", "start");
        }
        if (end <= start) {
            throw ApiException.badField("end must be greater than start.", "end");
        }
        if (end > length) {
            throw ApiException.badField("end must not pass the end of the document (" + length + " code points).",
                    "end");
        }
    }

    static void checkFields(Map<String, Object> changes, Set<String> allowed) {
        for (String key : changes.keySet()) {
            if (!allowed.contains(key)) {
                throw ApiException.badField("Unknown field '" + key + "'.", key);
            }
        }
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiException.badField(field + " is required.", field);
        }
        return value;
    }

    static Integer integer(Object value, String field) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        throw ApiException.badField(field + " must be a whole number.", field);
    }

    static Long id(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw ApiException.badField(field + " must be a span id.", field);
    }

    static String text(Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ApiException.badField(field + " must be a string.", field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw ApiException.badField("attributes must be an object.", "attributes");
    }

    static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note;
    }
}
