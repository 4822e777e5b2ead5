package org.relata.curation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.relata.annotation.AnnotationService;
import org.relata.annotation.AnnotationViews.NewRelation;
import org.relata.annotation.AnnotationViews.NewSpan;
import org.relata.annotation.CurationRows;
import org.relata.annotation.LayerTarget;
import org.relata.annotation.LayerTargets;
import org.relata.audit.AuditLog;
import org.relata.curation.CurationViews.CurationView;
import org.relata.curation.CurationViews.Decided;
import org.relata.curation.CurationViews.GoldView;
import org.relata.curation.CurationViews.Started;
import org.relata.curation.MergedLayers.Item;
import org.relata.curation.MergedLayers.Merge;
import org.relata.document.Document;
import org.relata.document.DocumentAccess;
import org.relata.project.Project;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.Role;
import org.relata.web.ApiError;
import org.relata.web.ApiException;

/**
 * Curation: turning the annotators' layers of a document into its gold layer. Every write to gold goes through
 * {@link AnnotationService}, so gold keeps the workspace's rules (schema, relation pairs, versions, audit). The gold
 * layer row is locked before the merged view is read, so two curators cannot copy the same annotation twice.
 */
@ApplicationScoped
public class CurationService {

    @Inject
    MergedLayers merged;

    @Inject
    AnnotationService annotations;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    CurationRows rows;

    @Inject
    MergedViews views;

    /** The document, for a curator or manager; 404 for everyone else (gold is not disclosed to annotators). */
    public static DocumentAccess.Visible curatable(DocumentAccess documents, long documentId) {
        DocumentAccess.Visible visible = documents.visible(documentId);
        if (!visible.access().can(Role.CURATOR)) {
            throw DocumentAccess.noSuchDocument();
        }
        return visible;
    }

    /** The merged view as it is now, kept or read; nothing is written (a GET). */
    public CurationView view(DocumentAccess.Visible visible) {
        return kept(visible).view();
    }

    /**
     * What the curation page opens with: curation started (as {@link #start}) and the merged view. Once curation
     * has started and nothing agreed on waits outside gold, as on almost every opening, this writes and locks
     * nothing and answers the view kept for the layers' current versions.
     */
    @Transactional
    public MergedViews.Kept open(DocumentAccess.Visible visible) {
        goldOf(visible);
        Document document = visible.document();
        MergedLayers.State state = merged.state(document.id, document.project.id);
        // Before curation has started nothing can be settled: merge once, under the lock, not also before it.
        if (state.layers().gold() != null) {
            MergedViews.Kept kept = kept(visible, state);
            if (kept.settled()) {
                return kept;
            }
        }
        CurationRows.GoldLayer gold = rows.lockGold(document);
        Merge merge = merged.read(document.id, document.project.id);
        int copied = preAccept(visible, gold, merge).preAccepted();
        // Not kept: this transaction's writes are not committed yet (a rollback would reuse gold's version).
        Merge now = copied == 0 ? merge : merged.read(document.id, document.project.id);
        return new MergedViews.Kept(view(visible, now), false);
    }

    /**
     * The view kept for the state read now, else the merge read and kept. The state is read again after the rows:
     * a change committed in between (a layer's rows are newer than the state said) leaves the view unkept.
     */
    private MergedViews.Kept kept(DocumentAccess.Visible visible) {
        Document document = visible.document();
        return kept(visible, merged.state(document.id, document.project.id));
    }

    private MergedViews.Kept kept(DocumentAccess.Visible visible, MergedLayers.State state) {
        Document document = visible.document();
        MergedViews.Key key = new MergedViews.Key(document.id, document.externalId, share(document.project), state);
        MergedViews.Kept kept = views.get(key);
        if (kept != null) {
            return kept;
        }
        Merge merge = merged.read(document.id, state);
        boolean settled = state.layers().gold() != null && merge.toPreAccept(required(key.share(),
                merge.annotators.size())).isEmpty();
        kept = new MergedViews.Kept(view(visible, merge), settled);
        return state.equals(merged.state(document.id, document.project.id)) ? views.put(key, kept) : kept;
    }

