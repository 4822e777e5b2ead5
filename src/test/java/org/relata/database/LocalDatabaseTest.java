package org.relata.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL that `./mvnw quarkus:dev` starts when no database answers. */
class LocalDatabaseTest {

    @TempDir
    Path dataDirectory;

    @AfterEach
    void stopServer() {
        LocalDatabase.stop();
    }

    @Test
    void startsARealPostgresqlAndKeepsItsDataBetweenRuns() throws Exception {
        int port = freePort();

        LocalDatabase.ensureRunning(dataDirectory, port, "relata_local");
        assertTrue(LocalDatabase.answers(port));
        try (Connection connection = connect(port, "relata_local"); Statement statement = connection.createStatement()) {
            statement.execute("create table kept (note text)");
            statement.execute("insert into kept values ('written before the restart')");
        }
        LocalDatabase.stop();

        LocalDatabase.ensureRunning(dataDirectory, port, "relata_local");
        try (Connection connection = connect(port, "relata_local"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select note, version() from kept")) {
            assertTrue(rows.next());
            assertEquals("written before the restart", rows.getString(1));
            assertTrue(rows.getString(2).startsWith("PostgreSQL"));
        }
    }

    @Test
    void reusesAServerThatAlreadyAnswersAndAddsTheMissingDatabase() throws Exception {
        int port = freePort();
        LocalDatabase.ensureRunning(dataDirectory, port, "first");

        LocalDatabase.ensureRunning(dataDirectory.resolve("unused"), port, "second");

        try (Connection connection = connect(port, "second"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select current_database()")) {
            assertTrue(rows.next());
            assertEquals("second", rows.getString(1));
        }
        assertTrue(!dataDirectory.resolve("unused").toFile().exists(), "no second server was started");
    }

    private static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
