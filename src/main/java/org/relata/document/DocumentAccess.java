package org.relata.document;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.web.ApiException;

/** A document the caller may see, with their access to its project; 404 for the rest, so nothing is disclosed. */
@RequestScoped
public class DocumentAccess {

    public record Visible(Document document, Access access) {
    }

    @Inject
    ProjectAccess projectAccess;

    public Visible visible(long documentId) {
        Document document = Document.findById(documentId);
        if (document == null) {
            throw noSuchDocument();
        }
        try {
            return new Visible(document, projectAccess.visible(document.project.id));
        } catch (ApiException e) {
            throw noSuchDocument();
        }
    }

    public static ApiException noSuchDocument() {
        return ApiException.notFound("No such document.");
    }
}
