package org.relata.curation;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.curation.CurationViews.Settings;
import org.relata.project.ProjectAccess;
import org.relata.project.Role;
import org.relata.web.ApiException;

/** A project's curation settings: for now the pre-accept share. */
@Path("/api/projects/{id}/curation")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Curation")
public class CurationSettingsResource {

    @Inject
    ProjectAccess projects;

    @Inject
    CurationService curation;

    @GET
    @Operation(summary = "The project's curation settings (curator)",
            description = "preAcceptShare: the share of a document's annotators (0.5 to 1.0) that must agree.")
    public Settings settings(@PathParam("id") long id) {
        return new Settings(CurationService.share(projects.requiring(id, Role.CURATOR).project()));
    }

    @PUT
    @Operation(summary = "Change the pre-accept share (manager)",
            description = "preAcceptShare from 0.5 to 1.0; 1.0 (the default) pre-accepts only what all agree on.")
    public Settings changeSettings(@PathParam("id") long id, Settings body) {
        if (body == null) {
            throw ApiException.badRequest("Send a JSON body: {\"preAcceptShare\": 0.75}.");
        }
        return new Settings(curation.setShare(projects.visible(id), body.preAcceptShare()));
    }
}