    private CurationView view(DocumentAccess.Visible visible, Merge merge) {
        Document document = visible.document();
        double share = share(document.project);
        CurationRows.GoldState gold = merge.gold;
        return new CurationView(document.id, document.externalId, share, required(share, merge.annotators.size()),
                merge.annotators, gold == null ? new GoldView("NEW", 0) : new GoldView(gold.status(), gold.version()),
                merge.disagreements(), merge.spanItems(), merge.relationItems());
    }

    /**
     * Copies into gold every annotation that enough annotators agree on and that is neither in gold nor rejected, in
     * two statements (spans, then relations) and one version step of gold. Running it again copies nothing twice.
     */
    @Transactional
    public Started start(DocumentAccess.Visible visible) {
        goldOf(visible);
        CurationRows.GoldLayer gold = rows.lockGold(visible.document());
        return preAccept(visible, gold, merged.read(visible.document().id, visible.document().project.id));
    }

    /** Pre-accepts from the merge read under the gold layer's lock. */
    private Started preAccept(DocumentAccess.Visible visible, CurationRows.GoldLayer gold, Merge merge) {
        int needed = required(share(visible.document().project), merge.annotators.size());
        MergedLayers.PreAccept agreed = merge.toPreAccept(needed);
        if (agreed.isEmpty()) {
            return new Started(0, gold.version());
        }
        List<Item> copied = agreed.spans();
        List<Item> relations = agreed.relations();
        long[] goldIds = rows.copySpansToGold(gold, copied.stream().mapToLong(i -> i.sourceId).toArray());
        for (int i = 0; i < goldIds.length; i++) {
            copied.get(i).goldId = goldIds[i];
        }
        rows.copyRelationsToGold(gold, relations.stream().mapToLong(r -> r.sourceId).toArray(),
                relations.stream().mapToLong(r -> r.head.goldId).toArray(),
                relations.stream().mapToLong(r -> r.tail.goldId).toArray());
        long version = rows.goldWritten(gold);
        int count = copied.size() + relations.size();
        audit.record(visible.access().user().id, visible.document().project.id, "pre-accept", "curation",
                visible.document().id, null, Map.of("spans", copied.size(), "relations", relations.size(),
                        "required", needed));
        return new Started(count, version);
    }

    /** Copies the item into gold (a relation with its argument spans); nothing happens when it is there already. */
    @Transactional
    public Decided accept(DocumentAccess.Visible visible, Long expectedVersion, String key) {
        Decision decision = decide(visible, expectedVersion, key);
        Item item = decision.item();
        List<Item> taken = item.relation ? List.of(item, item.head, item.tail) : List.of(item);
        for (Item each : taken) {
            if (each.rejected) {
                unreject(visible.document().id, each.key);
            }
        }
        long version = item.inGold() ? decision.version()
                : item.relation ? copyRelation(decision.gold(), item) : copySpan(decision.gold(), item);
        return recorded(visible, "accept", key, version);
    }

