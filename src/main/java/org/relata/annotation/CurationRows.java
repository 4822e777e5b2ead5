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

    /**
     * An annotator whose layer counts for the document (or who is assigned to it), with their layer's status and
     * version (0 before their first edit).
     */
    public record AnnotatorLayer(String username, String status, long version) {
    }

    /**
     * A span of an annotator's layer (username) or of gold (username null); attributes, fragments (discontinuous
     * spans) and links as JSON text, null when none.
     */
    public record LayerSpan(String username, long id, int start, int end, String label, String attributes,
            String note, String fragments, String links) {
    }

    /** A relation with its arguments' offsets and labels, so that it can be matched across layers. */
    public record LayerRelation(String username, long id, int headStart, int headEnd, String headLabel, int tailStart,
            int tailEnd, String tailLabel, String label, boolean directed, String attributes, String note,
            String headFragments, String tailFragments) {
    }

    @Inject
    EntityManager em;

    /** The gold layer's state: absent (null) until curation starts. */
    public record GoldState(long id, String status, long version) {
    }

    /**
     * What the merged view of a document is made of, short of the rows themselves: every annotator's layer (or
     * assignment), gold's, and a digest of the project's label names (a rename changes no layer's version but does
     * change the view). Equal states give equal merged views, which is what lets curation keep one. layerIds tell a
     * layer made anew (its version starting over) from the one before.
     */
    public record LayerStates(List<AnnotatorLayer> annotators, List<Long> layerIds, GoldState gold, String labels) {
    }

    /**
     * The states in one query: annotators with a layer of the document and those assigned to it who have not
     * started (by username), gold, and the label digest.
     */
    @SuppressWarnings("unchecked")
    public LayerStates layerStates(long documentId, long projectId) {
        List<AnnotatorLayer> annotators = new ArrayList<>();
        List<Long> layerIds = new ArrayList<>();
        GoldState gold = null;
        String labels = null;
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select l.owner_kind, u.username, l.id, l.status, l.version
                  from annotation_layers l left join users u on u.id = l.user_id
                 where l.document_id = ?1 and l.owner_kind in ('USER', 'GOLD')
                union all
                select 'USER', u.username, null, 'NEW', 0 from assignments a join users u on u.id = a.user_id
                 where a.document_id = ?1 and not exists (select 1 from annotation_layers l
                       where l.document_id = a.document_id and l.owner_kind = 'USER' and l.user_id = a.user_id)
                union all
                select 'LABELS', md5(coalesce((select string_agg(t.id || ':' || t.name, ',' order by t.id)
                                                 from entity_types t where t.project_id = ?2), '')
                                     || ';' || coalesce((select string_agg(t.id || ':' || t.name || ':' || t.directed,
                                                 ',' order by t.id) from relation_types t where t.project_id = ?2), '')),
                       null, null, 0
                 order by 2""").setParameter(1, documentId).setParameter(2, projectId).getResultList()) {
            switch ((String) row[0]) {
                case "GOLD" -> gold = new GoldState(((Number) row[2]).longValue(), (String) row[3],
                        ((Number) row[4]).longValue());
                case "LABELS" -> labels = (String) row[1];
                default -> {
                    annotators.add(new AnnotatorLayer((String) row[1], (String) row[3], ((Number) row[4]).longValue()));
                    layerIds.add(row[2] == null ? null : ((Number) row[2]).longValue());
                }
            }
        }
        return new LayerStates(List.copyOf(annotators), java.util.Collections.unmodifiableList(layerIds), gold, labels);
    }

    /** Gold's spans first, then each annotator's by username, each in reading order. */
    @SuppressWarnings("unchecked")
    public List<LayerSpan> spans(long documentId) {
        List<LayerSpan> spans = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select u.username, s.id, s.start_offset, s.end_offset, t.name, cast(s.attributes as text), s.note,
                       cast(s.fragments as text), cast(s.links as text)
                  from spans s join annotation_layers l on l.id = s.layer_id left join users u on u.id = l.user_id
                  join entity_types t on t.id = s.entity_type_id
                 where l.document_id = ?1 and l.owner_kind in ('USER', 'GOLD')
                 order by l.owner_kind, u.username, s.start_offset, s.end_offset, s.id""")
                .setParameter(1, documentId).getResultList()) {
            spans.add(new LayerSpan((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue(), (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                    (String) row[8]));
        }
        return spans;
    }

    /** Gold's relations first, then each annotator's by username. */
    @SuppressWarnings("unchecked")
    public List<LayerRelation> relations(long documentId) {
        List<LayerRelation> relations = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select u.username, r.id, h.start_offset, h.end_offset, ht.name,
                       t.start_offset, t.end_offset, tt.name, rt.name, rt.directed, cast(r.attributes as text), r.note,
                       cast(h.fragments as text), cast(t.fragments as text)
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
                    (Boolean) row[9], (String) row[10], (String) row[11], (String) row[12], (String) row[13]));
        }
        return relations;
    }

    /** The gold layer's row, locked: its id and version. */
    public record GoldLayer(long id, long version) {
    }

    /** Creates the document's gold layer if needed and locks its row for the caller's transaction. */
    public GoldLayer lockGold(Document document) {
        em.createNativeQuery("""
                insert into annotation_layers (document_id, doc_length, owner_kind) values (?1, ?2, 'GOLD')
                on conflict do nothing""")
                .setParameter(1, document.id).setParameter(2, document.length).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                select id, version from annotation_layers where document_id = ?1 and owner_kind = 'GOLD' for update""")
                .setParameter(1, document.id).getSingleResult();
        return new GoldLayer(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Copies spans of annotators' layers into the gold layer in one statement, with everything they carry
     * (attributes, note, links, fragments, typed notes); answers the new ids in the order of {@code sourceIds}.
     * Pre-accepting copies thousands of spans at once: one statement rather than one edit per span (each with its
     * lock, flush, audit row and change notification).
     */
    public long[] copySpansToGold(GoldLayer gold, long[] sourceIds) {
        long[] ids = newIds("spans_id_seq", sourceIds.length);
        if (ids.length > 0) {
            em.createNativeQuery("""
                    insert into spans (id, layer_id, doc_length, start_offset, end_offset, entity_type_id, attributes,
                                       note, links, fragments, typed_notes)
                    select u.new_id, ?1, s.doc_length, s.start_offset, s.end_offset, s.entity_type_id, s.attributes,
                           s.note, s.links, s.fragments, s.typed_notes
                      from unnest(cast(?2 as bigint[]), cast(?3 as bigint[])) as u(source_id, new_id)
                      join spans s on s.id = u.source_id""")
                    .setParameter(1, gold.id()).setParameter(2, boxed(sourceIds)).setParameter(3, boxed(ids))
                    .executeUpdate();
        }
        return ids;
    }

    /** Copies relations into gold between the given gold spans (head and tail per relation, in the same order). */
    public void copyRelationsToGold(GoldLayer gold, long[] sourceIds, long[] heads, long[] tails) {
        if (sourceIds.length == 0) {
            return;
        }
        em.createNativeQuery("""
                insert into relations (layer_id, head_span_id, tail_span_id, relation_type_id, attributes, note,
                                       typed_notes)
                select ?1, u.head, u.tail, r.relation_type_id, r.attributes, r.note, r.typed_notes
                  from unnest(cast(?2 as bigint[]), cast(?3 as bigint[]), cast(?4 as bigint[])) as u(source_id, head, tail)
                  join relations r on r.id = u.source_id""")
                .setParameter(1, gold.id()).setParameter(2, boxed(sourceIds)).setParameter(3, boxed(heads))
                .setParameter(4, boxed(tails)).executeUpdate();
    }

    /** Marks the gold layer written, as every edit does (version up, in progress when new); its new version. */
    public long goldWritten(GoldLayer gold) {
        return ((Number) em.createNativeQuery("""
                update annotation_layers set version = version + 1, updated_at = now(),
                       status = case when status = 'NEW' then 'IN_PROGRESS' else status end
                 where id = ?1 returning version""")
                .setParameter(1, gold.id()).getSingleResult()).longValue();
    }

    private long[] newIds(String sequence, int count) {
        if (count == 0) {
            return new long[0];
        }
        List<?> rows = em.createNativeQuery("select nextval('" + sequence + "') from generate_series(1, ?1)")
                .setParameter(1, count).getResultList();
        return rows.stream().mapToLong(r -> ((Number) r).longValue()).toArray();
    }

    private static Long[] boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}
