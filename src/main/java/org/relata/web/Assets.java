package org.relata.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.qute.TemplateGlobal;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;

/**
 * Versioned static files: every file under {@code META-INF/resources} (CSS, JS modules, images, the icon) is also
 * served under {@code /assets/<version>/...}, where the version is a content hash of all of them, computed once at
 * start. Pages name their files only through that prefix ({@code {assets}} in templates), so a browser keeps them
 * for a year without asking again ({@link CachePolicy}) and a new build, having another hash, is fetched afresh.
 * The prefix covers the whole tree, so modules still import each other by relative URL.
 * <p>
 * A request with another version (a page rendered by an older or newer build, e.g. during a rolling update) is
 * redirected (302, not cached) to the file of this build's version: its content is then cached under the hash it
 * really has, never silently under the old one. The unprefixed URLs keep working, revalidated ({@code no-cache}).
 */
@ApplicationScoped
public class Assets {

    static final String ROOT = "META-INF/resources/";
    /** Set on a request rerouted from the versioned prefix: {@link CachePolicy} makes its answer immutable. */
    static final String VERSIONED = "relata.asset.versioned";
    private static final Logger LOG = Logger.getLogger(Assets.class);
    private static final String VERSION = version();
    private static final String PREFIX = "/assets/" + VERSION;

    /** The versioned prefix for templates: {@code <script src="{assets}/js/x.js">}. */
    @TemplateGlobal(name = "assets")
    public static String prefix() {
        return PREFIX;
    }

    /** Dev mode edits files without a restart (same hash, new content): the browser must revalidate them there. */
    static boolean immutable() {
        return LaunchMode.current() != LaunchMode.DEVELOPMENT;
    }

    void register(@Observes Filters filters) {
        // Before the security and cache filters: the rerouted request passes through all of them again.
        filters.register(this::route, SecurityHandlerPriorities.CORS + 20);
    }

    private void route(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (!path.startsWith("/assets/")) {
            rc.next();
            return;
        }
        int slash = path.indexOf('/', "/assets/".length());
        if (slash < 0) {
            rc.response().setStatusCode(404).putHeader("Cache-Control", CachePolicy.NO_STORE).end();
            return;
        }
        String version = path.substring("/assets/".length(), slash);
        String file = path.substring(slash);
        if (!version.equals(VERSION)) {
            rc.response().setStatusCode(302).putHeader("Location", PREFIX + file)
                    .putHeader("Cache-Control", CachePolicy.NO_STORE).end();
            return;
        }
        rc.put(VERSIONED, Boolean.TRUE);
        String query = rc.request().query();
        rc.reroute(query == null ? file : file + "?" + query);
    }

    /** A SHA-256 over every static file's name and bytes, in name order: 12 hex digits. */
    static String version() {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            collect(files);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            files.clear();
        }
        if (files.isEmpty()) {
            // Unknown packaging: a per-start version still never serves one build's files as another's.
            LOG.warn("static files could not be listed; their version is this start's time");
            return Long.toHexString(System.currentTimeMillis());
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files next to our icon: a folder (tests, dev mode) or the application's jar (packaged). */
    private static void collect(Map<String, byte[]> files) throws IOException, URISyntaxException {
        URL marker = Thread.currentThread().getContextClassLoader().getResource(ROOT + "favicon.svg");
        if (marker == null) {
            return;
        }
        if ("file".equals(marker.getProtocol())) {
            Path root = Path.of(marker.toURI()).getParent();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(p -> files.put(root.relativize(p).toString().replace('\\', '/'), read(p)));
            }
        } else if ("jar".equals(marker.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = new JarFile(Path.of(URI.create(connection.getJarFileURL().toString())).toFile())) {
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    if (!entry.isDirectory() && entry.getName().startsWith(ROOT)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.put(entry.getName().substring(ROOT.length()), in.readAllBytes());
                        }
                    }
                }
            }
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
