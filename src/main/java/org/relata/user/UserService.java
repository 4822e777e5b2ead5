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

    @Transactional
    public User create(String username, String password, boolean admin) {
        if (User.byUsername(username).isPresent()) {
            throw ApiException.conflictOn("A user named '" + username + "' exists already.", "$.username");
        }
        checkPassword(username, password);
        User user = new User();
        user.username = username;
        user.admin = admin;
        user.setPassword(password);
        user.persist();
        return user;
    }

    /** Disabling also ends the user's sessions, so enabling again later does not bring old ones back. */
    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        User user = byId(userId);
        user.enabled = enabled;
        if (!enabled) {
            endSessions(user);
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
        endSessions(user);
        return ApiToken.update("revokedAt = ?1 where user.id = ?2 and revokedAt is null", java.time.OffsetDateTime.now(),
                user.id);
    }

    /** Logs the user out everywhere: every session cookie and every remembered Basic login stops working. */
    @Transactional
    public void endSessions(long userId) {
        endSessions(byId(userId));
    }

    private void endSessions(User user) {
        user.sessionEpoch = UUID.randomUUID();
        verified.forget(user.username);
    }

    private static void checkPassword(String username, String password) {
        String problem = AccountRules.passwordProblem(username, password);
        if (problem != null) {
            throw ApiException.badField(problem, "$.password");
        }
    }

    private static User byId(long userId) {
        return User.<User>findByIdOptional(userId).orElseThrow(() -> ApiException.notFound("No such user."));
    }
}
