package org.relata.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The admin's list of users, a page at a time in username order, optionally only the names that contain a text: an
 * installation with thousands of accounts still gets a page that loads at once and a way to find one person.
 */
final class UserDirectory {

    static final int PAGE_SIZE = 50;

    private static final String MATCHING = "deletedAt is null and lower(username) like ?1 escape '!'";

    /** One page: its users, the text searched for, how many users match in all, and where the next page starts. */
    record Page(List<User> users, String query, long matching, String next) {

        /** The next page's address, or null on the last page. */
        public String nextHref() {
            return next == null ? null
                    : "/admin/users?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&after="
                            + URLEncoder.encode(next, StandardCharsets.UTF_8);
        }
    }

    private UserDirectory() {
    }

    static Page page(String query, String after) {
        String text = query == null ? "" : query.strip();
        String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        List<User> rows = User.<User>find(MATCHING + " and username > ?2 order by username", pattern,
                after == null ? "" : after).page(0, PAGE_SIZE + 1).list();
        String next = rows.size() > PAGE_SIZE ? rows.get(PAGE_SIZE - 1).username : null;
        return new Page(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), text, User.count(MATCHING, pattern), next);
    }

    /** A username may hold _ (a LIKE wildcard): searched for as itself. */
    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
