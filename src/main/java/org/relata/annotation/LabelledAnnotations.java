package org.relata.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.schema.AttributeDef;
import org.relata.schema.LabelUses;

/** Answers the schema's questions about spans and relations, so that schema needs no SQL over them. */
@ApplicationScoped
public class LabelledAnnotations implements LabelUses {

    @Inject
    EntityManager em;

    @Override
    public long spansLabelled(long entityTypeId) {
        return count("select count(*) from spans where entity_type_id = ?1", entityTypeId);
    }

    @Override
    public long relationsLabelled(long relationTypeId) {
        return count("select count(*) from relations where relation_type_id = ?1", relationTypeId);
    }

    @Override
    public long relabelSpans(long from, long into) {
        em.createNativeQuery("update annotation_layers set version = version + 1, updated_at = now()"
                + " where id in (select layer_id from spans where entity_type_id = ?1)").setParameter(1, from).executeUpdate();
        return em.createNativeQuery("update spans set entity_type_id = ?2 where entity_type_id = ?1")
                .setParameter(1, from).setParameter(2, into).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public java.util.List<long[]> relationPairs(long relationTypeId) {
        java.util.List<Object[]> rows = em.createNativeQuery("select distinct h.entity_type_id, t.entity_type_id from relations r"
                + " join spans h on h.id = r.head_span_id join spans t on t.id = r.tail_span_id"
                + " where r.relation_type_id = ?1").setParameter(1, relationTypeId).getResultList();
        return rows.stream().map(r -> new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()}).toList();
    }

    @Override
    public long[] relabelRelations(long from, long into, boolean intoDirected) {
        em.createNativeQuery("update annotation_layers set version = version + 1, updated_at = now()"
                + " where id in (select layer_id from relations where relation_type_id = ?1)").setParameter(1, from)
                .executeUpdate();
        // The API refuses a second relation of one type between the same spans (RelationRules): a merge keeps one.
        int removed = em.createNativeQuery("delete from relations r using relations o where r.relation_type_id = ?1"
                + " and o.relation_type_id = ?2 and o.layer_id = r.layer_id and ((o.head_span_id = r.head_span_id"
                + " and o.tail_span_id = r.tail_span_id) or (not ?3 and o.head_span_id = r.tail_span_id"
                + " and o.tail_span_id = r.head_span_id))")
                .setParameter(1, from).setParameter(2, into).setParameter(3, intoDirected).executeUpdate();
        int relabelled = em.createNativeQuery("update relations set relation_type_id = ?2 where relation_type_id = ?1")
                .setParameter(1, from).setParameter(2, into).executeUpdate();
        return new long[] {relabelled, removed};
    }

    @Override
    public void renameAttribute(long projectId, String target, String from, String to) {
        String table = AttributeDef.ON_RELATION.equals(target) ? "relations" : "spans";
        em.createNativeQuery("update " + table + " a set attributes = (a.attributes - ?1) || jsonb_build_object(?2, a.attributes -> ?1)"
                + " from annotation_layers l join documents d on d.id = l.document_id"
                + " where a.layer_id = l.id and d.project_id = ?3 and jsonb_exists(a.attributes, ?1)")
                .setParameter(1, from).setParameter(2, to).setParameter(3, projectId).executeUpdate();
    }

    private long count(String sql, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }
}
