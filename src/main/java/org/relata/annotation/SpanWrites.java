package org.relata.annotation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.annotation.AnnotationViews.Created;
import org.relata.annotation.AnnotationViews.SpanDeleted;
import org.relata.annotation.AnnotationViews.SpanView;
import org.relata.audit.AuditLog;
import org.relata.web.ApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A span's creation and deletion as one statement each: the span row, the layer's version and the audit row travel
 * together (data-modifying common table expressions) instead of as three or four round trips, the most frequent
 * writes a script makes (issue 14, item 3). The caller holds the layer's lock ({@link LayerLocks}) in its
 * transaction, so the version grows by exactly one, as Hibernate's optimistic version did; the answer still waits
 * for the commit. The audit row's text is {@link AuditLog}'s own.
 */
@ApplicationScoped
class SpanWrites {

    /** What {@link LayerLocks#written} does to the layer row, in SQL. */
    private static final String MARK_WRITTEN = """
            update annotation_layers set version = version + 1, updated_at = now(),
                   status = case status when 'NEW' then 'IN_PROGRESS' else status end
             where id = :layer
            """;

    /** What the layer row's update returns: enough to announce the change (migration V12's payload). */
    private static final String RETURNING_LAYER_ROW = " returning id, document_id, owner_kind, user_id, version, status";

    /**
     * The live-update announcement of the write. When the write is a transaction of its own ({@code :alone}) it is
     * sent after the commit ({@link LayerAnnouncer}), and the trigger is told to leave this row version out
     * (migration V21); otherwise the trigger announces it at the commit, with whatever else the transaction changed.
     */
    private static final String ANNOUNCED = """
            select relata_layer_payload(:project, l.document_id, l.owner_kind, l.user_id, l.version, l.status) as payload,
                   case when :alone then set_config('relata.announced', l.id || ':' || l.version, true) end as deferred
              from l""";

    /** The entity type is looked up in the same statement: no row for an unknown label, and nothing written. */
    private static final String CREATE = """
            with t as (select id from entity_types where project_id = :project and name = :label),
                 s as (insert into spans (layer_id, doc_length, start_offset, end_offset, entity_type_id, attributes,
                                          note, links, fragments)
                       select :layer, :docLength, :startOffset, :endOffset, t.id, cast(:attributes as jsonb),
                              nullif(:note, ''), cast(:links as jsonb), cast(nullif(:fragments, '') as jsonb)
                         from t
                       returning id),
                 l as (""" + MARK_WRITTEN + """
             and exists (select 1 from s)""" + RETURNING_LAYER_ROW + """
                 ),
                 a as (insert into audit_events (user_id, project_id, document_id, layer_id, action, entity, entity_id,
                                                 change)
                       select :user, :project, :document, :layer, 'create', 'span', s.id, cast(:change as json) from s),
                 q as (""" + ANNOUNCED + """
                 )
            select s.id, l.version, q.payload, q.deferred from s, l, q""";

    /**
     * The relations attached to the span go with it; their number is known only here, so it is added to the audit
     * row's object in SQL, as the last field, where {@link AnnotationService} used to put it.
     */
    private static final String DELETE = """
            with r as (delete from relations where head_span_id = :span or tail_span_id = :span returning id),
                 s as (delete from spans where id = :span and layer_id = :layer returning id),
                 l as (""" + MARK_WRITTEN + RETURNING_LAYER_ROW + """
                 ),
                 n as (select count(*) as relations from r),
                 a as (insert into audit_events (user_id, project_id, document_id, layer_id, action, entity, entity_id,
                                                 change)
                       select :user, :project, :document, :layer, 'delete', 'span', :span,
                              cast(case when n.relations > 0
                                        then left(:change, -1) || ',"relationsDeleted":' || n.relations || '}'
                                        else :change end as json)
                         from n),
                 q as (""" + ANNOUNCED + """
                 )
            select l.version, n.relations, q.payload, q.deferred from l, n, q""";

    /** Who wrote where: the audit row's user, project, document and layer. */
    record Writer(long userId, long projectId, long documentId, long layerId) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    LayerAnnouncer announcer;

    /**
     * Inserts a checked span (not persisted by Hibernate); answers its id and the layer's new version. alone: the
     * write is its transaction's only change, so its announcement can wait for the commit.
     */
    Created create(Writer writer, Span span, String label, boolean alone) {
        SpanView view = new SpanView(null, span.start, span.end, label, span.attributes, span.note, span.fragments,
                span.links);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CREATE)
                .setParameter("project", writer.projectId())
                .setParameter("label", label)
                .setParameter("layer", writer.layerId())
                .setParameter("docLength", span.docLength)
                .setParameter("startOffset", span.start)
                .setParameter("endOffset", span.end)
                .setParameter("attributes", toJson(span.attributes))
                .setParameter("note", span.note == null ? "" : span.note)
                .setParameter("links", toJson(span.links))
                .setParameter("fragments", span.fragments == null ? "" : toJson(span.fragments))
                .setParameter("user", writer.userId())
                .setParameter("document", writer.documentId())
                .setParameter("change", audit.changeJson(null, view, null))
                .setParameter("alone", alone)
                .getResultList();
        if (rows.isEmpty()) {
            throw ApiException.badField("The schema has no entity type '" + label + "'.", "label");
        }
        announce(alone, rows.get(0)[2]);
        return new Created(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue());
    }

    /** Deletes a span of the locked layer with its relations; answers the layer's new version and how many relations went. */
    SpanDeleted delete(Writer writer, SpanView deleted, boolean alone) {
        Object[] row = (Object[]) em.createNativeQuery(DELETE)
                .setParameter("span", deleted.id())
                .setParameter("layer", writer.layerId())
                .setParameter("user", writer.userId())
                .setParameter("project", writer.projectId())
                .setParameter("document", writer.documentId())
                .setParameter("change", audit.changeJson(deleted, null, deleted.id()))
                .setParameter("alone", alone)
                .getSingleResult();
        announce(alone, row[2]);
        return new SpanDeleted(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private void announce(boolean alone, Object payload) {
        if (alone) {
            announcer.afterCommit((String) payload);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("span fields are plain JSON values", e);
        }
    }
}
