package org.relata.database;

import io.quarkus.runtime.LaunchMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Answers the JDBC URL of "the local database" that application.properties falls back to when RELATA_DB_URL is
 * not set: PostgreSQL on 127.0.0.1:5432 when it answers, otherwise an embedded PostgreSQL that this class starts
 * on first use. The embedded one starts in dev and test mode by itself, and in production only when
 * RELATA_EMBEDDED_DB=true, so a production server never quietly keeps its data somewhere unexpected.
 * Resolved lazily: a build, or a start with RELATA_DB_URL set, never starts anything.
 */
public class LocalDatabaseConfigSource implements ConfigSource {

    static final String LOCAL_URL = "relata.database.local-url";
    static final String LOCAL_TEST_URL = "relata.database.local-test-url";
    private static final int STANDARD_PORT = 5432;
    private static final int EMBEDDED_PORT = 15432;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(LOCAL_URL, LOCAL_TEST_URL);
    }

    @Override
    public String getValue(String propertyName) {
        if (LOCAL_URL.equals(propertyName)) {
            return urlFor(env("RELATA_DB_NAME", "postgres"));
        }
        if (LOCAL_TEST_URL.equals(propertyName)) {
            return urlFor(env("RELATA_TEST_DB_NAME", "test"));
        }
        return null;
    }

    private static String urlFor(String database) {
        if (LocalDatabase.answers(STANDARD_PORT) || !embeddedAllowed()) {
            return jdbcUrl(STANDARD_PORT, database);
        }
        int port = Integer.parseInt(env("RELATA_EMBEDDED_DB_PORT", String.valueOf(EMBEDDED_PORT)));
        Path directory = Path.of(env("RELATA_EMBEDDED_DB_DIR",
                Path.of(System.getProperty("user.home"), ".relata", "postgres").toString()));
        LocalDatabase.ensureRunning(directory, port, database);
        return jdbcUrl(port, database);
    }

    private static boolean embeddedAllowed() {
        return LaunchMode.current() != LaunchMode.NORMAL || Boolean.parseBoolean(env("RELATA_EMBEDDED_DB", "false"));
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public int getOrdinal() {
        // Below application.properties (250) and environment variables (300): only answers what nothing else sets.
        return 50;
    }

    @Override
    public String getName() {
        return "relata-local-database";
    }

    @Override
    public Map<String, String> getProperties() {
        // Listing values would resolve them and start a server: only getValue does.
        return Map.of();
    }
}
