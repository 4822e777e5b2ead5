package org.relata.annotation;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.relata.web.ApiError;
import org.relata.web.ApiException;

/**
 * The layer row of an edit: created on the first write, locked for the caller's transaction (so concurrent writers
 * queue instead of failing), checked against the version the client saw, and marked written so its version grows.
 */
@ApplicationScoped
class LayerLocks {

    @Inject
    EntityManager em;

    /**
     * The layer row, locked for this transaction (created on the first write), at the version the client saw. The
     * row exists for every write but a layer's first, so it is locked first and inserted only when missing (one
     * statement less per write; issue 14, item 3).
     */
    Layer lockForWrite(LayerTarget target, Long expectedVersion) {
        Layer layer = locked(target);
        if (layer == null) {
            // Two first writers may race here: one insert wins, the other does nothing, both then queue on the lock.
            if (target.kind() == LayerOwner.USER) {
                em.createNativeQuery("""
                        insert into annotation_layers (document_id, doc_length, owner_kind, user_id)
                        values (?1, ?2, 'USER', ?3) on conflict do nothing""")
                        .setParameter(1, target.document().id)
                        .setParameter(2, target.document().length)
                        .setParameter(3, target.user().id)
                        .executeUpdate();
            } else {
                em.createNativeQuery("""
                        insert into annotation_layers (document_id, doc_length, owner_kind)
                        values (?1, ?2, ?3) on conflict do nothing""")
                        .setParameter(1, target.document().id)
                        .setParameter(2, target.document().length)
                        .setParameter(3, target.kind().name())
                        .executeUpdate();
            }
            layer = locked(target);
        }
        if (expectedVersion != null && expectedVersion != layer.version) {
            throw new ApiException(412, ApiError.of("These annotations changed since you loaded them (you had version "
                    + expectedVersion + ", now " + layer.version + "). Reload to see the current state."));
        }
        return layer;
    }

    /**
     * The layer row, locked. Not with its document fetched in the same statement: Hibernate then locks in a second
     * ("follow-on") step, which failed under concurrent writers (issue 14's benchmark).
     */
    private Layer locked(LayerTarget target) {
        return target.kind() == LayerOwner.USER
                ? Layer.<Layer> find("document = ?1 and ownerKind = ?2 and user = ?3", target.document(),
                        target.kind(), target.user()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                : Layer.<Layer> find("document = ?1 and ownerKind = ?2", target.document(), target.kind())
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Marks the layer changed so its version grows, and returns the new version. */
    long written(Layer layer) {
        layer.updatedAt = OffsetDateTime.now();
        if (layer.status == LayerStatus.NEW) {
            layer.status = LayerStatus.IN_PROGRESS;
        }
        em.flush();
        return layer.version;
    }
}
