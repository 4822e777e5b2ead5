package org.relata.project;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.relata.audit.AuditLog;
import org.relata.schema.Schema;
import org.relata.user.User;
import org.relata.web.ApiException;

@ApplicationScoped
public class ProjectService {

    @Inject
    ProjectSchemas schemas;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    ProjectDocuments documents;

    /** Creates a project with its schema; the creator becomes its first manager. */
    @Transactional
    public Project create(User creator, String name, String description, String guidelines, Schema schema) {
        if (!creator.admin && !creator.canCreateProjects) {
            throw ApiException.forbidden("You are not allowed to create projects.");
        }
        String trimmed = checkedName(name);
        if (nameTaken(trimmed, null)) {
            throw ApiException.conflictOn("A project named '" + trimmed + "' exists already.", "$.name");
        }
        Project project = new Project();
        project.name = trimmed;
        project.description = description == null ? "" : description;
        project.guidelines = guidelines == null ? "" : guidelines;
        project.persist();
        ProjectMember member = new ProjectMember();
        member.project = project;
        member.user = User.findById(creator.id);
        member.role = Role.MANAGER;
        member.persist();
        if (schema != null) {
            schemas.replace(project, schema);
        }
        audit.record(creator.id, project.id, "create", "project", project.id, null, Map.of("name", project.name));
        return project;
    }

    /**
     * A new project with the schema, guidelines and description of another (the type ids are the new project's
     * own), and with its documents, without annotations, when {@code withDocuments}. The caller becomes manager.
     */
    @Transactional
    public Project copy(User actor, long sourceId, String name, boolean withDocuments) {
        Project source = Project.findById(sourceId);
        Project copy = create(actor, name, source.description, source.guidelines, withoutIds(schemas.read(source)));
        long copied = withDocuments ? documents.copyDocuments(source.id, copy.id) : 0;
        audit.record(actor.id, copy.id, "copy", "project", copy.id, Map.of("from", source.name),
                Map.of("name", copy.name, "documents", copied));
        return copy;
    }

    private static Schema withoutIds(Schema schema) {
        return new Schema(
                schema.entityTypesOrEmpty().stream()
                        .map(t -> new Schema.EntityTypeSpec(null, t.name(), t.color(), t.hotkey())).toList(),
                schema.relationTypesOrEmpty().stream()
                        .map(t -> new Schema.RelationTypeSpec(null, t.name(), t.directed(), t.allowed(), t.color(),
                                t.hotkey())).toList(),
                schema.attributesOrEmpty().stream()
                        .map(a -> new Schema.AttributeSpec(null, a.name(), a.on(), a.values())).toList());
    }

    /** A project's name, trimmed and in normal form C, after the shared name rule (400 on $.name). */
    private static String checkedName(String name) {
        String trimmed = org.relata.web.Names.normalize(name == null ? "" : name.trim());
        String problem = org.relata.web.Names.problem(trimmed, true, 200);
        if (problem != null) {
            throw ApiException.badField(problem + " A project needs a name of 1 to 200 characters.", "$.name");
        }
        return trimmed;
    }

    /** Whether another project has this name (NFC), also one stored before names were normalised. */
    private boolean nameTaken(String name, Long except) {
        Number count = (Number) em.createNativeQuery("select count(*) from projects where normalize(name, NFC) = ?1"
                + " and id <> ?2").setParameter(1, name).setParameter(2, except == null ? -1L : except).getSingleResult();
        return count.longValue() > 0;
    }

    @Transactional
    public Project update(User actor, long projectId, String name, String description, String guidelines,
            Boolean blind) {
        Project project = Project.findById(projectId);
        if (name != null && !org.relata.web.Names.normalize(name.trim()).equals(project.name)) {
            String trimmed = checkedName(name);
            if (nameTaken(trimmed, project.id)) {
                throw ApiException.conflictOn("A project named '" + trimmed + "' exists already.", "$.name");
            }
            project.name = trimmed;
        }
        if (description != null) {
            project.description = description;
        }
        if (guidelines != null) {
            project.guidelines = guidelines;
        }
        Map<String, Object> before = null;
        if (blind != null && blind != project.blind) {
            before = Map.of("blind", project.blind);
            project.blind = blind;
        }
        audit.record(actor.id, project.id, "update", "project", project.id, before,
                Map.of("name", project.name, "blind", project.blind));
        return project;
    }

