package org.relata.user;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.relata.web.ApiError;
import org.relata.web.ApiPaths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Personal API tokens ({@code Authorization: Bearer rlt_...}), and the API's answer to a missing login:
 * a 401 with a JSON body for {@code /api}, and a redirect to the login form for pages.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    ObjectMapper json;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        String secret = header.substring(BEARER.length()).trim();
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(secret, "bearer")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", ApiError.LOGIN_CHALLENGE));
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login"));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context)) {
            // Pages send people to the login form (the Basic challenge would pop up the browser's own dialog).
            context.response().setStatusCode(302).putHeader("Location", "/login").end();
            return Uni.createFrom().item(true);
        }
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", ApiError.LOGIN_CHALLENGE)
                .putHeader("Content-Type", "application/json");
        context.response().end(loginFirstBody());
        return Uni.createFrom().item(true);
    }

    /** The same error body the API's exception mappers write, produced by the same JSON mapper. */
    private String loginFirstBody() {
        try {
            return json.writeValueAsString(ApiError.loginFirst());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API error body is not serialisable", e);
        }
    }

    private static boolean isApi(RoutingContext context) {
        return ApiPaths.isApi(context.normalizedPath());
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    @Override
    public int getPriority() {
        // First in line, so that its challenge (JSON 401 for the API, login redirect for pages) is the one sent.
        return 100_000;
    }
}
