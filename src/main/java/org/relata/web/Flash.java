package org.relata.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * One-shot messages for post-redirect-get: the POST sets a short-lived cookie, the next page shows and clears it.
 */
public record Flash(String kind, String message) {

    public static final String COOKIE = "relata-flash";

    public static Response redirect(String location, String kind, String message) {
        NewCookie cookie = new NewCookie.Builder(COOKIE).path("/").maxAge(60).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .value(encoded(kind, message)).build();
        return Response.seeOther(URI.create(location)).cookie(cookie).build();
    }

    /** The cookie's value for a message of this kind. */
    public static String encoded(String kind, String message) {
        return URLEncoder.encode(kind + ":" + message, StandardCharsets.UTF_8);
    }

    public static Response ok(String location, String message) {
        return redirect(location, "ok", message);
    }

    public static Response error(String location, String message) {
        return redirect(location, "error", message);
    }

    /**
     * Runs a form's change and answers with what it returns; when the change is refused (an {@link ApiException}),
     * goes back with its message as an error instead.
     */
    public static Response attempt(String back, Supplier<Response> change) {
        try {
            return change.get();
        } catch (ApiException e) {
            return error(back, e.body.error());
        }
    }

    /** {@link #attempt(String, Supplier)} for a change that goes back to the same page either way. */
    public static Response attempt(String back, Runnable change, String done) {
        return attempt(back, () -> {
            change.run();
            return ok(back, done);
        });
    }

    /** As {@link #attempt(String, Runnable, String)}, the message telling what the change answered. */
    public static <T> Response attempt(String back, Supplier<T> change, Function<T, String> done) {
        return attempt(back, () -> ok(back, done.apply(change.get())));
    }

    /** Reads the cookie's value, or null. Kinds other than ok/error are ignored, so the cookie cannot inject a class. */
    public static Flash parse(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return null;
        }
        String decoded = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String kind = decoded.substring(0, colon);
        if (!kind.equals("ok") && !kind.equals("error")) {
            return null;
        }
        return new Flash(kind, decoded.substring(colon + 1));
    }
}
