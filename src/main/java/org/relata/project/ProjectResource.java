package org.relata.project;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.schema.Schema;
import org.relata.schema.SchemaView;
import org.relata.user.CurrentUser;
import org.relata.user.User;
import org.relata.web.ApiException;

import io.quarkus.security.Authenticated;

@Path("/api/projects")
@Authenticated
@Tag(name = "Projects")
public class ProjectResource {

    /** blind: on when absent (see {@link Project#blind}). */
    public record NewProject(String name, String description, String guidelines, Schema schema, Boolean blind) {
    }

    public record ProjectChange(String name, String description, String guidelines, Boolean blind) {
    }

    /** state: ACTIVE or RETIRED (read-only). */
    public record ProjectSummary(Long id, String name, String description, String role, String state) {
    }

    /** schema also carries the relation menu the workspace offers (see {@link SchemaView}). */
    public record ProjectView(Long id, String name, String description, String guidelines, boolean blind,
            String role, String state, SchemaView schema) {
    }

    public record CopyRequest(String name, Boolean documents) {
    }

    public record StateChange(@NotNull(message = "state is required: ACTIVE or RETIRED") String state) {
    }

    public record RoleChange(@NotNull(message = "role is required: MANAGER, CURATOR or ANNOTATOR") String role) {
    }

    public record MemberView(String username, String role) {
    }

    @Inject CurrentUser currentUser;
    @Inject ProjectAccess access;
    @Inject ProjectService projects;
    @Inject ProjectSchemas schemas;

    @POST
    @Operation(summary = "Create a project (admins, and users allowed to create projects); the creator becomes manager")
    @Transactional
    public Response create(NewProject body) {
        if (body == null) {
            throw ApiException.badRequest("Send a JSON body with at least a name.");
        }
        User user = currentUser.get();
        Project project = projects.create(user, body.name(), body.description(), body.guidelines(), body.schema());
        if (body.blind() != null) {
            project.blind = body.blind();
        }
        return Response.created(URI.create("/api/projects/" + project.id)).entity(view(access.visible(project.id))).build();
    }

    @GET
    @Operation(summary = "The projects I am a member of (all of them, for an admin)")
    public List<ProjectSummary> list() {
        User user = currentUser.get();
        return Project.visibleTo(user).stream().filter(p -> access.reaches(p.id)).map(p -> {
            ProjectMember member = ProjectMember.of(p, user);
            return new ProjectSummary(p.id, p.name, p.description, member == null ? null : member.role.name(),
                    p.state.name());
        }).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A project with its schema")
    public ProjectView get(@PathParam("id") long id) {
        return view(access.visible(id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a project's name, description, guidelines or blind setting (manager)",
            description = "blind (default true): annotators see only the documents assigned to them and only their "
                    + "own layer. false: they see every document and may read, not change, each other's layers.")
    @Transactional
    public ProjectView update(@PathParam("id") long id, ProjectChange body) {
        access.requiring(id, Role.MANAGER);
        if (body == null) {
            throw ApiException.badRequest("Send a JSON body.");
        }
        projects.update(currentUser.get(), id, body.name(), body.description(), body.guidelines(), body.blind());
        return view(access.visible(id));
    }

    @GET
    @Path("/{id}/members")
    @Operation(summary = "A project's members and their roles")
    public List<MemberView> members(@PathParam("id") long id) {
        Project project = access.visible(id).project();
        return ProjectMember.inProject(project).stream().map(m -> new MemberView(m.user.username, m.role.name())).toList();
    }

    @PUT
    @Path("/{id}/members/{username}")
    @Operation(summary = "Add a member or change their role (manager)",
            description = "A manager may add only people who share a project with them (an admin anyone). For a caller"
                    + " who is no admin, an unknown username and one they may not add answer the same 404.")
    @Transactional
    public MemberView setMember(@PathParam("id") long id, @PathParam("username") String username, @Valid RoleChange body) {
        access.requiring(id, Role.MANAGER);
        if (body == null) {
            throw ApiException.badRequest("Send {\"role\": \"MANAGER\" | \"CURATOR\" | \"ANNOTATOR\"}.");
        }
        ProjectMember member = projects.setMember(currentUser.get(), id, username, parseRole(body.role()));
        return new MemberView(member.user.username, member.role.name());
    }

    @DELETE
    @Path("/{id}/members/{username}")
    @Operation(summary = "Remove a member (manager)")
    @Transactional
    public Response removeMember(@PathParam("id") long id, @PathParam("username") String username) {
        access.requiring(id, Role.MANAGER);
        projects.removeMember(currentUser.get(), id, username);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}/membership")
    @Operation(summary = "Leave a project I was added to",
            description = "Ends the caller's own membership. The last manager cannot leave (409): make someone else"
                    + " manager first. An admin who is no member gets 409 as well.")
    @APIResponse(responseCode = "204", description = "Left; the project is no longer visible to the caller")
    public void leave(@PathParam("id") long id) {
        access.visible(id);
        projects.leave(currentUser.get(), id);
    }

    @PUT
    @Path("/{id}/state")
    @Operation(summary = "Retire a project (read-only for everyone) or make it active again (manager)",
            description = "While a project is RETIRED every write to it (documents, layers, schema, members, imports,"
                    + " the trash) answers 409; reads and exports work, and so do this call, copying and deleting it.")
    @Transactional
    public ProjectView setState(@PathParam("id") long id, @Valid StateChange body) {
        access.requiring(id, Role.MANAGER);
        if (body == null) {
            throw ApiException.badRequest("Send {\"state\": \"ACTIVE\" | \"RETIRED\"}.");
        }
        projects.setState(currentUser.get(), id, parseState(body.state()));
        return view(access.visible(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a project and everything of it (admin, or a manager of the project)",
            description = "confirm must repeat the project's name exactly (else 400). Members, schema, documents (the"
                    + " trash too), every layer, assignments and the project's audit events are removed; the deletion"
                    + " itself is recorded in project_deletions, which stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") long id,
            @QueryParam("confirm") @Parameter(description = "the project's name, exactly") String confirm) {
        access.requiring(id, Role.MANAGER);
        projects.delete(currentUser.get(), id, confirm);
    }

    @POST
    @Path("/{id}/copy")
    @Operation(summary = "A new project with this one's schema, guidelines and settings (manager, allowed to create"
            + " projects)", description = "With \"documents\": true the documents come too, without annotations"
                    + " (not those in the trash). The caller becomes the new project's manager; members are not copied.")
    @APIResponse(responseCode = "201", description = "The new project")
    @Transactional
    public Response copy(@PathParam("id") long id, CopyRequest body) {
        access.requiring(id, Role.MANAGER);
        if (body == null) {
            throw ApiException.badRequest("Send {\"name\": \"...\", \"documents\": false}.");
        }
        Project copy = projects.copy(currentUser.get(), id, body.name(), Boolean.TRUE.equals(body.documents()));
        return Response.created(URI.create("/api/projects/" + copy.id)).entity(view(access.visible(copy.id))).build();
    }

    static ProjectState parseState(String state) {
        try {
            return ProjectState.valueOf(state);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badField("A project's state is ACTIVE or RETIRED, not '" + state + "'.", "$.state");
        }
    }

    static Role parseRole(String role) {
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("A role is MANAGER, CURATOR or ANNOTATOR, not '" + role + "'.", "$.role");
        }
    }

    private ProjectView view(ProjectAccess.Access access) {
        Project p = access.project();
        return new ProjectView(p.id, p.name, p.description, p.guidelines, p.blind,
                access.role() == null ? null : access.role().name(), p.state.name(), schemas.view(p));
    }
}
