package org.relata.exchange;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.exchange.ReleaseService.NewRelease;
import org.relata.exchange.ReleaseService.Release;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.Role;
import org.relata.web.ApiException;

import io.quarkus.security.Authenticated;

/** Dataset releases: exports frozen under a name, downloadable byte for byte, compared with each other. */
@Path("/api/projects/{id}/releases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dataset releases")
public class ReleaseResource {

    @Inject
    ProjectAccess access;

    @Inject
    ReleaseService releases;

    @POST
    @Operation(summary = "Freeze an export under a name (manager)",
            description = "Takes the export's parameters (format, source, status, split, seed; as GET .../export) and"
                    + " stores the export's bytes (gzip in PostgreSQL) with a manifest: who, when, the parameters, counts"
                    + " per label and per split, the SHA-256 of the bytes. An existing name answers 409.")
    @APIResponse(responseCode = "201", description = "The release's manifest")
    public Response create(@PathParam("id") long projectId, NewRelease body) {
        Access a = access.requiring(projectId, Role.MANAGER);
        if (body == null) {
            throw ApiException.badRequest("Send {\"name\", \"format\", \"source\", \"status\", \"split\"?, \"seed\"?}.");
        }
        Release release = releases.create(a.user(), a.project(), body);
        return Response.created(URI.create("/api/projects/" + projectId + "/releases/" + release.name()))
                .entity(release).build();
    }

    @GET
    @Operation(summary = "The project's releases with their manifests (curator, manager)")
    public List<Release> list(@PathParam("id") long projectId) {
        access.requiring(projectId, Role.CURATOR);
        return releases.list(projectId);
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One release's manifest (curator, manager)")
    public Release get(@PathParam("id") long projectId, @PathParam("name") String name) {
        access.requiring(projectId, Role.CURATOR);
        return releases.get(projectId, name);
    }

    @GET
    @Path("/{name}/file")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Exactly the release's bytes, however the project changed since (curator, manager)",
            description = "X-Relata-SHA256 repeats the manifest's checksum of these bytes.")
    public Response file(@PathParam("id") long projectId, @PathParam("name") String name) {
        access.requiring(projectId, Role.CURATOR);
        Release release = releases.get(projectId, name);
        ReleaseService.StoredFile file = releases.file(projectId, name);
        StreamingOutput body = out -> {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file.gzipped()), 1 << 16)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, file.mediaType()).header("X-Relata-SHA256", release.sha256())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a release (manager; audited). Releases never change otherwise.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") long projectId, @PathParam("name") String name) {
        Access a = access.requiring(projectId, Role.MANAGER);
        releases.delete(a.user(), projectId, name);
    }

    @GET
    @Path("/{a}/diff/{b}")
    @Operation(summary = "What changed from release a to release b (curator, manager)",
            description = "Documents added and removed; per document the spans and relations added, removed and"
                    + " relabelled (same offsets, another label); and counts per label. Read from each release's"
                    + " native-JSONL snapshot, so releases of any format compare.")
    public ReleaseDiff.Diff diff(@PathParam("id") long projectId, @PathParam("a") String a, @PathParam("b") String b) {
        access.requiring(projectId, Role.CURATOR);
        return releases.diff(projectId, a, b);
    }
}
