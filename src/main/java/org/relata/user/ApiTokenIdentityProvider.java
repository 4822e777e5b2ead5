package org.relata.user;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a bearer token into the identity of the user who made it, while the token is not revoked. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        return context.runBlocking(() -> identityFor(secret));
    }

    @ActivateRequestContext
    @Transactional
    SecurityIdentity identityFor(String secret) {
        ApiToken token = ApiToken.activeBySecret(secret);
        if (token == null) {
            throw new AuthenticationFailedException("unknown or revoked token");
        }
        token.lastUsedAt = OffsetDateTime.now();
        SecurityIdentity identity = User.identity(token.user.username, token.user.admin, AccountCheck.TOKEN);
        if (!token.readOnly && !token.projectScoped) {
            return identity;
        }
        // The token's scope rides on the identity; TokenScopeGuard and ProjectAccess enforce it.
        QuarkusSecurityIdentity.Builder scoped = QuarkusSecurityIdentity.builder(identity);
        if (token.readOnly) {
            scoped.addAttribute(TokenScope.READ_ONLY, Boolean.TRUE);
        }
        if (token.projectScoped) {
            scoped.addAttribute(TokenScope.PROJECTS, java.util.Set.copyOf(token.projectIds));
        }
        return scoped.build();
    }
}
