package org.relata.exchange;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.relata.audit.AuditLog;
import org.relata.exchange.ExportRequests.Resolved;
import org.relata.exchange.codec.DocWriter;
import org.relata.exchange.codec.ExportFormat;
import org.relata.exchange.store.ExportService;
import org.relata.exchange.store.UploadFolder;
import org.relata.project.Project;
import org.relata.user.User;
import org.relata.web.ApiException;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Dataset releases: an export run once through the export pipeline and frozen under a name. The bytes go to a
 * temporary gzip file as they stream (SHA-256 taken on the way), then into PostgreSQL; a native-JSONL snapshot of
 * the same source and status is kept beside them for the diff and the counts.
 */
@ApplicationScoped
public class ReleaseService {

    public record Release(String name, OffsetDateTime createdAt, String createdBy, String format, String source,
            String status, String split, Long seed, String fileName, long size, String sha256,
            Map<String, Object> counts) {
    }

    public record StoredFile(String fileName, String mediaType, byte[] gzipped) {
    }

    @Inject
    EntityManager em;

    @Inject
    UploadFolder uploads;

    @Inject
    ExportService exports;

    @Inject
    ExportRequests exportRequests;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    public record NewRelease(String name, String format, String source, String status, String split, String seed) {
    }

    public Release create(User actor, Project project, NewRelease body) {
        String name = body.name() == null ? "" : body.name().trim();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw ApiException.badField("A release needs a name of 1 to 100 letters, digits, '.', '_' or '-'.", "$.name");
        }
        if (exists(project.id, name)) {
            throw ApiException.conflictOn("A release named '" + name + "' exists already; releases never change.",
                    "$.name");
        }
        String format = body.format() == null ? "jsonl" : body.format();
        String source = body.source() == null ? "gold" : body.source();
        String status = body.status() == null ? "done" : body.status();
        Resolved file = exportRequests.resolve(project, format, source, status, body.split(), body.seed());
        ExportService.Request request = file.request();
        boolean zip = request.splits() != null || request.format().zipped();
        String mediaType = zip ? "application/zip" : request.format().mediaType();
        String fileName = name + (request.splits() != null ? "-splits" : "") + "." + (zip ? "zip" : request.format().extension());
        Path filePath = null;
        Path snapshotPath = null;
        try {
            filePath = Files.createTempFile(uploads.folder(), "relata-release", ".gz");
            snapshotPath = Files.createTempFile(uploads.folder(), "relata-release-snapshot", ".gz");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // A native-JSONL release without splits is its own snapshot: the same bytes. Any other format writes the
            // snapshot beside the file from the same documents. Either way the database is read once, so file,
            // snapshot and counts show the same data even when someone edits meanwhile.
            boolean fileIsSnapshot = request.splits() == null && "jsonl".equalsIgnoreCase(format.trim());
            ReleaseCounts counting = new ReleaseCounts(request.splits());
            long size;
            try (OutputStream gz = fastGzip(Files.newOutputStream(filePath));
                    CountingStream bytes = new CountingStream(new DigestOutputStream(gz, sha));
                    OutputStream snapshotGz = fileIsSnapshot ? null : fastGzip(Files.newOutputStream(snapshotPath))) {
                DocWriter snapshotWriter = fileIsSnapshot ? null : Formats.exporter("jsonl", 0).open(snapshotGz);
                exports.write(request, bytes, (part, doc) -> {
                    counting.add(part, doc);
                    if (snapshotWriter != null) {
                        snapshotWriter.write(doc);
                    }
                });
                if (snapshotWriter != null) {
                    snapshotWriter.finish();
                }
                size = bytes.count;
            }
            if (fileIsSnapshot) {
                delete(snapshotPath);
                snapshotPath = filePath;
            }
            Map<String, Object> counts = counting.manifest();
            if (file.leftOut() > 0) {
                counts.put("leftOut", file.leftOut());
            }
            if (request.format().discontinuousSpans() == ExportFormat.DiscontinuousSpans.OUTER_BOUNDS) {
                long approximated = exports.count(project.id, request.source()).selected().discontinuousSpans();
                if (approximated > 0) {
                    counts.put("approximated", approximated);
                }
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            store(project.id, actor, name, format, source, status, body.split(),
                    request.splits() == null ? null : request.splits().seed(), mediaType, fileName, size, hex, counts,
                    filePath, snapshotPath);
            return get(project.id, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(filePath);
            delete(snapshotPath);
        }
    }

    /** In its own transaction, after the export streamed: the files go to PostgreSQL as streams, not arrays. */
    private void store(long projectId, User actor, String name, String format, String source, String status,
            String split, Long seed, String mediaType, String fileName, long size, String sha256,
            Map<String, Object> counts, Path file, Path snapshot) throws IOException {
        String countsJson = json.writeValueAsString(counts);
        QuarkusTransaction.requiringNew().run(() -> {
            if (exists(projectId, name)) {
                throw ApiException.conflictOn("A release named '" + name + "' exists already; releases never change.",
                        "$.name");
            }
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into releases (project_id, name, created_by, format, source, status, split, seed,
                                              media_type, file_name, size, sha256, counts, file, snapshot)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""");
                        InputStream fileIn = Files.newInputStream(file);
                        InputStream snapshotIn = Files.newInputStream(snapshot)) {
                    insert.setLong(1, projectId);
                    insert.setString(2, name);
                    insert.setString(3, actor.username);
                    insert.setString(4, format);
                    insert.setString(5, source);
                    insert.setString(6, status);
                    insert.setString(7, split);
                    insert.setObject(8, seed, Types.BIGINT);
                    insert.setString(9, mediaType);
                    insert.setString(10, fileName);
                    insert.setLong(11, size);
                    insert.setString(12, sha256);
                    insert.setString(13, countsJson);
                    insert.setBinaryStream(14, fileIn, Files.size(file));
                    insert.setBinaryStream(15, snapshotIn, Files.size(snapshot));
                    insert.executeUpdate();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            audit.record(actor.id, projectId, "create", "release", null, null,
                    Map.of("name", name, "sha256", sha256, "format", format));
        });
    }

    @Transactional
    public List<Release> list(long projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where project_id = ?1 order by created_at, id")
                .setParameter(1, projectId).getResultList();
        return rows.stream().map(this::release).toList();
    }

    @Transactional
    public Release get(long projectId, String name) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where project_id = ?1 and name = ?2")
                .setParameter(1, projectId).setParameter(2, name).getResultList();
        if (rows.isEmpty()) {
            throw noSuchRelease(name);
        }
        return release(rows.get(0));
    }

    @Transactional
    public StoredFile file(long projectId, String name) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select file_name, media_type, file from releases where project_id = ?1 and name = ?2")
                .setParameter(1, projectId).setParameter(2, name).getResultList();
        if (rows.isEmpty()) {
            throw noSuchRelease(name);
        }
        return new StoredFile((String) rows.get(0)[0], (String) rows.get(0)[1], (byte[]) rows.get(0)[2]);
    }

    @Transactional
    public void delete(User actor, long projectId, String name) {
        Release release = get(projectId, name);
        em.createNativeQuery("delete from releases where project_id = ?1 and name = ?2")
                .setParameter(1, projectId).setParameter(2, name).executeUpdate();
        audit.record(actor.id, projectId, "delete", "release", null, Map.of("name", name, "sha256", release.sha256()),
                null);
    }

    /** What changed from release a to release b, read from their native-JSONL snapshots. */
    @Transactional
    public ReleaseDiff.Diff diff(long projectId, String a, String b) {
        return ReleaseDiff.of(a, b, snapshot(projectId, a), snapshot(projectId, b));
    }

    private List<JsonNode> snapshot(long projectId, String name) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("select snapshot from releases where project_id = ?1 and name = ?2")
                .setParameter(1, projectId).setParameter(2, name).getResultList();
        if (rows.isEmpty()) {
            throw noSuchRelease(name);
        }
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(rows.get(0))), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static final String SELECT = "select name, created_at, created_by, format, source, status, split, seed,"
            + " file_name, size, sha256, cast(counts as text) from releases";

    private Release release(Object[] r) {
        try {
            Map<String, Object> counts = json.readValue((String) r[11], new TypeReference<LinkedHashMap<String, Object>>() {
            });
            return new Release((String) r[0], timestamp(r[1]), (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], r[7] == null ? null : ((Number) r[7]).longValue(), (String) r[8],
                    ((Number) r[9]).longValue(), (String) r[10], counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean exists(long projectId, String name) {
        return ((Number) em.createNativeQuery("select count(*) from releases where project_id = ?1 and name = ?2")
                .setParameter(1, projectId).setParameter(2, name).getSingleResult()).longValue() > 0;
    }

    static ApiException noSuchRelease(String name) {
        return ApiException.notFound("No release named '" + name + "' in this project.");
    }

    private static void delete(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temporary file; the system cleans it up eventually
            }
        }
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * Gzip at the fastest level, with a large buffer: releases are stored once and read rarely, and level 6 took
     * longer than the export itself (docs/benchmarks.md). The level changes only the stored size, never the bytes
     * a download returns.
     */
    private static OutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** Counts the bytes that pass, for the manifest's size. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
