package org.relata.curation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.annotation.CurationRows;
import org.relata.curation.CurationViews.AnnotatorView;
import org.relata.curation.CurationViews.Argument;
import org.relata.curation.CurationViews.RelationItem;
import org.relata.curation.CurationViews.SpanItem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads every annotator's layer and the gold layer of one document (through annotation's CurationRows) and merges
 * them: one item per distinct annotation with who proposed it.
 */
@ApplicationScoped
public class MergedLayers {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CurationRows rows;

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
        /** The row whose attributes and note the item carries: what accepting or pre-accepting copies. */
        long sourceId;
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

    /**
     * Everything a merged view is made of short of the rows: the layers' versions, the label names and the
     * rejections. Rows change only with a layer's version, so equal states give equal merged views.
     */
    record State(CurationRows.LayerStates layers, Set<String> rejected) {
    }

    /** What is to be pre-accepted: spans (relations' arguments included) and relations. */
    record PreAccept(List<Item> spans, List<Item> relations) {
        boolean isEmpty() {
            return spans.isEmpty() && relations.isEmpty();
        }
    }

    /** The merged document: annotators in name order, spans in reading order, relations by their first argument. */
    static final class Merge {
        final List<AnnotatorView> annotators = new ArrayList<>();
        /** Gold's layer when the merge was read; null before curation started. */
        CurationRows.GoldState gold;
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

        /**
         * Every annotation that at least needed annotators agree on and that is neither in gold nor rejected; a
         * relation brings its arguments, and never goes without them.
         */
        PreAccept toPreAccept(int needed) {
            List<Item> agreedRelations = new ArrayList<>();
            Set<Item> agreedSpans = new LinkedHashSet<>();
            if (needed == 0) {
                return new PreAccept(List.of(), List.of());
            }
            for (Item span : spans.values()) {
                if (!span.inGold() && !span.rejected && span.agreement() >= needed) {
                    agreedSpans.add(span);
                }
            }
            for (Item relation : relations.values()) {
                if (!relation.inGold() && !relation.rejected && !relation.head.rejected && !relation.tail.rejected
                        && relation.agreement() >= needed) {
                    agreedRelations.add(relation);
                    // Every proposer of the relation has both arguments, so they agree at least as much; still, a
                    // relation never goes into gold without them.
                    for (Item argument : List.of(relation.head, relation.tail)) {
                        if (!argument.inGold()) {
                            agreedSpans.add(argument);
                        }
                    }
                }
            }
            return new PreAccept(List.copyOf(agreedSpans), agreedRelations);
        }

        private static Argument argument(Item span) {
            return new Argument(span.key, span.start, span.end, span.label);
        }
    }

    /** The state of a document's merged view: two small queries. */
    State state(long documentId, long projectId) {
        Set<String> rejected = new HashSet<>();
        for (Object key : em.createNativeQuery("select item_key from curation_rejections where document_id = ?1")
                .setParameter(1, documentId).getResultList()) {
            rejected.add((String) key);
        }
        return new State(rows.layerStates(documentId, projectId), Set.copyOf(rejected));
    }

    Merge read(long documentId, long projectId) {
        return read(documentId, state(documentId, projectId));
    }

    /** Merges the rows as they are now, with the annotators, gold and rejections of a state read just before. */
    Merge read(long documentId, State state) {
        Merge merge = new Merge();
        for (CurationRows.AnnotatorLayer annotator : state.layers().annotators()) {
            merge.annotators.add(new AnnotatorView(annotator.username(), annotator.status(), annotator.version()));
        }
        merge.gold = state.layers().gold();
        // Gold rows come first, so that a proposer's attributes never win over what gold holds already.
        for (CurationRows.LayerSpan row : rows.spans(documentId)) {
            String key = CurationKeys.span(row.start(), row.end(), row.label(), row.fragments());
            Item item = merge.spans.computeIfAbsent(key, k -> new Item(k, false));
            item.start = row.start();
            item.end = row.end();
            item.label = row.label();
            boolean first = item.attributesFrom == null;
            take(item, row.username(), row.id(), row.attributes(), row.note());
            if (first) {
                // Pieces and entity links (issue 13) come with the attributes: from gold, else the first proposer.
                item.fragments = row.fragments();
                item.links = row.links();
            }
        }
        for (CurationRows.LayerRelation row : rows.relations(documentId)) {
            Item head = merge.spans.get(CurationKeys.span(row.headStart(), row.headEnd(), row.headLabel(), row.headFragments()));
            Item tail = merge.spans.get(CurationKeys.span(row.tailStart(), row.tailEnd(), row.tailLabel(), row.tailFragments()));
            String key = CurationKeys.relation(head.key, tail.key, row.label(), row.directed());
            Item item = merge.relations.computeIfAbsent(key, k -> new Item(k, true));
            if (item.head == null) {
                item.label = row.label();
                item.directed = row.directed();
                // An undirected relation keeps the order of the first layer that has it.
                item.head = head;
                item.tail = tail;
            }
            take(item, row.username(), row.id(), row.attributes(), row.note());
        }
        merge.spans.values().forEach(i -> i.rejected = state.rejected().contains(i.key));
        merge.relations.values().forEach(i -> i.rejected = state.rejected().contains(i.key));
        return merge;
    }

    /** Adds one layer's row to its item: a gold row (no username) gives its id, an annotator's adds a proposer. */
    @SuppressWarnings("unchecked")
    private void take(Item item, String username, long id, String attributes, String note) {
        boolean gold = username == null;
        if (gold) {
            item.goldId = id;
        } else {
            item.proposers.add(username);
        }
        if (item.attributesFrom == null) {
            item.attributesFrom = gold ? "gold" : username;
            item.sourceId = id;
            try {
                item.attributes = attributes == null ? Map.of() : json.readValue(attributes, Map.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            item.note = note;
        }
    }
}
