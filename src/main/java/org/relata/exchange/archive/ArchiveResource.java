package org.relata.exchange.archive;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.exchange.ExportFileName;
import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.project.Role;
import org.relata.user.CurrentUser;
import org.relata.user.User;
import org.relata.web.ApiException;

import io.quarkus.security.Authenticated;

/** Project archives (docs/administration.md): the whole project as one zip, and a new project from one. */
@Path("/api/projects")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Project archives")
public class ArchiveResource {

    @Inject
    ProjectAccess access;

    @Inject
    CurrentUser currentUser;

    @Inject
    ArchiveExport export;

    @Inject
    ArchiveImport importer;

    @GET
    @Path("{id}/archive")
    @Produces("application/zip")
    @Operation(summary = "Download the project's archive (managers and admins): settings, guidelines, schema, members,"
            + " every document with every layer, and a manifest with counts and SHA-256 checksums. The body streams.")
    public Response archive(@PathParam("id") long id) {
        Project project = access.requiring(id, Role.MANAGER).project();
        StreamingOutput body = out -> export.write(id, out);
        String name = ExportFileName.of(project.name + " archive", LocalDate.now(ZoneOffset.UTC), false, "zip");
        return Response.ok(body, "application/zip").header("Content-Disposition", ExportFileName.disposition(name)).build();
    }

    @POST
    @Path("archive")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Create a project from an archive (admins); name= overrides the archive's project name",
            description = "Members are matched to users of this server by username; those not found are reported in"
                    + " missingMembers, with how many of their layers were left out. Checksums, counts and the format"
                    + " version are checked; all or nothing: a problem answers 400 naming the entry, line and field,"
                    + " and no project is created.")
    public Response create(
            @QueryParam("name") @Parameter(description = "The new project's name; without it, the archive's") String name,
            InputStream body) {
        User user = currentUser.get();
        if (!user.admin) {
            throw ApiException.forbidden("Only an admin may create a project from an archive.");
        }
        ArchiveImport.Result result = importer.run(user, body, name);
        return Response.created(URI.create("/api/projects/" + result.id())).entity(result).build();
    }
}
