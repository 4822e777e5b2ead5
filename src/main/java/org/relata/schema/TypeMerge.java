package org.relata.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.relata.audit.AuditLog;
import org.relata.project.Project;
import org.relata.user.User;
import org.relata.web.ApiException;

/**
 * Merges one type into another of its kind: the annotations move, the merged type goes, and one audit event records
 * it. Runs under the same project lock and version check as every other schema change ({@link SchemaService}).
 */
@ApplicationScoped
public class TypeMerge {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    LabelUses labelUses;

    @Inject
    SchemaService schemas;

    @Inject
    ObjectMapper json;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** What a merge did: the type merged (now gone), the type it went into, the annotations moved. */
    public record MergeResult(String merged, String into, long spans, long relations, long duplicatesRemoved) {
    }

    /**
     * Merges entity type {@code typeId} into {@code intoId}: its spans take the other type, the allowed pairs and the
     * event types' roles that name it name the other type, and the type is removed; one audit event records the
     * schema (with the event types) before and after.
     */
    @Transactional
    public MergeResult mergeEntityType(User actor, long projectId, long typeId, Long intoId, String expectedVersion) {
        SchemaService.LockedSchema plan = schemas.lockForChange(actor, projectId, expectedVersion);
        Merging<EntityType> types = merging(EntityType.class, "entity type", projectId, typeId, intoId);
        EntityType into = types.into();
        String fromName = types.from().name;
        String intoName = into.name;
        em.flush();
        em.clear();
        List<Map<String, Object>> eventTypesBefore = eventTypes(projectId);
        long spans = labelUses.relabelSpans(typeId, into.id);
        em.createNativeQuery("insert into relation_type_pairs (relation_type_id, project_id, head_type_id, tail_type_id)"
                + " select relation_type_id, project_id, case when head_type_id = ?1 then ?2 else head_type_id end,"
                + " case when tail_type_id = ?1 then ?2 else tail_type_id end from relation_type_pairs"
                + " where project_id = ?3 and (head_type_id = ?1 or tail_type_id = ?1) on conflict do nothing")
                .setParameter(1, typeId).setParameter(2, into.id).setParameter(3, projectId).executeUpdate();
        renameInEventRoles(projectId, fromName, intoName);
        em.createNativeQuery("delete from entity_types where id = ?1").setParameter(1, typeId).executeUpdate();
        MergeResult result = new MergeResult(fromName, intoName, spans, 0, 0);
        recordMerge(actor, plan, "entity_type", typeId, result, eventTypesBefore);
        return result;
    }

    /**
     * Merges relation type {@code typeId} into {@code intoId}: its relations take the other type (one that would
     * repeat a relation of the other type between the same spans is removed), and the type is removed. The other
     * type's allowed pairs are not widened: when they forbid a pair the merged relations use, nothing changes (409
     * naming the pairs).
     */
    @Transactional
    public MergeResult mergeRelationType(User actor, long projectId, long typeId, Long intoId, String expectedVersion) {
        SchemaService.LockedSchema plan = schemas.lockForChange(actor, projectId, expectedVersion);
        Merging<RelationType> types = merging(RelationType.class, "relation type", projectId, typeId, intoId);
        RelationType from = types.from();
        RelationType into = types.into();
        if (!into.allowed.isEmpty()) {
            Set<List<Long>> pairs = new HashSet<>();
            Map<Long, String> names = new HashMap<>();
            into.allowed.forEach(p -> pairs.add(List.of(p.headType.id, p.tailType.id)));
            EntityType.inProject(plan.project()).forEach(t -> names.put(t.id, t.name));
            List<String> forbidden = new ArrayList<>();
            for (long[] pair : labelUses.relationPairs(typeId)) {
                if (!SchemaRules.allows(into.directed, true, (h, t) -> pairs.contains(List.of(h, t)), pair[0], pair[1])) {
                    forbidden.add(names.get(pair[0]) + " → " + names.get(pair[1]));
                }
            }
            if (!forbidden.isEmpty()) {
                throw ApiException.conflictOn("Relation type '" + into.name + "' does not allow " + String.join(", ",
                        forbidden) + ", which relations of '" + from.name + "' connect; allow the pairs first. Nothing"
                        + " was merged.", "into");
            }
        }
        String fromName = from.name;
        String intoName = into.name;
        boolean directed = into.directed;
        em.flush();
        em.clear();
        long[] moved = labelUses.relabelRelations(typeId, into.id, directed);
        em.createNativeQuery("delete from relation_types where id = ?1").setParameter(1, typeId).executeUpdate();
        MergeResult result = new MergeResult(fromName, intoName, 0, moved[0], moved[1]);
        recordMerge(actor, plan, "relation_type", typeId, result, null);
        return result;
    }

