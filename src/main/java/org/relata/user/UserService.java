package org.relata.user;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.relata.web.ApiException;

@ApplicationScoped
public class UserService {

    @Inject
    VerifiedCredentials verified;

    @Inject
    SecurityLog log;

    @Inject
    CurrentUser currentUser;

    @Inject
    UserSessions sessions;

    @Transactional
    public User create(String username, String password, boolean admin, boolean canCreateProjects) {
        if (User.byUsername(username).isPresent()) {
            throw ApiException.conflictOn("A user named '" + username + "' exists already.", "$.username");
        }
        checkPassword(username, password);
        User user = new User();
        user.username = username;
        user.admin = admin;
        user.canCreateProjects = canCreateProjects;
        user.setPassword(password);
        user.persist();
        return user;
    }

    /** Grants or withdraws the right to create projects. */
    @Transactional
    public User setCanCreateProjects(long userId, boolean allowed) {
        User user = byId(userId);
        if (user.canCreateProjects != allowed) {
            log.record(SecurityLog.RIGHT_GRANTED, user.username, actorName(),
                    allowed ? "may create projects" : "may no longer create projects");
        }
        user.canCreateProjects = allowed;
        return user;
    }

    /** Disabling also ends the user's sessions, so enabling again later does not bring old ones back. */
    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        User user = byId(userId);
        user.enabled = enabled;
        if (!enabled) {
            endSessions(user, null);
        }
    }

    /**
     * Sets a new password (an admin's reset): the user's sessions end and their API tokens are revoked, since
     * whoever knew the old password may have made some. Answers how many tokens were revoked.
     */
    @Transactional
    public int changePassword(long userId, String password) {
        User user = byId(userId);
        checkPassword(user.username, password);
        user.setPassword(password);
        endSessions(user, null);
        int revoked = revokeTokens(user);
        log.record(SecurityLog.PASSWORD_RESET, user.username, actorName(), revoked + " token(s) revoked");
        return revoked;
    }

    /**
     * Changes one's own password (issue 19, finding 11): the current password must be given; every session but
     * {@code keep} (the caller's own, null when the call came with Basic or a token) ends and, if asked, every API
     * token. Answers how many tokens were revoked.
     */
    @Transactional
    public int changeOwnPassword(long userId, UUID keep, String current, String password, boolean endTokens) {
        User user = byId(userId);
        if (current == null || !io.quarkus.elytron.security.common.BcryptUtil.matches(current, user.passwordHash)) {
            log.record(SecurityLog.PASSWORD_CHANGED, user.username, null, "refused: wrong current password");
            throw ApiException.badField("The current password is not right.", "$.currentPassword");
        }
        checkPassword(user.username, password);
        if (password.equals(current)) {
            throw ApiException.badField("The new password must differ from the current one.", "$.password");
        }
        user.setPassword(password);
        endSessions(user, keep);
        int revoked = endTokens ? revokeTokens(user) : 0;
        log.record(SecurityLog.PASSWORD_CHANGED, user.username, null,
                "other sessions ended" + (endTokens ? ", " + revoked + " token(s) revoked" : ""));
        return revoked;
    }

    /** Ends every session of the user but {@code keep} (the caller's own). */
    @Transactional
    public void endOtherSessions(long userId, UUID keep) {
        User user = byId(userId);
        endSessions(user, keep);
        log.record(SecurityLog.SESSIONS_ENDED, user.username, null, "other sessions ended by the user");
    }

    /** Ends one of the user's own sessions; 404 when the user has no such session (another user's, or gone). */
    @Transactional
    public void endOwnSession(long userId, UUID sessionId) {
        User user = byId(userId);
        if (sessionId == null || !sessions.end(user.id, sessionId)) {
            throw ApiException.notFound("No such session.");
        }
        log.record(SecurityLog.SESSIONS_ENDED, user.username, null, "one session ended by the user");
    }

    private static int revokeTokens(User user) {
        return ApiToken.update("revokedAt = ?1 where user.id = ?2 and revokedAt is null", java.time.OffsetDateTime.now(),
                user.id);
    }

    private String actorName() {
        try {
            return currentUser.isLoggedIn() ? currentUser.get().username : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Logs the user out everywhere: every session cookie and every remembered Basic login stops working. */
    @Transactional
    public void endSessions(long userId) {
        User user = byId(userId);
        endSessions(user, null);
        String actor = actorName();
        if (actor != null && !actor.equals(user.username)) {
            log.record(SecurityLog.SESSIONS_ENDED, user.username, actor, "all sessions ended by an admin");
        }
    }

    /** Ends the user's session records but {@code keep}, and forgets their remembered Basic logins. */
    private void endSessions(User user, UUID keep) {
        sessions.endAll(user.id, keep);
        verified.forget(user.username);
    }

    /**
     * What deleting a user leaves of the row: a pseudonym ("former-annotator-3") in place of the name, no password,
     * no admin flag, no tokens, no sessions. The row itself stays because the layers a manager keeps and the audit
     * trail point at it; the old name is free for a new account at once. The caller removes memberships and layers
     * in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String pseudonymise(long userId) {
        User user = User.<User>findByIdOptional(userId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .filter(u -> u.deletedAt == null)
                .orElseThrow(() -> ApiException.notFound("No such user."));
        String formerName = user.username;
        String pseudonym;
        do {
            pseudonym = "former-annotator-" + ((Number) User.getEntityManager()
                    .createNativeQuery("select nextval('former_user_seq')").getSingleResult()).longValue();
        } while (User.byUsername(pseudonym).isPresent());
        user.username = pseudonym;
        user.admin = false;
        user.enabled = false;
        user.canCreateProjects = false;
        user.deletedAt = java.time.OffsetDateTime.now();
        // Nobody knows this password: the hash of random bytes, so no login can match it.
        user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
        ApiToken.delete("user.id", user.id);
        sessions.endAll(user.id, null);
        verified.forget(formerName);
        return pseudonym;
    }

    private static void checkPassword(String username, String password) {
        String problem = AccountRules.passwordProblem(username, password);
        if (problem != null) {
            throw ApiException.badField(problem, "$.password");
        }
    }

    private static User byId(long userId) {
        return User.<User>findByIdOptional(userId).filter(u -> u.deletedAt == null)
                .orElseThrow(() -> ApiException.notFound("No such user."));
    }
}
