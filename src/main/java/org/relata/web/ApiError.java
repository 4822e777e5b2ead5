package org.relata.web;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The one error body of the API: a sentence for people, and where the problem is for programs. */
@RegisterForReflection
public record ApiError(String error, String file, Integer line, String field) {

    /** The challenge that goes with {@link #loginFirst()}. */
    public static final String LOGIN_CHALLENGE = "Basic realm=\"Relata\"";

    /** The answer to an API call without a login, wherever it is noticed. */
    public static ApiError loginFirst() {
        return of("Log in first: use HTTP Basic or an API token.");
    }

    public static ApiError of(String error) {
        return new ApiError(error, null, null, null);
    }

    public static ApiError ofField(String error, String field) {
        return new ApiError(error, null, null, field);
    }
}
