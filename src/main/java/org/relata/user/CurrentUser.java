package org.relata.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The logged-in user of this request, loaded once. */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private User user;

    public User get() {
        if (user == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            user = User.byUsername(identity.getPrincipal().getName()).orElseThrow(UnauthorizedException::new);
        }
        return user;
    }

    /** Whether this request's user is loaded already. */
    public boolean isLoaded() {
        return user != null;
    }

    /**
     * This request's user, as a caller loaded them together with something else in one query (ProjectAccess: with
     * their role in a project). Ignored unless it is the caller.
     */
    public void loaded(User found) {
        if (user == null && !identity.isAnonymous() && found.username.equals(identity.getPrincipal().getName())) {
            user = found;
        }
    }

    /** The browser session this request rides on; null for Basic, API tokens and anonymous callers. */
    public java.util.UUID sessionId() {
        return identity.getAttribute(UserSessions.SESSION_ID);
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public boolean isAdmin() {
        return isLoggedIn() && get().admin;
    }
}