    @Transactional
    public ProjectMember setMember(User actor, long projectId, String username, Role role) {
        Project project = Project.findById(projectId);
        // A deleted user's pseudonym names kept layers, never a new member.
        User user = User.byUsername(username).filter(u -> u.deletedAt == null)
                .orElseThrow(() -> ApiException.notFound("No user named '" + username + "'."));
        ProjectMember member = ProjectMember.of(project, user);
        String before = member == null ? null : member.role.name();
        if (member == null) {
            member = new ProjectMember();
            member.project = project;
            member.user = user;
            member.role = role;
            member.persist();
        } else {
            if (member.role == Role.MANAGER && role != Role.MANAGER) {
                requireAnotherManager(project, user);
            }
            member.role = role;
        }
        audit.record(actor.id, project.id, "set-role", "member", user.id,
                before == null ? null : Map.of("role", before), Map.of("role", role.name()));
        return member;
    }

    @Transactional
    public void removeMember(User actor, long projectId, String username) {
        Project project = Project.findById(projectId);
        User user = User.byUsername(username)
                .orElseThrow(() -> ApiException.notFound("No user named '" + username + "'."));
        ProjectMember member = ProjectMember.of(project, user);
        if (member == null) {
            throw ApiException.notFound("'" + username + "' is not a member of this project.");
        }
        if (member.role == Role.MANAGER) {
            requireAnotherManager(project, user);
        }
        member.delete();
        audit.record(actor.id, project.id, "remove", "member", user.id, Map.of("role", member.role.name()), null);
    }

    /** A project keeps at least one manager, so that someone can still administer it. */
    private static void requireAnotherManager(Project project, User leaving) {
        long others = ProjectMember.count("project = ?1 and role = ?2 and user <> ?3", project, Role.MANAGER, leaving);
        if (others == 0) {
            throw ApiException.conflict("A project needs at least one manager; make someone else manager first.");
        }
    }

    /** Retires a project (read-only for everyone) or makes it active again. */
    @Transactional
    public Project setState(User actor, long projectId, ProjectState state) {
        Project project = Project.findById(projectId);
        ProjectState before = project.state;
        if (before != state) {
            project.state = state;
            audit.record(actor.id, project.id, "set-state", "project", project.id, Map.of("state", before.name()),
                    Map.of("state", state.name()));
        }
        return project;
    }

    /**
     * Deletes a project and everything of it: the foreign keys cascade to members, schema, documents (in the trash
     * too), layers, assignments and its audit events. {@code confirm} must repeat the project's name. The deletion
     * is recorded in project_deletions, which has no foreign key to the project and so stays.
     */
    @Transactional
    public void delete(User actor, long projectId, String confirm) {
        Project project = Project.findById(projectId);
        if (confirm == null || !confirm.equals(project.name)) {
            throw ApiException.badField("To delete the project, repeat its name exactly in confirm.", "confirm");
        }
        long documents = count("select count(*) from all_documents where project_id = ?1", projectId);
        long members = count("select count(*) from project_members where project_id = ?1", projectId);
        em.createNativeQuery("insert into project_deletions (user_id, project_id, project_name, counts)"
                + " values (?1, ?2, ?3, jsonb_build_object('documents', ?4, 'members', ?5))")
                .setParameter(1, actor.id).setParameter(2, projectId).setParameter(3, project.name)
                .setParameter(4, documents).setParameter(5, members)
                .executeUpdate();
        em.flush();
        em.detach(project);
        em.createNativeQuery("delete from projects where id = ?1").setParameter(1, projectId).executeUpdate();
    }

    private long count(String sql, long projectId) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, projectId).getSingleResult()).longValue();
    }
}
