package org.relata.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;

/**
 * The identity behind a valid session cookie (Quarkus' form authentication has decrypted it and trusts the
 * name in it). Whether the session has since been ended is {@link AccountCheck}'s question.
 */
@ApplicationScoped
public class SessionIdentityProvider extends BlockingIdentityProvider<TrustedAuthenticationRequest> {

    public SessionIdentityProvider() {
        super(TrustedAuthenticationRequest.class);
    }

    @Override
    @ActivateRequestContext
    SecurityIdentity identityOf(TrustedAuthenticationRequest request) {
        String username = request.getPrincipal();
        // A cookie of a deleted (renamed) account still passes here, without roles: AccountCheck then ends the
        // session quietly. Failing here instead made form authentication redirect to the login page, which failed
        // again on the same cookie, in a loop.
        return User.byUsername(username).map(user -> User.identity(user.username, user.admin, AccountCheck.SESSION))
                .orElseGet(() -> User.identity(username, false, AccountCheck.SESSION));
    }
}
