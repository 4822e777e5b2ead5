package org.relata.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a username and a password must be, for the API and the admin pages alike. */
public final class AccountRules {

    /** Letters, digits and . _ @ -, starting with a letter or digit, at most 64 characters. */
    public static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 200;
    /** bcrypt reads only the first 72 bytes: a longer password would match any password with the same start. */
    public static final int PASSWORD_MAX_BYTES = 72;

    private static final Set<String> COMMON = load("common-passwords.txt");

    private AccountRules() {
    }

    public static boolean isUsername(String username) {
        return username != null && username.matches(USERNAME);
    }

    /** Why this password may not be used, or null when it may. */
    public static String passwordProblem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < PASSWORD_MIN) {
            return "A password has at least " + PASSWORD_MIN + " characters.";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            return "A password has at most " + PASSWORD_MAX_BYTES + " bytes in UTF-8 (bcrypt ignores the rest).";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return "A password must not be the username.";
        }
        if (COMMON.contains(lower)) {
            return "This password is among the most common ones; choose another.";
        }
        return null;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = AccountRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
