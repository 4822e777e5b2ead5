package org.relata.exchange.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.relata.web.PeriodicTask;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The application's own folder for uploads being read and releases being written. A process killed mid-import
 * leaves its spooled zip behind; this removes such leftovers at start and every hour. Only files older than the
 * import timeout go, so that another instance sharing the folder never loses a file it is still reading.
 */
@ApplicationScoped
public class UploadFolder {

    private static final Logger LOG = Logger.getLogger(UploadFolder.class);

    @Inject
    ExchangeConfig config;

    private Path folder;
    private PeriodicTask sweeper;

    void start(@Observes StartupEvent event) {
        sweep(Instant.now());
        sweeper = PeriodicTask.every(60, "relata-upload-sweeper", () -> sweep(Instant.now()));
    }

    void stop(@Observes ShutdownEvent event) {
        PeriodicTask.stop(sweeper);
    }

    /** The folder, created when missing. */
    public synchronized Path folder() {
        if (folder == null) {
            folder = Path.of(config.uploadsDirectory()).toAbsolutePath();
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the uploads folder " + folder, e);
        }
        return folder;
    }

    /** Removes the files last written before {@code now} minus the import timeout; answers how many went. */
    public int sweep(Instant now) {
        Instant before = now.minus(Duration.ofSeconds(config.importTimeoutSeconds())).minusSeconds(60);
        List<Path> stale;
        try (Stream<Path> files = Files.list(folder())) {
            stale = files.filter(Files::isRegularFile).filter(file -> modifiedBefore(file, before)).toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Could not sweep the uploads folder: %s", e.getMessage());
            return 0;
        }
        int removed = 0;
        for (Path file : stale) {
            try {
                removed += Files.deleteIfExists(file) ? 1 : 0;
            } catch (IOException e) {
                LOG.warnf("Could not remove the stale upload %s: %s", file, e.getMessage());
            }
        }
        if (removed > 0) {
            LOG.infof("Removed %d stale upload file(s) from %s", removed, folder);
        }
        return removed;
    }

    private static boolean modifiedBefore(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }
}
