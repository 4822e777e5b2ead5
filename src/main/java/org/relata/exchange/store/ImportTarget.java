package org.relata.exchange.store;

import org.relata.annotation.LayerOwner;
import org.relata.project.Project;
import org.relata.project.ProjectMember;
import org.relata.user.User;
import org.relata.web.ApiException;

/** Whose layer the imported annotations become: gold (default), suggestions, or user:&lt;username&gt;. */
public record ImportTarget(LayerOwner ownerKind, Long userId, String name) {

    public static ImportTarget parse(String target, Project project) {
        if (target == null || target.isBlank() || target.equals(LayerOwner.GOLD_NAME)) {
            return new ImportTarget(LayerOwner.GOLD, null, LayerOwner.GOLD_NAME);
        }
        if (target.equals(LayerOwner.SUGGESTIONS_NAME)) {
            return new ImportTarget(LayerOwner.SUGGESTIONS, null, LayerOwner.SUGGESTIONS_NAME);
        }
        if (target.startsWith("user:")) {
            String username = target.substring(5);
            User user = User.byUsername(username).orElse(null);
            if (user == null || ProjectMember.of(project, user) == null) {
                throw ApiException.badField("'" + username + "' is not a member of this project.", "target");
            }
            return new ImportTarget(LayerOwner.USER, user.id, username);
        }
        throw ApiException.badField("target is gold, suggestions or user:<username>, not '" + target + "'.", "target");
    }

    /** Layers of formats that carry no status: gold imports are finished work, anything else is still to do. */
    String defaultStatus() {
        return ownerKind == LayerOwner.GOLD ? "DONE" : "NEW";
    }
}
