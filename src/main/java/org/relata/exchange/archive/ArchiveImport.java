package org.relata.exchange.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.relata.annotation.BulkWriter;
import org.relata.audit.AuditLog;
import org.relata.exchange.codec.ImportLimits;
import org.relata.exchange.codec.JsonOut;
import org.relata.exchange.codec.LineReader;
import org.relata.exchange.codec.SafeZip;
import org.relata.exchange.store.ImportService;
import org.relata.schema.SchemaLimits;
import org.relata.user.User;
import org.relata.web.ApiError;
import org.relata.web.ApiException;
import org.relata.web.Names;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Creates a project from an archive in one transaction: the upload is spooled to the uploads folder, the manifest
 * read first (format version, the entries it lists), then the entries in order, each through a SHA-256 digest that
 * must match the manifest's; documents stream line by line into COPY batches. Any problem rolls everything back, so
 * a failed import leaves no project behind.
 */
@ApplicationScoped
public class ArchiveImport {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ImportService imports;

    @Inject
    SchemaLimits schemaLimits;

    @Inject
    AuditLog audit;

    public record Member(String username, String role) {
    }

    /** A member of the archived project nobody on this server is called: not added, their layers left out. */
    public record MissingMember(String username, String role, long layersLeftOut) {
    }

    /** The new project, what was stored, who became a member and who could not. */
    public record Result(long id, String name, Map<String, Long> counts, List<Member> members,
            List<MissingMember> missingMembers) {
    }

    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "relata.exchange.import-timeout-seconds")
    public Result run(User actor, InputStream body, String nameOverride) {
        ImportLimits limits = imports.limits();
        try (SafeZip zip = SafeZip.spool(body, limits); Connection connection = dataSource.getConnection()) {
            Map<String, ZipEntry> entries = new HashMap<>();
            for (ZipEntry entry : zip.entries()) {
                entries.put(entry.getName(), entry);
            }
            Map<String, String> sums = manifestSums(zip, entries);
            JsonNode manifest = json(ArchiveFormat.MANIFEST, zip.read(entries.get(ArchiveFormat.MANIFEST), limits.maxDocumentSize()));
            JsonNode project = json(ArchiveFormat.PROJECT, verified(zip, entries, sums, ArchiveFormat.PROJECT, limits));
            String guidelines = new String(verified(zip, entries, sums, ArchiveFormat.GUIDELINES, limits), StandardCharsets.UTF_8);
            JsonNode schema = json(ArchiveFormat.SCHEMA, verified(zip, entries, sums, ArchiveFormat.SCHEMA, limits));
            JsonNode members = json(ArchiveFormat.MEMBERS, verified(zip, entries, sums, ArchiveFormat.MEMBERS, limits));

            String name = name(connection, nameOverride, project);
            long projectId = createProject(connection, name, project, guidelines);
            ArchiveCatalog catalog = ArchiveCatalog.store(connection, projectId, schema);
            ArchiveUsers users = new ArchiveUsers(connection);
            List<Member> added = new ArrayList<>();
            Map<String, String> missingRoles = addMembers(connection, projectId, members, users, added);

            ArchiveDocumentReader reader = new ArchiveDocumentReader(catalog, users, schemaLimits.maxTextLength());
            ArchiveLoader loader = new ArchiveLoader(connection, projectId);
            readDocuments(zip, entries, sums, limits, reader, loader);
            Map<String, Long> read = new LinkedHashMap<>(reader.counts);
            read.put("members", (long) members.size());
            checkCounts(manifest, read);
            if (loader.counts.get("documents") >= 1_000 || loader.counts.get("spans") >= 20_000) {
                new BulkWriter(connection).refreshStatistics();
            }
            List<MissingMember> missing = new ArrayList<>();
            users.missing.forEach((username, layers) -> missing.add(new MissingMember(username,
                    missingRoles.get(username), layers)));
            audit.record(actor.id, projectId, "create-from-archive", "project", projectId, null,
                    Map.of("name", name, "documents", loader.counts.get("documents"),
                            "missingMembers", missing.stream().map(MissingMember::username).toList()));
            return new Result(projectId, name, loader.counts, added, missing);
        } catch (SQLException e) {
            throw new IllegalStateException("Creating the project from the archive failed in the database: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's checksums by entry; the manifest and the listed entries must all be there, and nothing else. */
    private static Map<String, String> manifestSums(SafeZip zip, Map<String, ZipEntry> entries) {
        if (!entries.containsKey(ArchiveFormat.MANIFEST)) {
            throw new ApiException(400, new ApiError("The zip has no " + ArchiveFormat.MANIFEST
                    + ": it is not a Relata project archive.", ArchiveFormat.MANIFEST, null, null));
        }
        ArchiveFields f = new ArchiveFields(ArchiveFormat.MANIFEST, null);
        JsonNode manifest = json(ArchiveFormat.MANIFEST, zip.read(entries.get(ArchiveFormat.MANIFEST), 10L << 20));
        if (!manifest.isObject() || !ArchiveFormat.FORMAT.equals(manifest.path("format").asText())) {
            throw f.error("$.format", "The manifest does not say format \"" + ArchiveFormat.FORMAT
                    + "\": this is not a Relata project archive.");
        }
        JsonNode version = manifest.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() != ArchiveFormat.VERSION) {
            throw f.error("$.formatVersion", "This Relata reads project archives of format version "
                    + ArchiveFormat.VERSION + "; this one says " + version + ".");
        }
        Map<String, String> sums = new LinkedHashMap<>();
        JsonNode listed = f.array(manifest, "$", "entries");
        for (int i = 0; i < listed.size(); i++) {
            String at = "$.entries[" + i + "]";
            sums.put(f.string(listed.get(i), at, "name"), f.string(listed.get(i), at, "sha256"));
        }
        for (String required : ArchiveFormat.ENTRIES) {
            if (!sums.containsKey(required)) {
                throw f.error("$.entries", "The manifest does not list " + required + ".");
            }
            if (!entries.containsKey(required)) {
                throw new ApiException(400, new ApiError("The archive has no " + required
                        + ", which its manifest lists: the zip is incomplete.", required, null, null));
            }
        }
        for (String name : entries.keySet()) {
            if (!name.equals(ArchiveFormat.MANIFEST) && !ArchiveFormat.ENTRIES.contains(name)) {
                throw new ApiException(400, new ApiError("'" + name + "' is not part of a Relata project archive.",
                        name, null, null));
            }
        }
        return sums;
    }

    /** A small entry's bytes, after its checksum matched the manifest's. */
    private static byte[] verified(SafeZip zip, Map<String, ZipEntry> entries, Map<String, String> sums, String name,
            ImportLimits limits) {
        byte[] bytes = zip.read(entries.get(name), limits.maxDocumentSize());
        MessageDigest digest = ArchiveZipWriter.sha256();
        checkSum(name, sums, digest.digest(bytes));
        return bytes;
    }

    private static void checkSum(String name, Map<String, String> sums, byte[] digest) {
        String actual = HexFormat.of().formatHex(digest);
        if (!actual.equalsIgnoreCase(sums.get(name))) {
            throw new ApiException(400, new ApiError("The SHA-256 of " + name + " (" + actual + ") is not the one the"
                    + " manifest gives (" + sums.get(name) + "): the archive is damaged or was changed.", name, null,
                    "sha256"));
        }
    }

    private static JsonNode json(String entry, byte[] bytes) {
        try {
            return JsonOut.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, new ApiError(entry + " is not valid JSON: " + e.getOriginalMessage(), entry,
                    e.getLocation() == null ? null : e.getLocation().getLineNr(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readDocuments(SafeZip zip, Map<String, ZipEntry> entries, Map<String, String> sums,
            ImportLimits limits, ArchiveDocumentReader reader, ArchiveLoader loader) throws SQLException, IOException {
        MessageDigest digest = ArchiveZipWriter.sha256();
        try (InputStream in = new DigestInputStream(zip.open(entries.get(ArchiveFormat.DOCUMENTS)), digest)) {
            LineReader lines = new LineReader(in, ArchiveFormat.DOCUMENTS, limits.maxDocumentSize());
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JsonOut.JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new ApiException(400, new ApiError("Line " + lines.lineNumber() + " of " + ArchiveFormat.DOCUMENTS
                            + " is not valid JSON: " + e.getOriginalMessage(), ArchiveFormat.DOCUMENTS,
                            lines.lineNumber(), "$"));
                }
                loader.add(reader.read(node, lines.lineNumber()));
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        loader.flush();
        checkSum(ArchiveFormat.DOCUMENTS, sums, digest.digest());
    }

    /** The manifest's counts must be what the entries hold: a cut or edited archive shows here too. */
    private static void checkCounts(JsonNode manifest, Map<String, Long> read) {
        ArchiveFields f = new ArchiveFields(ArchiveFormat.MANIFEST, null);
        JsonNode counts = f.object(manifest, "$", "counts");
        for (Map.Entry<String, Long> entry : read.entrySet()) {
            JsonNode said = counts.get(entry.getKey());
            if (said != null && said.asLong() != entry.getValue()) {
                throw f.error("$.counts." + entry.getKey(), "The manifest counts " + said.asLong() + " "
                        + entry.getKey() + "; the archive holds " + entry.getValue() + ".");
            }
        }
    }

    private static String name(Connection connection, String override, JsonNode project) throws SQLException {
        ArchiveFields f = new ArchiveFields(ArchiveFormat.PROJECT, null);
        String name = override != null && !override.isBlank() ? override : f.string(project, "$", "name");
        name = Names.normalize(name.trim());
        String problem = Names.problem(name, true, 200);
        if (problem != null) {
            throw ApiException.badField(problem + " A project needs a name of 1 to 200 characters.", "name");
        }
        try (PreparedStatement s = connection.prepareStatement("select 1 from projects where normalize(name, NFC) = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    throw ApiException.conflictOn("A project named '" + name + "' exists already; give the new one"
                            + " another name with ?name=.", "name");
                }
            }
        }
        return name;
    }

    private static long createProject(Connection connection, String name, JsonNode project, String guidelines)
            throws SQLException {
        ArchiveFields f = new ArchiveFields(ArchiveFormat.PROJECT, null);
        String state = project.path("state").asText("ACTIVE");
        if (!state.equals("ACTIVE") && !state.equals("RETIRED")) {
            throw f.error("$.state", "A project's state is ACTIVE or RETIRED.");
        }
        JsonNode share = project.get("preAcceptShare");
        if (share != null && !share.isNull() && (!share.isNumber() || share.doubleValue() < 0.5 || share.doubleValue() > 1.0)) {
            throw f.error("$.preAcceptShare", "preAcceptShare is a number from 0.5 to 1.0.");
        }
        java.time.OffsetDateTime createdAt = f.optionalTime(project, "$", "createdAt");
        try (PreparedStatement s = connection.prepareStatement("insert into projects (name, description, guidelines,"
                + " blind, pre_accept_share, state, created_at) values (?, ?, ?, ?, ?, ?, coalesce(?, now())) returning id")) {
            s.setString(1, name);
            s.setString(2, f.optionalString(project, "$", "description") == null ? ""
                    : f.optionalString(project, "$", "description"));
            s.setString(3, guidelines);
            s.setBoolean(4, f.bool(project, "$", "blind", true));
            s.setBigDecimal(5, share == null || share.isNull() ? java.math.BigDecimal.ONE : share.decimalValue());
            s.setString(6, state);
            s.setObject(7, createdAt);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Adds the members found here; answers the roles of those not found, by username. */
    private static Map<String, String> addMembers(Connection connection, long projectId, JsonNode members,
            ArchiveUsers users, List<Member> added) throws SQLException {
        ArchiveFields f = new ArchiveFields(ArchiveFormat.MEMBERS, null);
        if (!members.isArray()) {
            throw f.error("$", "members.json is an array of {\"username\", \"role\"}.");
        }
        Map<String, String> missing = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "insert into project_members (project_id, user_id, role) values (?, ?, ?)")) {
            for (int i = 0; i < members.size(); i++) {
                String at = "$[" + i + "]";
                String username = f.string(members.get(i), at, "username");
                String role = f.string(members.get(i), at, "role");
                if (!List.of("MANAGER", "CURATOR", "ANNOTATOR").contains(role)) {
                    throw f.error(at + ".role", "A member's role is MANAGER, CURATOR or ANNOTATOR.");
                }
                Long id = users.id(username);
                if (id == null) {
                    missing.put(username, role);
                    continue;
                }
                s.setLong(1, projectId);
                s.setLong(2, id);
                s.setString(3, role);
                s.addBatch();
                added.add(new Member(username, role));
            }
            s.executeBatch();
        } catch (java.sql.BatchUpdateException e) {
            throw f.error("$", "A member appears twice: " + e.getMessage());
        }
        return missing;
    }
}
