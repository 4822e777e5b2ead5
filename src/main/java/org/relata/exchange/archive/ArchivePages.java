package org.relata.exchange.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.relata.user.CurrentUser;
import org.relata.user.User;
import org.relata.web.ApiError;
import org.relata.web.ApiException;
import org.relata.web.Flash;

import io.quarkus.security.Authenticated;

/**
 * The project list's "Create from archive" form (admins). The download is a plain link to the API's
 * {@code GET /api/projects/{id}/archive} on the project page.
 */
@Path("/projects/archive")
@Authenticated
public class ArchivePages {

    @Inject CurrentUser currentUser;
    @Inject ArchiveImport importer;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response create(@RestForm("file") FileUpload file, @RestForm String name) {
        User user = currentUser.get();
        if (!user.admin) {
            throw ApiException.forbidden("Only an admin may create a project from an archive.");
        }
        if (file == null || file.uploadedFile() == null) {
            return Flash.error("/", "Choose a project archive (.zip) first.");
        }
        ArchiveImport.Result result;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            result = importer.run(user, in, name);
        } catch (ApiException e) {
            return Flash.error("/", "Nothing was created. " + where(e.body) + e.body.error());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String message = "Project '" + result.name() + "' created from the archive: " + result.counts().get("documents")
                + " documents.";
        if (!result.missingMembers().isEmpty()) {
            message += " Not found on this server (not added; their layers were left out): "
                    + String.join(", ", result.missingMembers().stream().map(ArchiveImport.MissingMember::username).toList())
                    + ".";
        }
        return Flash.ok("/projects/" + result.id(), message);
    }

    private static String where(ApiError error) {
        StringBuilder at = new StringBuilder();
        if (error.file() != null) {
            at.append(error.file());
        }
        if (error.line() != null) {
            at.append(", line ").append(error.line());
        }
        if (error.field() != null) {
            at.append(at.length() > 0 ? ", " : "").append(error.field());
        }
        return at.length() == 0 ? "" : at + ": ";
    }
}
