package org.relata.annotation;

import org.relata.document.Document;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.Role;
import org.relata.user.User;

/**
 * A layer named in a URL, resolved for the caller: whose it is and whether the caller may change it.
 * The layer itself may not exist yet; it is created by the first write.
 */
public record LayerTarget(Document document, Access access, LayerOwner kind, User user) {

    public boolean isCallersOwn() {
        return kind == LayerOwner.USER && user.id.equals(access.user().id);
    }

    /** Annotators write their own layer; curators and managers also gold and suggestions; nobody another's. */
    public boolean writable() {
        return switch (kind) {
            case USER -> isCallersOwn();
            case GOLD, SUGGESTIONS -> access.can(Role.CURATOR);
        };
    }

    public String ownerName() {
        return kind.nameFor(user == null ? null : user.username);
    }

    public Layer existingLayer() {
        return Layer.find(document, kind, user);
    }
}
