package org.relata.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes who changed what, with the state before and after, in the caller's transaction. */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public void record(Long userId, Long projectId, String action, String entity, Long entityId, Object before,
            Object after) {
        em.createNativeQuery("insert into audit_events (user_id, project_id, action, entity, entity_id, before, after)"
                + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), cast(?7 as jsonb))")
                .setParameter(1, userId)
                .setParameter(2, projectId)
                .setParameter(3, action)
                .setParameter(4, entity)
                .setParameter(5, entityId)
                .setParameter(6, toJson(before))
                .setParameter(7, toJson(after))
                .executeUpdate();
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
