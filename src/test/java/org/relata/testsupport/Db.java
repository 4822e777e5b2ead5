package org.relata.testsupport;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Direct SQL for the few fixtures and checks that no public call covers yet. */
@ApplicationScoped
public class Db {

    @Inject
    EntityManager em;

    /** A document with one gold span of the named type; returns the span id. */
    @Transactional
    public long spanOfType(long projectId, String typeName, String text) {
        Number documentId = (Number) em.createNativeQuery("""
                insert into documents (project_id, external_id, text, length)
                values (?1, ?2, ?3, char_length(?3)) returning id""")
                .setParameter(1, projectId).setParameter(2, "doc-" + System.nanoTime()).setParameter(3, text)
                .getSingleResult();
        Number layerId = (Number) em.createNativeQuery("""
                insert into annotation_layers (document_id, doc_length, owner_kind)
                values (?1, char_length(?2), 'GOLD') returning id""")
                .setParameter(1, documentId).setParameter(2, text).getSingleResult();
        return ((Number) em.createNativeQuery("""
                insert into spans (layer_id, doc_length, start_offset, end_offset, entity_type_id)
                select ?1, char_length(?2), 0, 1, t.id from entity_types t where t.project_id = ?3 and t.name = ?4
                returning id""")
                .setParameter(1, layerId).setParameter(2, text).setParameter(3, projectId).setParameter(4, typeName)
                .getSingleResult()).longValue();
    }

    /** A document with the given text, without annotations; returns its id. */
    @Transactional
    public long document(long projectId, String externalId, String text) {
        return ((Number) em.createNativeQuery("""
                insert into documents (project_id, external_id, text, length)
                values (?1, ?2, ?3, char_length(?3)) returning id""")
                .setParameter(1, projectId).setParameter(2, externalId).setParameter(3, text)
                .getSingleResult()).longValue();
    }

    /** {@code count} short documents named doc-0000, doc-0001, ... */
    @Transactional
    public void documents(long projectId, int count) {
        em.createNativeQuery("""
                insert into documents (project_id, external_id, text, length)
                select ?1, 'doc-' || lpad(i::text, 4, '0'), 'Text ' || i, char_length('Text ' || i)
                  from generate_series(0, ?2 - 1) i""")
                .setParameter(1, projectId).setParameter(2, count).executeUpdate();
    }

    @Transactional
    public String typeNameOfSpan(long spanId) {
        return (String) em.createNativeQuery(
                "select t.name from spans s join entity_types t on t.id = s.entity_type_id where s.id = ?1")
                .setParameter(1, spanId).getSingleResult();
    }

    @Transactional
    public long count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Changes rows directly, for states no public call makes (a session idle for hours); answers how many. */
    @Transactional
    public int update(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.executeUpdate();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Object> column(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }

    /** How many layers of any owner the project's documents (trashed ones included) have. */
    @Transactional
    public long layerCount(long projectId) {
        return ((Number) em.createNativeQuery("""
                select count(*) from annotation_layers l join all_documents d on d.id = l.document_id
                 where d.project_id = ?1""").setParameter(1, projectId).getSingleResult()).longValue();
    }

    /** The audit rows of one action on one entity, each as its compact change (JSON). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> auditAfter(String action, long entityId) {
        return ((List<Object>) em.createNativeQuery(
                "select cast(change as text) from audit_events where action = ?1 and entity_id = ?2 order by id")
                .setParameter(1, action).setParameter(2, entityId).getResultList())
                .stream().map(String::valueOf).toList();
    }
}
