package org.relata.exchange.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.relata.exchange.codec.JsonOut;
import org.relata.exchange.store.ReadSnapshot;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;

/**
 * Writes a project's archive to a stream: settings, guidelines, schema and members first (small), then the documents
 * with every layer as one JSON line each, read in batches through a server-side cursor, and the manifest last. One
 * read-only, repeatable-read transaction, so the archive is one consistent picture of the project.
 */
@ApplicationScoped
public class ArchiveExport {

    private static final Logger LOG = Logger.getLogger(ArchiveExport.class);

    @Inject
    AgroalDataSource dataSource;

    /** Writes the archive of the project; a client that goes away ends it quietly. */
    public void write(long projectId, OutputStream out) {
        try (Connection connection = dataSource.getConnection()) {
            ReadSnapshot.run(connection, true, snapshot -> write(snapshot, projectId, out));
        } catch (SQLException e) {
            throw new IllegalStateException("The archive failed in the database: " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof IOException || e.getMessage() != null && e.getMessage().contains("closed")) {
                LOG.infof("Archive of project %d stopped: %s", projectId, e.getMessage());
                return;
            }
            throw new UncheckedIOException(e);
        }
    }

    private void write(Connection connection, long projectId, OutputStream out) throws SQLException, IOException {
        try (java.sql.Statement settings = connection.createStatement()) {
            settings.execute("set local jit = off");
        }
        Map<String, Object> project = project(connection, projectId);
        String guidelines = (String) project.remove("guidelines");
        ArchiveZipWriter zip = new ArchiveZipWriter(out);
        zip.entry(ArchiveFormat.PROJECT, json(project));
        zip.entry(ArchiveFormat.GUIDELINES, o -> o.write(guidelines.getBytes(StandardCharsets.UTF_8)));
        zip.entry(ArchiveFormat.SCHEMA, json(ArchiveSchema.read(connection, projectId)));
        List<Map<String, Object>> members = members(connection, projectId);
        zip.entry(ArchiveFormat.MEMBERS, json(members));
        ArchiveDocumentWriter documents = new ArchiveDocumentWriter(connection, projectId);
        zip.entry(ArchiveFormat.DOCUMENTS, documents::write);
        Map<String, Object> counts = new LinkedHashMap<>(documents.counts());
        counts.put("members", members.size());
        zip.entry(ArchiveFormat.MANIFEST, json(manifest(project, counts, zip.written())));
        zip.finish();
    }

    private static Map<String, Object> manifest(Map<String, Object> project, Map<String, Object> counts,
            Map<String, ArchiveZipWriter.Written> written) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", ArchiveFormat.FORMAT);
        manifest.put("formatVersion", ArchiveFormat.VERSION);
        manifest.put("project", project.get("name"));
        manifest.put("createdAt", OffsetDateTime.now().toString());
        manifest.put("counts", counts);
        List<Map<String, Object>> entries = new ArrayList<>();
        written.forEach((name, w) -> entries.add(Map.of("name", name, "sha256", w.sha256(), "bytes", w.bytes())));
        manifest.put("entries", entries);
        return manifest;
    }

    private static Map<String, Object> project(Connection connection, long projectId) throws SQLException, IOException {
        try (PreparedStatement s = connection.prepareStatement("select name, description, guidelines, blind,"
                + " pre_accept_share, state, created_at from projects where id = ?")) {
            s.setLong(1, projectId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("No project " + projectId);
                }
                Map<String, Object> project = ArchiveSchema.columns(r, 1, "name", "description", "guidelines", "blind",
                        "preAcceptShare", "state");
                project.put("createdAt", r.getObject(7, OffsetDateTime.class).toString());
                return project;
            }
        }
    }

    private static List<Map<String, Object>> members(Connection connection, long projectId) throws SQLException {
        return ArchiveSchema.rows(connection, "select u.username, m.role from project_members m"
                + " join users u on u.id = m.user_id where m.project_id = ? order by u.username collate \"C\"", projectId,
                r -> ArchiveSchema.columns(r, 1, "username", "role"));
    }

    private static ArchiveZipWriter.Body json(Object value) {
        return out -> {
            JsonOut.JSON.writerWithDefaultPrettyPrinter().writeValue(new java.io.FilterOutputStream(out) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            }, value instanceof JsonNode node ? node : value);
            out.write('\n');
        };
    }
}
