package org.relata.project;

import java.util.Locale;

import org.relata.project.ProjectAccess.Access;
import org.relata.project.ProjectProgress.DocumentOrder;
import org.relata.project.ProjectProgress.DocumentQuery;
import org.relata.user.User;
import org.relata.web.ApiException;

/**
 * The document list's query parameters as the API and the project page take them, checked against what the caller
 * may see: {@code sort} ({@code name}, {@code -changed}, …), {@code status}, {@code annotator} and {@code owner}.
 */
public final class DocumentListRequest {

    public static final String SORT_HELP = "id (default), name, length, status or changed; a leading '-' sorts "
            + "descending. status and changed read the layer named by owner.";
    public static final String OWNER_HELP = "Whose layer status, changed and the status filter read: me (default), "
            + "gold, suggestions or a username (another annotator's layer needs the right to read it).";

    private DocumentListRequest() {
    }

    public static DocumentQuery query(Access access, String sort, String status, String annotator, String owner,
            String after, int limit, long offset) {
        String order = sort == null || sort.isBlank() ? "id" : sort.trim();
        boolean descending = order.startsWith("-");
        DocumentOrder documentOrder = order(descending ? order.substring(1) : order);
        String wantedStatus = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        Long annotatorId = null;
        if (annotator != null && !annotator.isBlank()) {
            if (!access.seesAllLayers()) {
                throw ApiException.forbidden("Filtering by annotator needs the CURATOR or MANAGER role.");
            }
            annotatorId = User.byUsername(annotator.trim())
                    .orElseThrow(() -> ApiException.badField("No user is called '" + annotator + "'.", "annotator")).id;
        }
        String ownerKind = "USER";
        Long ownerId = access.user().id;
        String layer = owner == null || owner.isBlank() ? "me" : owner.trim();
        switch (layer) {
            case "me" -> {
            }
            case "gold" -> {
                if (!access.seesAllLayers()) {
                    throw ApiException.forbidden("The gold layer's status needs the CURATOR or MANAGER role.");
                }
                ownerKind = "GOLD";
                ownerId = null;
            }
            case "suggestions" -> {
                ownerKind = "SUGGESTIONS";
                ownerId = null;
            }
            default -> {
                User user = User.byUsername(layer)
                        .orElseThrow(() -> ApiException.badField("No user is called '" + layer + "'.", "owner"));
                if (!user.id.equals(access.user().id) && !access.readsOtherAnnotators()) {
                    throw ApiException.forbidden("Another annotator's layer needs the CURATOR or MANAGER role.");
                }
                ownerId = user.id;
            }
        }
        return new DocumentQuery(access.project().id, access.user().id, access.seesOnlyAssigned(), ownerKind, ownerId,
                documentOrder, descending, wantedStatus, annotatorId, after == null || after.isBlank() ? null : after,
                limit, offset);
    }

    private static DocumentOrder order(String name) {
        try {
            return DocumentOrder.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("sort is one of id, name, length, status, changed (with '-' for descending).",
                    "sort");
        }
    }
}
