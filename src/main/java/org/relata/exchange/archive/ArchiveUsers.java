package org.relata.exchange.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps the archive's usernames to this server's users. A username nobody here has is reported, with what of theirs
 * was left out (their layers, assignments), never invented: an admin creates the accounts first to keep it all.
 */
final class ArchiveUsers {

    private final Connection connection;
    private final Map<String, Long> known = new HashMap<>();
    /** Usernames not found here → layers of theirs left out. */
    final Map<String, Long> missing = new TreeMap<>();

    ArchiveUsers(Connection connection) {
        this.connection = connection;
    }

    /** The user's id here, or null (noted as missing). */
    Long id(String username) {
        if (known.containsKey(username)) {
            return known.get(username);
        }
        Long id = null;
        try (PreparedStatement s = connection.prepareStatement(
                "select id from users where username = ? and deleted_at is null")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    id = r.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Looking up user '" + username + "' failed: " + e.getMessage(), e);
        }
        known.put(username, id);
        if (id == null) {
            missing.putIfAbsent(username, 0L);
        }
        return id;
    }

    void leftOutLayer(String username) {
        missing.merge(username, 1L, Long::sum);
    }
}
