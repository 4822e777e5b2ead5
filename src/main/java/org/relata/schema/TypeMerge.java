package org.relata.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    /** What a merge did: the type merged (now gone), the type it went into, the annotations moved. */
    public record MergeResult(String merged, String into, long spans, long relations, long duplicatesRemoved) {
    }

    /**
     * Merges entity type {@code typeId} into {@code intoId}: its spans take the other type, the allowed pairs that
     * name it name the other type, and the type is removed; one audit event records the schema before and after.
     */
    @Transactional
    public MergeResult mergeEntityType(User actor, long projectId, long typeId, Long intoId, String expectedVersion) {
        SchemaService.LockedSchema plan = schemas.lockForChange(actor, projectId, expectedVersion);
        EntityType from = EntityType.findById(typeId);
        if (from == null || !from.project.id.equals(projectId)) {
            throw ApiException.notFound("No entity type " + typeId + " in this project.");
        }
        EntityType into = intoId == null ? null : EntityType.findById(intoId);
        checkInto(into == null || !into.project.id.equals(projectId) ? null : into.id, typeId, "entity type");
        String fromName = from.name;
        String intoName = into.name;
        em.flush();
        em.clear();
        long spans = labelUses.relabelSpans(typeId, into.id);
        em.createNativeQuery("insert into relation_type_pairs (relation_type_id, project_id, head_type_id, tail_type_id)"
                + " select relation_type_id, project_id, case when head_type_id = ?1 then ?2 else head_type_id end,"
                + " case when tail_type_id = ?1 then ?2 else tail_type_id end from relation_type_pairs"
                + " where project_id = ?3 and (head_type_id = ?1 or tail_type_id = ?1) on conflict do nothing")
                .setParameter(1, typeId).setParameter(2, into.id).setParameter(3, projectId).executeUpdate();
        em.createNativeQuery("delete from entity_types where id = ?1").setParameter(1, typeId).executeUpdate();
        MergeResult result = new MergeResult(fromName, intoName, spans, 0, 0);
        recordMerge(actor, plan, "entity_type", typeId, result);
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
        RelationType from = RelationType.findById(typeId);
        if (from == null || !from.project.id.equals(projectId)) {
            throw ApiException.notFound("No relation type " + typeId + " in this project.");
        }
        RelationType into = intoId == null ? null : RelationType.findById(intoId);
        checkInto(into == null || !into.project.id.equals(projectId) ? null : into.id, typeId, "relation type");
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
        recordMerge(actor, plan, "relation_type", typeId, result);
        return result;
    }

    private static void checkInto(Long into, long typeId, String kind) {
        if (into == null) {
            throw ApiException.badField("Give the id of the " + kind + " of this project to merge into.", "into");
        }
        if (into == typeId) {
            throw ApiException.badField("A type cannot be merged into itself.", "into");
        }
    }

    /** One audit event for the whole merge: the schema before and after, and what moved. */
    private void recordMerge(User actor, SchemaService.LockedSchema plan, String entity, long typeId, MergeResult result) {
        Schema after = schemas.read(em.find(Project.class, plan.project().id));
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("merge", result);
        change.put("schema", after);
        audit.record(actor.id, plan.project().id, "merge", entity, typeId, plan.before(), change);
    }
}
