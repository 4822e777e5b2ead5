package org.relata.project;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.relata.project.ProjectProgress.DocumentRow;
import org.relata.project.ProjectProgress.DocumentRows;
import org.relata.schema.Schema;
import org.relata.user.CurrentUser;
import org.relata.user.User;
import org.relata.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The project list, a project's overview page and its members page. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProjectPages {

    static final int PAGE_SIZE = 100;

    public record ProjectRow(Project project, Role role, long documents) {
    }

    public record MemberRow(String username, Role role) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ProjectRow> projects, boolean canCreate, boolean showRetired,
                long retired, List<Project> copyable, boolean admin);

        static native TemplateInstance project(Project project, Role role, boolean manager, boolean curator, Schema schema,
                List<DocumentRow> documents, long total, long mine, long done, DocumentListView list,
                List<MemberRow> members, int page, int pages);

        static native TemplateInstance members(Project project, List<MemberRow> members, List<String> candidates,
                Role[] roles);
    }

    @Inject CurrentUser currentUser;
    @Inject ProjectAccess access;
    @Inject ProjectService projects;
    @Inject ProjectSchemas schemas;
    @Inject ProjectProgress progress;
    @Inject jakarta.persistence.EntityManager em;

    @GET
    public TemplateInstance list(@QueryParam("retired") boolean showRetired) {
        User user = currentUser.get();
        List<Project> visible = Project.visibleTo(user);
        long retired = visible.stream().filter(Project::isRetired).count();
        List<ProjectRow> rows = visible.stream().filter(p -> showRetired || !p.isRetired()).map(p -> {
            ProjectMember member = ProjectMember.of(p, user);
            return new ProjectRow(p, member == null ? null : member.role, documentCount(p.id));
        }).toList();
        List<Project> copyable = visible.stream().filter(p -> {
            ProjectMember member = ProjectMember.of(p, user);
            return user.admin || (member != null && member.role == Role.MANAGER);
        }).toList();
        return Templates.list(rows, user.admin || user.canCreateProjects, showRetired, retired, copyable, user.admin);
    }

    @POST
    @Path("projects")
    public Response create(@RestForm String name, @RestForm String description, @RestForm String from,
            @RestForm boolean documents) {
        User user = currentUser.get();
        return Flash.attempt("/", () -> {
            if (from != null && from.matches("\\d+")) {
                Project source = access.requiring(Long.parseLong(from), Role.MANAGER).project();
                Project project = projects.copy(user, source.id, name, documents);
                return Flash.ok("/projects/" + project.id, "Project created with the labels, guidelines and settings of '"
                        + source.name + "'" + (documents ? " and its documents." : "."));
            }
            Project project = projects.create(user, name, description, null, null);
            return Flash.ok("/projects/" + project.id + "/schema", "Project created. Now define its labels.");
        });
    }

    @GET
    @Path("projects/{id}")
    public TemplateInstance project(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("sort") String sort, @QueryParam("status") String status,
            @QueryParam("annotator") String annotator, @QueryParam("owner") String owner) {
        ProjectAccess.Access a = access.visible(id);
        Project project = a.project();
        User user = a.user();
        boolean onlyAssigned = a.seesOnlyAssigned();
        String shownSort = sort == null || sort.isBlank() ? "name" : sort.trim();
        DocumentRows documents = progress.documents(DocumentListRequest.query(a, shownSort, status, annotator, owner,
                null, PAGE_SIZE, (long) Math.max(page, 0) * PAGE_SIZE));
        long done = progress.doneBy(id, user.id, onlyAssigned);
        long mine = progress.documentCount(id, user.id, onlyAssigned);
        int pages = (int) Math.max(1, (documents.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<String> annotators = a.seesAllLayers() ? members(project).stream().map(MemberRow::username).toList()
                : List.of();
        List<String> layers = new ArrayList<>(List.of("me"));
        if (a.seesAllLayers()) {
            layers.add("gold");
        }
        if (a.readsOtherAnnotators()) {
            members(project).stream().map(MemberRow::username).filter(n -> !n.equals(user.username))
                    .forEach(layers::add);
        }
        DocumentListView list = new DocumentListView(shownSort, blankToNull(status), blankToNull(annotator),
                blankToNull(owner), layers, annotators);
        return Templates.project(project, a.role(), a.can(Role.MANAGER), a.can(Role.CURATOR), schemas.read(project),
                documents.rows(), documents.total(), mine, done, list,
                members(project), Math.min(Math.max(page, 0), pages - 1), pages);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @GET
    @Path("projects/{id}/members")
    public TemplateInstance members(@PathParam("id") long id) {
        ProjectAccess.Access a = access.requiring(id, Role.MANAGER);
        // Only people the caller may add complete the field, not every account (issue 19, finding 5).
        return Templates.members(a.project(), members(a.project()), projects.memberCandidates(a.user(), id),
                Role.values());
    }

    @POST
    @Path("projects/{id}/members")
    public Response setMember(@PathParam("id") long id, @RestForm String username, @RestForm String role) {
        access.requiring(id, Role.MANAGER);
        String back = "/projects/" + id + "/members";
        return Flash.attempt(back, () -> projects.setMember(currentUser.get(), id, username, ProjectResource.parseRole(role)),
                username + " is now " + role + ".");
    }

    @POST
    @Path("projects/{id}/members/{username}/remove")
    public Response removeMember(@PathParam("id") long id, @PathParam("username") String username) {
        access.requiring(id, Role.MANAGER);
        String back = "/projects/" + id + "/members";
        return Flash.attempt(back, () -> projects.removeMember(currentUser.get(), id, username),
                username + " was removed from the project.");
    }

    /** The caller leaves the project; they no longer see it, so they go to the project list. */
    @POST
    @Path("projects/{id}/leave")
    public Response leave(@PathParam("id") long id) {
        String name = access.visible(id).project().name;
        return Flash.attempt("/projects/" + id, () -> {
            projects.leave(currentUser.get(), id);
            return Flash.ok("/", "You left the project '" + name + "'.");
        });
    }

    @POST
    @Path("projects/{id}/settings")
    public Response updateSettings(@PathParam("id") long id, @RestForm String name, @RestForm String description,
            @RestForm String guidelines, @RestForm String blind) {
        access.requiring(id, Role.MANAGER);
        String back = "/projects/" + id;
        // The form always sends blind ("on" or "off"); a form from before the setting existed leaves it alone.
        Boolean blindSetting = blind == null ? null : "on".equals(blind);
        return Flash.attempt(back,
                () -> projects.update(currentUser.get(), id, name, description, guidelines, blindSetting),
                "Project saved.");
    }

    @POST
    @Path("projects/{id}/state")
    public Response setState(@PathParam("id") long id, @RestForm String state) {
        access.requiring(id, Role.MANAGER);
        String back = "/projects/" + id;
        return Flash.attempt(back, () -> {
            Project project = projects.setState(currentUser.get(), id, ProjectResource.parseState(state));
            return Flash.ok(back, project.isRetired() ? "Project retired: it is read-only now." : "Project active again.");
        });
    }

    @POST
    @Path("projects/{id}/delete")
    public Response delete(@PathParam("id") long id, @RestForm String confirm) {
        String name = access.requiring(id, Role.MANAGER).project().name;
        return Flash.attempt("/projects/" + id, () -> {
            projects.delete(currentUser.get(), id, confirm);
            return Flash.ok("/", "Project '" + name + "' deleted.");
        });
    }

    private List<MemberRow> members(Project project) {
        return ProjectMember.inProject(project).stream().map(m -> new MemberRow(m.user.username, m.role)).toList();
    }

    private long documentCount(long projectId) {
        return ((Number) em.createNativeQuery("select count(*) from documents where project_id = ?1")
                .setParameter(1, projectId).getSingleResult()).longValue();
    }
}