    /**
     * Turns the item down: it leaves gold if it was there (a span with its relations) and stops counting as a
     * disagreement.
     */
    @Transactional
    public Decided reject(DocumentAccess.Visible visible, Long expectedVersion, String key) {
        Decision decision = decide(visible, expectedVersion, key);
        Item item = decision.item();
        long version = !item.inGold() ? decision.version()
                : item.relation ? annotations.deleteRelation(decision.gold(), null, item.goldId).version()
                : annotations.deleteSpan(decision.gold(), null, item.goldId).version();
        em.createNativeQuery("""
                insert into curation_rejections (document_id, item_key, user_id) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, visible.document().id).setParameter(2, item.key)
                .setParameter(3, visible.access().user().id).executeUpdate();
        return recorded(visible, "reject", key, version);
    }

    /** Takes a rejection back: the item is a disagreement again (unless it is in gold). */
    @Transactional
    public Decided reconsider(DocumentAccess.Visible visible, String key) {
        goldOf(visible);
        long version = rows.lockGold(visible.document()).version();
        item(merged.read(visible.document().id, visible.document().project.id), key);
        unreject(visible.document().id, key);
        return new Decided(key, version);
    }

    @Transactional
    public double setShare(Access access, Double share) {
        if (!access.can(Role.MANAGER)) {
            throw ApiException.forbidden("Changing the pre-accept share needs the MANAGER role.");
        }
        if (share == null || share.isNaN() || share < 0.5 || share > 1.0) {
            throw ApiException.badField("preAcceptShare is a number from 0.5 to 1.0 (1.0: all annotators agree).",
                    "preAcceptShare");
        }
        Project project = Project.findById(access.project().id);
        BigDecimal before = project.preAcceptShare;
        project.preAcceptShare = BigDecimal.valueOf(share).setScale(3, java.math.RoundingMode.HALF_UP);
        audit.record(access.user().id, project.id, "update", "project", project.id,
                Map.of("preAcceptShare", before), Map.of("preAcceptShare", project.preAcceptShare));
        return project.preAcceptShare.doubleValue();
    }

    public static double share(Project project) {
        return project.preAcceptShare == null ? 1.0 : project.preAcceptShare.doubleValue();
    }

    /** How many of n annotators must agree: the share of n, rounded up; 0 when there are no annotators. */
    static int required(double share, int annotators) {
        return annotators == 0 ? 0 : Math.max(1, (int) Math.ceil(share * annotators - 1e-9));
    }

    private long copySpan(LayerTarget gold, Item span) {
        var created = annotations.createSpan(gold, null, new NewSpan(span.start, span.end, span.label, span.attributes,
                span.note, readJson(span.fragments), readJson(span.links)));
        span.goldId = created.id();
        return created.version();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A JSON column as lists (fragments [[s, e], ...], links [{...}]); null stays null. */
    private static <T> List<T> readJson(String json) {
        try {
            return json == null ? null : JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<List<T>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long copyRelation(LayerTarget gold, Item relation) {
        for (Item argument : List.of(relation.head, relation.tail)) {
            if (!argument.inGold()) {
                copySpan(gold, argument);
            }
        }
        var created = annotations.createRelation(gold, null, new NewRelation(relation.head.goldId,
                relation.tail.goldId, relation.label, relation.attributes, relation.note));
        relation.goldId = created.id();
        return created.version();
    }

    /** Where a decision on one item starts: gold locked at the version the client saw, and the item the key names. */
    private record Decision(LayerTarget gold, long version, Item item) {
    }

    private Decision decide(DocumentAccess.Visible visible, Long expectedVersion, String key) {
        LayerTarget gold = goldOf(visible);
        long version = rows.lockGold(visible.document()).version();
        checkVersion(expectedVersion, version);
        return new Decision(gold, version, item(merged.read(visible.document().id, visible.document().project.id), key));
    }

    /** Audits an accept or a reject; answers the decision with gold's version after it. */
    private Decided recorded(DocumentAccess.Visible visible, String action, String key, long version) {
        audit.record(visible.access().user().id, visible.document().project.id, action, "curation",
                visible.document().id, null, Map.of("key", key));
        return new Decided(key, version);
    }

    private static LayerTarget goldOf(DocumentAccess.Visible visible) {
        return LayerTargets.target(visible.document(), visible.access(), LayerTargets.GOLD);
    }

    private static void checkVersion(Long expected, long current) {
        if (expected != null && expected != current) {
            throw new ApiException(412, ApiError.of("The gold layer changed since you loaded it (you had version "
                    + expected + ", now " + current + "). Reload to see the current state."));
        }
    }

    private void unreject(long documentId, String key) {
        em.createNativeQuery("delete from curation_rejections where document_id = ?1 and item_key = ?2")
                .setParameter(1, documentId).setParameter(2, key).executeUpdate();
    }

    private static Item item(Merge merge, String key) {
        if (key == null || key.isBlank()) {
            throw ApiException.badField("key names an annotation of the merged view.", "key");
        }
        Item item = merge.item(key);
        if (item == null) {
            throw ApiException.badField("No annotation of this document has the key '" + key + "'.", "key");
        }
        return item;
    }
}