    /** The type merged and the one it goes into. */
    private record Merging<T extends LabelType>(T from, T into) {
    }

    /** Both types of one merge, of this project: an unknown {@code typeId} answers 404, a bad {@code into} 400. */
    private <T extends LabelType> Merging<T> merging(Class<T> kind, String what, long projectId, long typeId, Long intoId) {
        T from = em.find(kind, typeId);
        if (from == null || !from.project.id.equals(projectId)) {
            throw ApiException.notFound("No " + what + " " + typeId + " in this project.");
        }
        T into = intoId == null ? null : em.find(kind, intoId);
        checkInto(into == null || !into.project.id.equals(projectId) ? null : into.id, typeId, what);
        return new Merging<>(from, into);
    }

    private static void checkInto(Long into, long typeId, String kind) {
        if (into == null) {
            throw ApiException.badField("Give the id of the " + kind + " of this project to merge into.", "into");
        }
        if (into == typeId) {
            throw ApiException.badField("A type cannot be merged into itself.", "into");
        }
    }

    /**
     * Roles of the project's event types that accept {@code from} accept {@code into} instead, once per role: brat's
     * annotation.conf names argument types by name, so a role naming the merged type would accept nothing.
     */
    private void renameInEventRoles(long projectId, String from, String into) {
        String naming = json.createArrayNode().add(json.createObjectNode().set("types", json.createArrayNode().add(from)))
                .toString();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, cast(roles as text) from event_types"
                + " where project_id = ?1 and roles @> cast(?2 as jsonb)")
                .setParameter(1, projectId).setParameter(2, naming).getResultList();
        for (Object[] row : rows) {
            ArrayNode roles = (ArrayNode) parse((String) row[1]);
            for (JsonNode role : roles) {
                List<String> types = new ArrayList<>();
                role.path("types").forEach(t -> types.add(t.asText()));
                if (!types.contains(from)) {
                    continue;
                }
                LinkedHashSet<String> renamed = new LinkedHashSet<>();
                types.forEach(t -> renamed.add(t.equals(from) ? into : t));
                ArrayNode rewritten = json.createArrayNode();
                renamed.forEach(rewritten::add);
                ((ObjectNode) role).set("types", rewritten);
            }
            em.createNativeQuery("update event_types set roles = cast(?1 as jsonb) where id = ?2")
                    .setParameter(1, roles.toString()).setParameter(2, ((Number) row[0]).longValue()).executeUpdate();
        }
    }

    /** The project's event types with their roles, in schema order (the schema API does not carry them). */
    private List<Map<String, Object>> eventTypes(long projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, cast(roles as text) from event_types"
                + " where project_id = ?1 order by position, id").setParameter(1, projectId).getResultList();
        List<Map<String, Object>> types = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("name", row[0]);
            type.put("roles", json.convertValue(parse((String) row[1]), Object.class));
            types.add(type);
        }
        return types;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event_types.roles is not JSON", e);
        }
    }

    /**
     * One audit event for the whole merge: the schema before and after, and what moved. An entity type merge also
     * records the event types before and after, since their roles may name the merged type.
     */
    private void recordMerge(User actor, SchemaService.LockedSchema plan, String entity, long typeId, MergeResult result,
            List<Map<String, Object>> eventTypesBefore) {
        Schema after = schemas.read(em.find(Project.class, plan.project().id));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("merge", result);
        change.put("schema", after);
        Object before = plan.before();
        if (eventTypesBefore != null) {
            Map<String, Object> schemaBefore = new LinkedHashMap<>(json.convertValue(before, MAP));
            schemaBefore.put("eventTypes", eventTypesBefore);
            before = schemaBefore;
            change.put("eventTypes", eventTypes(plan.project().id));
        }
        audit.record(actor.id, plan.project().id, "merge", entity, typeId, before, change);
    }

}
