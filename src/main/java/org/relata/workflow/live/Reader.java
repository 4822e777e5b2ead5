package org.relata.workflow.live;

import org.relata.project.ProjectAccess.Access;

/**
 * Which layers' changes a stream may carry, decided when it opens, by the rule of
 * {@code org.relata.annotation.LayerTargets#target}: one's own layer and the suggestions always; gold for curators
 * and managers; another annotator's for curators and managers, and for everyone in a project that is not blind.
 */
record Reader(long userId, boolean seesAll, boolean readsOthers) {

    static Reader of(Access access) {
        return new Reader(access.user().id, access.seesAllLayers(), access.readsOtherAnnotators());
    }

    boolean sees(LayerChange change) {
        if (change.bulk()) {
            return seesAll;
        }
        return sees(change.kind(), change.userId());
    }

    boolean sees(String kind, Long owner) {
        return switch (kind) {
            case "SUGGESTIONS" -> true;
            case "GOLD" -> seesAll;
            default -> owner != null && (owner == userId || readsOthers);
        };
    }
}
