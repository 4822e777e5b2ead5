package org.relata.curation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.curation.CurationViews.AnnotatorView;
import org.relata.curation.CurationViews.Argument;
import org.relata.curation.CurationViews.RelationItem;
import org.relata.curation.CurationViews.SpanItem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads every annotator's layer and the gold layer of one document and merges them: one item per distinct
 * annotation with who proposed it. Plain SQL projections, one query per kind: a curator opens documents with
 * thousands of spans per annotator.
 */
@ApplicationScoped
public class MergedLayers {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** One distinct annotation; attributes and note come from its first proposer (by username), for copying. */
    static final class Item {
        final String key;
        final boolean relation;
        int start;
        int end;
        String label;
        boolean directed;
        Item head;
        Item tail;
        final Set<String> proposers = new TreeSet<>();
        Long goldId;
        boolean rejected;
        Map<String, Object> attributes = Map.of();
        String note;
        /** A span's fragments and links as JSON (null: contiguous, none), copied into gold with it. */
        String fragments;
        String links;
        private String attributesFrom;

        Item(String key, boolean relation) {
            this.key = key;
            this.relation = relation;
        }

        int agreement() {
            return proposers.size();
        }

        boolean inGold() {
            return goldId != null;
        }

        boolean disagreement() {
            return !inGold() && !rejected;
        }
    }

    /** The merged document: annotators in name order, spans in reading order, relations by their first argument. */
    static final class Merge {
        final List<AnnotatorView> annotators = new ArrayList<>();
        final Map<String, Item> spans = new LinkedHashMap<>();
        final Map<String, Item> relations = new LinkedHashMap<>();

        Item item(String key) {
            Item item = spans.get(key);
            return item != null ? item : relations.get(key);
        }

        List<SpanItem> spanItems() {
            return spans.values().stream().sorted(Comparator.comparingInt((Item i) -> i.start)
                    .thenComparingInt(i -> i.end).thenComparing(i -> i.label))
                    .map(i -> new SpanItem(i.key, i.start, i.end, i.label, List.copyOf(i.proposers), i.agreement(),
                            i.inGold(), i.goldId, i.rejected, i.disagreement()))
                    .toList();
        }

        List<RelationItem> relationItems() {
            return relations.values().stream().sorted(Comparator.comparingInt((Item i) -> i.head.start)
                    .thenComparingInt(i -> i.tail.start).thenComparing(i -> i.key))
                    .map(i -> new RelationItem(i.key, i.label, i.directed, argument(i.head), argument(i.tail),
                            List.copyOf(i.proposers), i.agreement(), i.inGold(), i.goldId, i.rejected,
                            i.disagreement()))
                    .toList();
        }

        int disagreements() {
            return (int) (spans.values().stream().filter(Item::disagreement).count()
                    + relations.values().stream().filter(Item::disagreement).count());
        }

        private static Argument argument(Item span) {
            return new Argument(span.key, span.start, span.end, span.label);
        }
    }

    @SuppressWarnings("unchecked")
    Merge read(long documentId) {
        Merge merge = new Merge();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select u.username, l.status from annotation_layers l join users u on u.id = l.user_id
                 where l.document_id = ?1 and l.owner_kind = 'USER'
                union all
                select u.username, 'NEW' from assignments a join users u on u.id = a.user_id
                 where a.document_id = ?1 and not exists (select 1 from annotation_layers l
                       where l.document_id = a.document_id and l.owner_kind = 'USER' and l.user_id = a.user_id)
                 order by 1""").setParameter(1, documentId).getResultList()) {
            merge.annotators.add(new AnnotatorView((String) row[0], (String) row[1]));
        }
        // Gold rows first, so that a proposer's attributes never win over what gold holds already.
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select l.owner_kind, u.username, s.id, s.start_offset, s.end_offset, t.name, cast(s.attributes as text),
                       s.note, cast(s.fragments as text), cast(s.links as text)
                  from spans s join annotation_layers l on l.id = s.layer_id left join users u on u.id = l.user_id
                  join entity_types t on t.id = s.entity_type_id
                 where l.document_id = ?1 and l.owner_kind in ('USER', 'GOLD')
                 order by l.owner_kind, u.username, s.start_offset, s.end_offset, s.id""")
                .setParameter(1, documentId).getResultList()) {
            int start = ((Number) row[3]).intValue();
            int end = ((Number) row[4]).intValue();
            String label = (String) row[5];
            String key = CurationKeys.span(start, end, label);
            Item item = merge.spans.computeIfAbsent(key, k -> new Item(k, false));
            item.start = start;
            item.end = end;
            item.label = label;
            boolean first = item.attributesFrom == null;
            take(item, row, 0, 2, 6, 7);
            if (first) {
                // Pieces and entity links (issue 13) come with the attributes: from gold, else the first proposer.
                item.fragments = (String) row[8];
                item.links = (String) row[9];
            }
        }
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select l.owner_kind, u.username, r.id, h.start_offset, h.end_offset, ht.name,
                       t.start_offset, t.end_offset, tt.name, rt.name, rt.directed, cast(r.attributes as text), r.note
                  from relations r join annotation_layers l on l.id = r.layer_id left join users u on u.id = l.user_id
                  join spans h on h.id = r.head_span_id join entity_types ht on ht.id = h.entity_type_id
                  join spans t on t.id = r.tail_span_id join entity_types tt on tt.id = t.entity_type_id
                  join relation_types rt on rt.id = r.relation_type_id
                 where l.document_id = ?1 and l.owner_kind in ('USER', 'GOLD')
                 order by l.owner_kind, u.username, r.id""")
                .setParameter(1, documentId).getResultList()) {
            Item head = merge.spans.get(CurationKeys.span(((Number) row[3]).intValue(), ((Number) row[4]).intValue(),
                    (String) row[5]));
            Item tail = merge.spans.get(CurationKeys.span(((Number) row[6]).intValue(), ((Number) row[7]).intValue(),
                    (String) row[8]));
            String label = (String) row[9];
            boolean directed = (Boolean) row[10];
            String key = CurationKeys.relation(head.key, tail.key, label, directed);
            Item item = merge.relations.computeIfAbsent(key, k -> new Item(k, true));
            if (item.head == null) {
                item.label = label;
                item.directed = directed;
                // An undirected relation keeps the order of the first layer that has it.
                item.head = head;
                item.tail = tail;
            }
            take(item, row, 0, 2, 11, 12);
        }
        Set<String> rejected = new HashSet<>();
        for (Object key : em.createNativeQuery("select item_key from curation_rejections where document_id = ?1")
                .setParameter(1, documentId).getResultList()) {
            rejected.add((String) key);
        }
        merge.spans.values().forEach(i -> i.rejected = rejected.contains(i.key));
        merge.relations.values().forEach(i -> i.rejected = rejected.contains(i.key));
        return merge;
    }

    /** Adds one layer's row to its item: a gold row gives its id, an annotator's row adds a proposer. */
    @SuppressWarnings("unchecked")
    private void take(Item item, Object[] row, int ownerAt, int idAt, int attributesAt, int noteAt) {
        boolean gold = "GOLD".equals(row[ownerAt]);
        if (gold) {
            item.goldId = ((Number) row[idAt]).longValue();
        } else {
            item.proposers.add((String) row[ownerAt + 1]);
        }
        if (item.attributesFrom == null) {
            item.attributesFrom = gold ? "gold" : (String) row[ownerAt + 1];
            try {
                item.attributes = row[attributesAt] == null ? Map.of()
                        : json.readValue((String) row[attributesAt], Map.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            item.note = (String) row[noteAt];
        }
    }
}
