package org.relata.user;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * An identity provider that reads the database: Quarkus asks on the event loop, so the answer is looked up on a
 * worker thread. A subclass names its kind of request and finds the identity it proves.
 */
abstract class BlockingIdentityProvider<R extends AuthenticationRequest> implements IdentityProvider<R> {

    private final Class<R> requestType;

    BlockingIdentityProvider(Class<R> requestType) {
        this.requestType = requestType;
    }

    @Override
    public Class<R> getRequestType() {
        return requestType;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(R request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identityOf(request));
    }

    /** The identity the request proves, or an AuthenticationFailedException; runs on a worker thread. */
    abstract SecurityIdentity identityOf(R request);
}
