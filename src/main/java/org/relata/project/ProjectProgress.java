package org.relata.project;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * How far a project's annotators are, as the project page and the document list show it. The annotation feature
 * answers (it owns the layers), so project needs no SQL of its own over them.
 */
public interface ProjectProgress {

    /**
     * One document: {@code status} and {@code changed} are those of the layer the list reads (NEW and null without
     * one); doneLayers and layers count annotators' layers.
     */
    record DocumentRow(Long id, String externalId, int length, String status, OffsetDateTime changed, long doneLayers,
            long layers) {

        /** The day of the last change (UTC), as the list shows it. */
        public String changedDay() {
            return changed == null ? "" : changed.toLocalDate().toString();
        }
    }

    /** The orders a document list offers; ID is the API's default, NAME the page's. */
    enum DocumentOrder {
        ID, NAME, LENGTH, STATUS, CHANGED
    }

    /**
     * Which documents, in which order. {@code ownerKind} (USER, GOLD, SUGGESTIONS) and {@code ownerId} name the layer
     * whose status is shown, filtered and sorted by; {@code status} and {@code annotatorId} (documents assigned to
     * that annotator) filter when set; with {@code onlyAssigned} (a blind project's annotator) only the documents
     * assigned to {@code userId}. {@code after} is the cursor of the previous page's last row (keyset pagination,
     * then {@code offset} is ignored).
     */
    record DocumentQuery(long projectId, long userId, boolean onlyAssigned, String ownerKind, Long ownerId,
            DocumentOrder order, boolean descending, String status, Long annotatorId, String after, int limit,
            long offset) {

        /** The project page's first question before any choice: the caller's layer, by name. */
        public static DocumentQuery mine(long projectId, long userId, boolean onlyAssigned, int limit, long offset) {
            return new DocumentQuery(projectId, userId, onlyAssigned, "USER", userId, DocumentOrder.NAME, false, null,
                    null, null, limit, offset);
        }
    }

    /** A page of rows, the number of documents matching the filters, and the cursor of the next page (null at the end). */
    record DocumentRows(List<DocumentRow> rows, long total, String next) {
    }

    DocumentRows documents(DocumentQuery query);

    /** Every document id matching the query's filters (order, cursor and limit ignored): "all matching" bulk actions. */
    List<Long> matchingIds(DocumentQuery query);

    /** How many documents the project has; with {@code onlyAssigned} how many are assigned to the user. */
    long documentCount(long projectId, long userId, boolean onlyAssigned);

    /** How many of the project's documents (with {@code onlyAssigned}: of those assigned) the user has marked done. */
    long doneBy(long projectId, long userId, boolean onlyAssigned);
}
