package org.relata.annotation;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.document.Document;

/**
 * What curation (org.relata.curation) reads of a document's layers: the annotators' and gold's spans and relations
 * as plain rows (projections, not entities: a curator opens documents with thousands of spans per annotator), and
 * the lock on the gold layer that makes curation decisions queue up.
 */
@ApplicationScoped
public class CurationRows {

    /** An annotator whose layer counts for the document (or who is assigned to it), with their layer's status. */
    public record AnnotatorLayer(String username, String status) {
    }

    /** A span of an annotator's layer (username) or of gold (username null); attributes as JSON text. */
    public record LayerSpan(String username, long id, int start, int end, String label, String attributes,
            String note) {
    }

    /** A relation with its arguments' offsets and labels, so that it can be matched across layers. */
    public record LayerRelation(String username, long id, int headStart, int headEnd, String headLabel, int tailStart,
            int tailEnd, String tailLabel, String label, boolean directed, String attributes, String note) {
    }

    @Inject
    EntityManager em;

    /** Annotators with a layer of the document, and those assigned to it who have not started; by username. */
    @SuppressWarnings("unchecked")
    public List<AnnotatorLayer> annotators(long documentId) {
        List<AnnotatorLayer> annotators = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select u.username, l.status from annotation_layers l join users u on u.id = l.user_id
                 where l.document_id = ?1 and l.owner_kind = 'USER'
                union all
                select u.username, 'NEW' from assignments a join users u on u.id = a.user_id
                 where a.document_id = ?1 and not exists (select 1 from annotation_layers l
                       where l.document_id = a.document_id and l.owner_kind = 'USER' and l.user_id = a.user_id)
                 order by 1""").setParameter(1, documentId).getResultList()) {
            annotators.add(new AnnotatorLayer((String) row[0], (String) row[1]));
        }
        return annotators;
    }

    /** Gold's spans first, then each annotator's by username, each in reading order. */
    @SuppressWarnings("unchecked")
    public List<LayerSpan> spans(long documentId) {
        List<LayerSpan> spans = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select u.username, s.id, s.start_offset, s.end_offset, t.name, cast(s.attributes as text), s.note
                  from spans s join annotation_layers l on l.id = s.layer_id left join users u on u.id = l.user_id
                  join entity_types t on t.id = s.entity_type_id
                 where l.document_id = ?1 and l.owner_kind in ('USER', 'GOLD')
                 order by l.owner_kind, u.username, s.start_offset, s.end_offset, s.id""")
                .setParameter(1, documentId).getResultList()) {
            spans.add(new LayerSpan((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue(), (String) row[4], (String) row[5], (String) row[6]));
        }
        return spans;
    }

    /** Gold's relations first, then each annotator's by username. */
    @SuppressWarnings("unchecked")
    public List<LayerRelation> relations(long documentId) {
        List<LayerRelation> relations = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select u.username, r.id, h.start_offset, h.end_offset, ht.name,
                       t.start_offset, t.end_offset, tt.name, rt.name, rt.directed, cast(r.attributes as text), r.note
                  from relations r join annotation_layers l on l.id = r.layer_id left join users u on u.id = l.user_id
                  join spans h on h.id = r.head_span_id join entity_types ht on ht.id = h.entity_type_id
                  join spans t on t.id = r.tail_span_id join entity_types tt on tt.id = t.entity_type_id
                  join relation_types rt on rt.id = r.relation_type_id
                 where l.document_id = ?1 and l.owner_kind in ('USER', 'GOLD')
                 order by l.owner_kind, u.username, r.id""")
                .setParameter(1, documentId).getResultList()) {
            relations.add(new LayerRelation((String) row[0], ((Number) row[1]).longValue(),
                    ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), (String) row[4],
                    ((Number) row[5]).intValue(), ((Number) row[6]).intValue(), (String) row[7], (String) row[8],
                    (Boolean) row[9], (String) row[10], (String) row[11]));
        }
        return relations;
    }

    /** Creates the document's gold layer if needed and locks its row for the caller's transaction; its version. */
    public long lockGold(Document document) {
        em.createNativeQuery("""
                insert into annotation_layers (document_id, doc_length, owner_kind) values (?1, ?2, 'GOLD')
                on conflict do nothing""")
                .setParameter(1, document.id).setParameter(2, document.length).executeUpdate();
        Number version = (Number) em.createNativeQuery("""
                select version from annotation_layers where document_id = ?1 and owner_kind = 'GOLD' for update""")
                .setParameter(1, document.id).getSingleResult();
        return version.longValue();
    }
}
