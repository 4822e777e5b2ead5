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
