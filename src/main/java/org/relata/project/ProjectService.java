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

    @Inject
    org.relata.user.SecurityLog securityLog;

    /** Creates a project with its schema; the creator becomes its first manager. */
    @Transactional
    public Project create(User creator, String name, String description, String guidelines, Schema schema) {
        if (!creator.admin && !creator.canCreateProjects) {
            throw ApiException.forbidden("You are not allowed to create projects.");
        }
        String trimmed = checkedName(name);
        lockNamesOf(creator);
        if (nameTaken(creator, trimmed, null)) {
            throw nameConflict(trimmed);
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

    /**
     * Whether another project that {@code caller} can see has this name (NFC), also one stored before names were
     * normalised. Names are unique only among the projects the caller sees (all of them, for an admin): a check
     * across the installation would tell anyone the names of projects they may not see (issue 19, finding 5).
     */
    private boolean nameTaken(User caller, String name, Long except) {
        Number count = (Number) em.createNativeQuery("select count(*) from projects p where normalize(p.name, NFC) = ?1"
                + " and p.id <> ?2 and (?3 or exists (select 1 from project_members m where m.project_id = p.id"
                + " and m.user_id = ?4))")
                .setParameter(1, name).setParameter(2, except == null ? -1L : except).setParameter(3, caller.admin)
                .setParameter(4, caller.id).getSingleResult();
        return count.longValue() > 0;
    }

    /**
     * Serialises one caller's creations and renames on their user row, so that two concurrent requests cannot both
     * find a name free. (Two different callers may well choose one name: each sees only their own projects.)
     */
    private void lockNamesOf(User caller) {
        em.createNativeQuery("select id from users where id = ?1 for update").setParameter(1, caller.id).getResultList();
    }

    private static ApiException nameConflict(String name) {
        return ApiException.conflictOn("You can see a project named '" + name + "' already; choose another name.",
                "$.name");
    }

    @Transactional
    public Project update(User actor, long projectId, String name, String description, String guidelines,
            Boolean blind) {
        Project project = Project.findById(projectId);
        if (name != null && !org.relata.web.Names.normalize(name.trim()).equals(project.name)) {
            String trimmed = checkedName(name);
            lockNamesOf(actor);
            if (nameTaken(actor, trimmed, project.id)) {
                throw nameConflict(trimmed);
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
        // A deleted user's pseudonym names kept layers, never a new member. A manager who is no admin may add only
        // people who share a project with them, and "no such user" and "not someone you may add" answer alike,
        // so that the call does not enumerate usernames (issue 19, finding 5).
        User user = User.byUsername(username).filter(u -> u.deletedAt == null)
                .filter(u -> actor.admin || ProjectMember.of(project, u) != null || sharesAProject(actor, u))
                .orElseThrow(ProjectService::noUserToAdd);
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
        if (!role.name().equals(before)) {
            securityLog.record(org.relata.user.SecurityLog.ROLE_GRANTED, user.username, actor.username,
                    role + " in project " + project.id + (before == null ? "" : " (was " + before + ")"));
        }
        audit.record(actor.id, project.id, "set-role", "member", user.id,
                before == null ? null : Map.of("role", before), Map.of("role", role.name()));
        return member;
    }

    @Transactional
    public void removeMember(User actor, long projectId, String username) {
        Project project = Project.findById(projectId);
        // One answer for "no such user" and "not a member", so that removing does not enumerate usernames either.
        ProjectMember member = User.byUsername(username).map(u -> ProjectMember.of(project, u)).orElse(null);
        if (member == null) {
            throw ApiException.notFound("No such member of this project.");
        }
        User user = member.user;
        if (member.role == Role.MANAGER) {
            requireAnotherManager(project, user);
        }
        member.delete();
        audit.record(actor.id, project.id, "remove", "member", user.id, Map.of("role", member.role.name()), null);
    }

    /** The same answer whether the user does not exist or may not be added by this caller. */
    static ApiException noUserToAdd() {
        // The name is not repeated, so that the two answers are identical to the byte.
        return ApiException.notFound("No such user that you may add. A manager adds people who share a project with"
                + " them; an administrator adds anyone.");
    }

    /** Whether the two users are members of one project (in any roles). */
    public boolean sharesAProject(User one, User other) {
        Number count = (Number) em.createNativeQuery("select count(*) from project_members a join project_members b"
                + " on b.project_id = a.project_id where a.user_id = ?1 and b.user_id = ?2")
                .setParameter(1, one.id).setParameter(2, other.id).getSingleResult();
        return count.longValue() > 0;
    }

    /** At most this many names are offered to complete the members page's username field. */
    static final int MAX_CANDIDATES = 1000;

    /**
     * Whom the caller may add to the project, to complete the members page's username field: for an admin every
     * enabled account, for a manager those who share a project with them; never the project's members.
     */
    @SuppressWarnings("unchecked")
    public java.util.List<String> memberCandidates(User caller, long projectId) {
        String sharing = caller.admin ? "" : " and exists (select 1 from project_members b join project_members mine"
                + " on mine.project_id = b.project_id where b.user_id = u.id and mine.user_id = ?2)";
        var query = em.createNativeQuery("select u.username from users u where u.enabled and u.deleted_at is null"
                + " and not exists (select 1 from project_members m where m.project_id = ?1 and m.user_id = u.id)"
                + sharing + " order by u.username limit " + MAX_CANDIDATES).setParameter(1, projectId);
        if (!caller.admin) {
            query.setParameter(2, caller.id);
        }
        return query.getResultList();
    }

    /** The caller leaves a project they were added to; the last manager cannot (409). */
    @Transactional
    public void leave(User user, long projectId) {
        Project project = Project.findById(projectId);
        ProjectMember member = ProjectMember.of(project, user);
        if (member == null) {
            throw ApiException.conflict("You are not a member of this project.");
        }
        if (member.role == Role.MANAGER) {
            requireAnotherManager(project, member.user);
        }
        member.delete();
        audit.record(user.id, project.id, "leave", "member", user.id, Map.of("role", member.role.name()), null);
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
