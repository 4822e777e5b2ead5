package org.relata.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * The identity behind a valid session cookie (Quarkus' form authentication has decrypted it and trusts the
 * name in it). Whether the session has since been ended is {@link AccountCheck}'s question.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        return context.runBlocking(() -> identityOf(username));
    }

    @ActivateRequestContext
    SecurityIdentity identityOf(String username) {
        User user = User.byUsername(username).orElseThrow(() -> new AuthenticationFailedException("no such user"));
        return User.identity(user.username, user.admin, AccountCheck.SESSION);
    }
}
