package org.relata.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/** A disabled account is logged out everywhere at once, whatever credential it presents. */
@ApplicationScoped
public class DisabledUserCheck implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> check(identity));
    }

    @ActivateRequestContext
    SecurityIdentity check(SecurityIdentity identity) {
        boolean enabled = User.byUsername(identity.getPrincipal().getName()).map(u -> u.enabled).orElse(false);
        if (!enabled) {
            throw new AuthenticationFailedException("account disabled");
        }
        return identity;
    }
}
