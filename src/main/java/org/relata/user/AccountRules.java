package org.relata.user;

/** What a username and a password must be, for the API and the admin pages alike. */
public final class AccountRules {

    /** Letters, digits and . _ @ -, starting with a letter or digit, at most 64 characters. */
    public static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 200;

    private AccountRules() {
    }

    public static boolean isUsername(String username) {
        return username != null && username.matches(USERNAME);
    }

    /** The pages check only the minimum; the API's body validation also the maximum. */
    public static boolean isLongEnough(String password) {
        return password != null && password.length() >= PASSWORD_MIN;
    }
}
