package org.relata.annotation;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relata.document.Document;
import org.relata.user.User;

import org.relata.persistence.IdentityEntity;

/** One owner's annotations of one document: an annotator's, the gold standard, or suggestions. */
@Entity
@Table(name = "annotation_layers")
public class Layer extends IdentityEntity {

    /**
     * Lazy: a write locks the layer row inside its transaction and already holds the document it resolved before
     * (LayerTargets); fetching it again with the lock cost a statement per write (issue 14, item 3).
     */
    @ManyToOne(optional = false, fetch = FetchType.LAZY) public Document document;

    /** Copy of the document's length, so the database can check every span's end against it. */
    @Column(name = "doc_length") public int docLength;

    @Enumerated(EnumType.STRING) @Column(name = "owner_kind") public LayerOwner ownerKind;

    /** Lazy for the same reason as the document: the writer already holds the user it resolved. */
    @ManyToOne(fetch = FetchType.LAZY) public User user;

    @Enumerated(EnumType.STRING) public LayerStatus status = LayerStatus.NEW;

    /** Grows with every write to the layer; clients send it back to detect concurrent edits. */
    @Version public long version;

    @Column(name = "updated_at") public OffsetDateTime updatedAt = OffsetDateTime.now();

    public static Layer find(Document document, LayerOwner kind, User user) {
        if (kind == LayerOwner.USER) {
            return find("document = ?1 and ownerKind = ?2 and user = ?3", document, kind, user).firstResult();
        }
        return find("document = ?1 and ownerKind = ?2", document, kind).firstResult();
    }
}
