package org.relata.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.relata.annotation.TeamLayers;
import org.relata.audit.AuditLog;
import org.relata.project.Project;
import org.relata.user.User;
import org.relata.user.UserService;
import org.relata.web.ApiException;

/**
 * Deletes a person (issue 21 item 7). Per project the admin keeps their layers under a pseudonym or deletes them;
 * memberships and assignments end, and the account itself becomes the pseudonym (see
 * {@link UserService#pseudonymise}), so tokens and sessions stop working in the same transaction.
 */
@ApplicationScoped
public class UserDeletion {

    /** What becomes of the user's layers in one project. */
    public enum LayerChoice {
        KEEP, DELETE
    }

    /** A project the user belongs to or has layers in, as the confirmation page and the API show it. */
    public record ProjectLayers(long projectId, String projectName, long layers) {
    }

    public record ProjectOutcome(long projectId, String projectName, LayerChoice layers, long count) {
    }

    public record Outcome(String pseudonym, long layersKept, long layersDeleted, List<ProjectOutcome> projects) {
    }

    @Inject
    EntityManager em;

    @Inject
    TeamLayers layers;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    /** Every project the user is a member of or has layers in, by name. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<ProjectLayers> projects(long userId) {
        User user = live(userId);
        Map<Long, Long> counts = layers.layerCounts(user.id);
        Set<Long> ids = new HashSet<>(counts.keySet());
        em.createNativeQuery("select project_id from project_members where user_id = ?1").setParameter(1, user.id)
                .getResultList().forEach(id -> ids.add(((Number) id).longValue()));
        return ids.stream()
                .map(id -> new ProjectLayers(id, em.find(Project.class, id).name, counts.getOrDefault(id, 0L)))
                .sorted(Comparator.comparing(ProjectLayers::projectName).thenComparing(ProjectLayers::projectId))
                .toList();
    }

    /**
     * Deletes the user. {@code choices} maps a project id to what happens to the user's layers there; a project
     * not named gets {@code otherwise}. An admin cannot delete their own account (someone must be left to log in).
     */
    @Transactional
    public Outcome delete(User actor, long userId, Map<Long, LayerChoice> choices, LayerChoice otherwise) {
        if (actor.id == userId) {
            throw ApiException.conflict("You cannot delete your own account; ask another admin.");
        }
        List<ProjectLayers> projects = projects(userId);
        for (Long projectId : choices.keySet()) {
            if (projects.stream().noneMatch(p -> p.projectId() == projectId)) {
                throw ApiException.badField("The user has no layers and no membership in project " + projectId + ".",
                        "$.projects." + projectId);
            }
        }
        String pseudonym = users.pseudonymise(userId);
        List<ProjectOutcome> outcomes = new ArrayList<>();
        long kept = 0;
        long deleted = 0;
        for (ProjectLayers project : projects) {
            LayerChoice choice = choices.getOrDefault(project.projectId(), otherwise);
            long count = choice == LayerChoice.DELETE ? layers.discardAll(project.projectId(), userId) : project.layers();
            if (choice == LayerChoice.DELETE) {
                deleted += count;
            } else {
                kept += count;
            }
            outcomes.add(new ProjectOutcome(project.projectId(), project.projectName(), choice, count));
            // The audit row names the pseudonym only: the person's name is what they asked to have removed.
            audit.record(actor.id, project.projectId(), "delete-user", "member", userId, null,
                    Map.of("pseudonym", pseudonym, "layers", choice.name(), "count", count));
        }
        em.createNativeQuery("delete from assignments where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from project_members where user_id = ?1").setParameter(1, userId).executeUpdate();
        audit.record(actor.id, null, "delete-user", "user", userId, null,
                Map.of("pseudonym", pseudonym, "layersKept", kept, "layersDeleted", deleted));
        return new Outcome(pseudonym, kept, deleted, outcomes);
    }

    private static User live(long userId) {
        return User.<User>findByIdOptional(userId).filter(u -> u.deletedAt == null)
                .orElseThrow(() -> ApiException.notFound("No such user."));
    }
}
