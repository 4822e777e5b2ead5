package org.relata.user;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks a username and password (form login and HTTP Basic): throttles guessing ({@link LoginThrottle}) and
 * skips bcrypt for credentials verified a moment ago ({@link VerifiedCredentials}).
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Compared against when the user does not exist, so that answering takes as long as for one who does. */
    private static final String UNKNOWN_USER_HASH = BcryptUtil.bcryptHash("no such user " + System.nanoTime());

    @Inject
    LoginThrottle throttle;

    @Inject
    VerifiedCredentials verified;

    @Inject
    SecurityLog log;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        VerifiedCredentials.Verified hit = verified.lookup(username, password);
        if (hit != null) {
            return Uni.createFrom().item(identity(hit.username(), hit.admin()));
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = address(http);
        long wait = throttle.secondsToWait(username, address);
        if (wait > 0) {
            TooManyLogins.answer(http, wait);
            return Uni.createFrom().failure(new AuthenticationFailedException("too many failed logins"));
        }
        String how = http != null && http.normalizedPath().endsWith("/j_security_check") ? "form" : "basic";
        return context.runBlocking(() -> verify(username, password, address, how));
    }

    @ActivateRequestContext
    SecurityIdentity verify(String tried, String password, String address, String how) {
        // PostgreSQL's text cannot hold U+0000, and no username has one (nor a backslash): spelled out, the name is
        // looked up and logged as the unknown name it is, instead of failing in the database (500).
        String username = tried.replace("\u0000", "\\u0000");
        User user = User.byUsername(username).orElse(null);
        // bcrypt would compare only the first 72 bytes; no stored password is longer, so a longer one is wrong.
        boolean fits = password.getBytes(StandardCharsets.UTF_8).length <= AccountRules.PASSWORD_MAX_BYTES;
        boolean matches = BcryptUtil.matches(password, user == null || !fits ? UNKNOWN_USER_HASH : user.passwordHash);
        if (user == null || !matches) {
            long blocked = throttle.failed(username, address);
            log.record(SecurityLog.LOGIN_FAILED, username, null, address, how);
            if (blocked > 0) {
                log.record(SecurityLog.LOGIN_THROTTLED, username, null, address, "blocked for " + blocked + " s");
            }
            throw new AuthenticationFailedException("wrong username or password");
        }
        throttle.succeeded(username);
        // A Basic login is checked with bcrypt at most about once a minute (VerifiedCredentials), so it is logged
        // that often, not on every request.
        log.record(SecurityLog.LOGIN, user.username, null, address, how);
        verified.remember(user.username, password, user.admin);
        return identity(user.username, user.admin);
    }

    private static SecurityIdentity identity(String username, boolean admin) {
        return User.identity(username, admin, AccountCheck.PASSWORD);
    }

    private static String address(RoutingContext http) {
        SocketAddress remote = http == null ? null : http.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
