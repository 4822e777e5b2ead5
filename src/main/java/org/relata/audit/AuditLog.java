package org.relata.audit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes who changed what, in the caller's transaction. A row keeps a compact change, not two full copies
 * (issue 12, item 6): a created or deleted object's fields without the empty ones, an update's changed fields only,
 * each as [old, new]. Layer writes also name their document and layer, for the audit page ({@link AuditTrail}).
 */
@ApplicationScoped
public class AuditLog {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    /** Entities whose id is a document's (trash, curation decisions, rejected suggestions, unassignments). */
    private static final java.util.Set<String> ABOUT_A_DOCUMENT = java.util.Set.of("document", "curation",
            "suggestion", "assignment");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Where a write happened: the document and the layer, when it touched one. */
    public record Place(Long documentId, Long layerId) {
        public static final Place NONE = new Place(null, null);
    }

    public void record(Long userId, Long projectId, String action, String entity, Long entityId, Object before,
            Object after) {
        record(userId, projectId, ABOUT_A_DOCUMENT.contains(entity) ? new Place(entityId, null) : Place.NONE, action,
                entity, entityId, before, after);
    }

    public void record(Long userId, Long projectId, Place place, String action, String entity, Long entityId,
            Object before, Object after) {
        em.createNativeQuery("insert into audit_events (user_id, project_id, document_id, layer_id, action, entity,"
                + " entity_id, change) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as json))")
                .setParameter(1, userId)
                .setParameter(2, projectId)
                .setParameter(3, place.documentId())
                .setParameter(4, place.layerId())
                .setParameter(5, action)
                .setParameter(6, entity)
                .setParameter(7, entityId)
                .setParameter(8, changeJson(before, after, entityId))
                .executeUpdate();
    }

    /**
     * The change column's text for a row written by the caller's own statement (a span write puts the span, the
     * layer's version and the audit row in one statement; issue 14, item 3): the same text {@link #record} writes.
     */
    public String changeJson(Object before, Object after, Long entityId) {
        return toJson(change(before, after, entityId));
    }

    /** The compact change between two states of an object (either may be null: created, deleted). */
    Object change(Object before, Object after, Long entityId) {
        Object old = compact(before, entityId);
        Object now = compact(after, entityId);
        if (old == null || now == null) {
            return old == null ? now : old;
        }
        if (!(old instanceof Map<?, ?> oldFields) || !(now instanceof Map<?, ?> newFields)) {
            return Objects.equals(old, now) ? null : java.util.List.of(old, now);
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        TreeSet<String> keys = new TreeSet<>();
        oldFields.keySet().forEach(k -> keys.add(String.valueOf(k)));
        newFields.keySet().forEach(k -> keys.add(String.valueOf(k)));
        for (String key : keys) {
            Object a = oldFields.get(key);
            Object b = newFields.get(key);
            if (!Objects.equals(a, b)) {
                changed.put(key, java.util.Arrays.asList(a, b));
            }
        }
        return changed;
    }

    /** An object as its JSON fields, without nulls, empty maps and empty lists (and its id: the row has it). */
    private Object compact(Object value, Long entityId) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        Object tree = json.convertValue(value, Object.class);
        if (!(tree instanceof Map<?, ?>)) {
            return tree;
        }
        Map<String, Object> fields = new LinkedHashMap<>(json.convertValue(value, FIELDS));
        if (entityId != null && fields.get("id") instanceof Number id && id.longValue() == entityId) {
            fields.remove("id");
        }
        fields.values().removeIf(v -> v == null || (v instanceof Map<?, ?> m && m.isEmpty())
                || (v instanceof Collection<?> c && c.isEmpty()));
        return fields;
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value is not serialisable", e);
        }
    }
}
