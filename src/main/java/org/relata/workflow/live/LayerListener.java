package org.relata.workflow.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * This instance's one LISTEN connection: receives every committed layer change of every instance (migration V12)
 * and hands it to the {@link LiveHub}. A connection of its own, not one of the pool: it is held for the life of
 * the instance. When the connection drops it reconnects (waiting 0.5 s, 1 s, 2 s, ... up to 10 s), and then ends
 * every open stream, since changes may have been missed meanwhile; the browsers reconnect and catch up.
 */
@ApplicationScoped
public class LayerListener {

    private static final Logger LOG = Logger.getLogger(LayerListener.class);
    /** How long one wait for notifications lasts; between waits the connection is checked. */
    private static final int WAIT_MS = 5_000;
    static final String APPLICATION_NAME = "relata-live";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    LiveHub hub;

    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "relata-live-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the LISTEN connection is up (health and tests). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        long backoff = 0;
        boolean first = true;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + LayerChange.CHANNEL);
                }
                listening = true;
                backoff = 0;
                if (!first) {
                    LOG.info("Live updates: listening again; open streams are asked to catch up");
                    hub.endAll();
                }
                first = false;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Live updates: the LISTEN connection failed (%s); retrying", e.getMessage());
            } finally {
                listening = false;
                connection = null;
            }
            backoff = backoff == 0 ? 500 : Math.min(10_000, backoff * 2);
            pause(backoff);
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MS);
            if (notifications == null || notifications.length == 0) {
                // Quiet for a while: a round trip shows whether the connection is still alive.
                try (Statement s = c.createStatement()) {
                    s.execute("select 1");
                }
                continue;
            }
            for (PGNotification n : notifications) {
                try {
                    hub.publish(LayerChange.parse(n.getParameter()));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Live updates: could not deliver %s", n.getParameter());
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        // A dead peer is noticed by the periodic round trip, not by TCP's hours-long timeouts.
        properties.setProperty("socketTimeout", String.valueOf(3 * WAIT_MS / 1000));
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
