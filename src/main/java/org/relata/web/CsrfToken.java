package org.relata.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The CSRF token of the request's browser session, for the pages ({@code {inject:csrf.token}} in the layout's meta
 * tag and in every form through {@code {#csrf /}}). The token is stored with the session record and put on the
 * identity by the account check ({@link #ATTRIBUTE}); a request without a browser session (anonymous, Basic,
 * API token) has none, and its pages carry an empty one.
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    /** The identity attribute holding the session's token. */
    public static final String ATTRIBUTE = "relata.csrf-token";
    /** The form field that carries it. */
    public static final String FIELD = "csrf-token";

    @Inject
    SecurityIdentity identity;

    public String getToken() {
        String token = identity.getAttribute(ATTRIBUTE);
        return token == null ? "" : token;
    }

    public String getParameterName() {
        return FIELD;
    }
}
