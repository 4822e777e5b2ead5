package org.relata.annotation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.relata.document.Document;
import org.relata.document.DocumentAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.user.User;
import org.relata.web.ApiException;

/** Turns a document id and an owner name from a URL into a {@link LayerTarget}, hiding what the caller may not see. */
@RequestScoped
public class LayerTargets {

    public static final String ME = "me";
    public static final String GOLD = LayerOwner.GOLD_NAME;
    public static final String SUGGESTIONS = LayerOwner.SUGGESTIONS_NAME;

    @Inject
    DocumentAccess documents;

    /** A layer the caller may read; 404 for the document or a layer they may not see. */
    public LayerTarget readable(long documentId, String owner) {
        DocumentAccess.Visible visible = documents.visible(documentId);
        return target(visible.document(), visible.access(), owner);
    }

    /**
     * Whose layer {@code owner} names, if the caller may read it: their own and the suggestions always; gold for
     * curators and managers; another annotator's for curators and managers, and for everyone in a project that is
     * not blind. 404 otherwise. The caller must already be allowed to see the document.
     */
    public static LayerTarget target(Document document, Access access, String owner) {
        return switch (owner) {
            case ME -> new LayerTarget(document, access, LayerOwner.USER, access.user());
            case SUGGESTIONS -> new LayerTarget(document, access, LayerOwner.SUGGESTIONS, null);
            case GOLD -> {
                if (!access.seesAllLayers()) {
                    throw noSuchLayer();
                }
                yield new LayerTarget(document, access, LayerOwner.GOLD, null);
            }
            default -> {
                User user = User.byUsername(owner).orElseThrow(LayerTargets::noSuchLayer);
                if (!user.id.equals(access.user().id) && !access.readsOtherAnnotators()) {
                    throw noSuchLayer();
                }
                yield new LayerTarget(document, access, LayerOwner.USER, user);
            }
        };
    }

    /** A layer the caller may change; 403 when they may only look at it. */
    public LayerTarget writable(long documentId, String owner) {
        LayerTarget target = readable(documentId, owner);
        if (!target.writable()) {
            throw ApiException.forbidden(target.kind() == LayerOwner.USER
                    ? "Only " + target.ownerName() + " may change their own annotations."
                    : "Changing the " + target.ownerName() + " layer needs the CURATOR or MANAGER role.");
        }
        return target;
    }

    public static ApiException noSuchLayer() {
        return ApiException.notFound("No such layer.");
    }
}
