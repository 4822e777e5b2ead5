package org.relata.exchange.archive;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.asAdmin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.Exchange;
import org.relata.testsupport.ProjectWithRoles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Project archives (issue 21 item 3): archive → create from archive → archive gives the same content apart from ids
 * and timestamps; who may do it; a damaged archive creates nothing.
 */
@QuarkusTest
class ArchiveApiTest extends ProjectWithRoles {

    static final ObjectMapper JSON = new ObjectMapper();
    /** "North … Korea" is one discontinuous span: North [0,5) and Korea [16,21). */
    static final String TEXT_3 = "North and South Korea 😀\r\nmet.";

    @Inject
    Db db;


    @BeforeEach
    void project() {
        as(manager).body(Map.of("guidelines", "# Rules\r\nTag countries 😀.", "blind", false))
                .patch("/api/projects/" + projectId).then().statusCode(200);
        as(manager).body(Map.of("preAcceptShare", 0.75)).put("/api/projects/" + projectId + "/curation")
                .then().statusCode(200);
        String discontinuous = "{\"id\":\"doc-3\",\"text\":" + Exchange.json(TEXT_3) + ",\"status\":\"in_progress\","
                + "\"spans\":[{\"id\":\"T1\",\"start\":0,\"end\":21,\"label\":\"COUNTRY\",\"fragments\":[[0,5],[16,21]],"
                + "\"notes\":[{\"type\":\"Comment\",\"text\":\"two pieces 😀\"}],\"attributes\":{\"Negated\":true}}]}\n";
        Exchange.importJsonl(manager, projectId, "target=gold", Exchange.nativeFixture() + discontinuous)
                .then().statusCode(200);
        String suggested = "{\"id\":\"doc-4\",\"text\":\"Kim met Moon.\",\"spans\":["
                + "{\"id\":\"s1\",\"start\":0,\"end\":3,\"label\":\"PERSON\",\"score\":0.87},"
                + "{\"id\":\"s2\",\"start\":8,\"end\":12,\"label\":\"PERSON\",\"score\":0.25}]}\n";
        Exchange.importJsonl(manager, projectId, "target=suggestions", suggested).then().statusCode(200);
        Api.assignAll(projectId, manager, annotator);
        long doc1 = documentId(projectId, "doc-1");
        as(annotator).body(Map.of("start", 0, "end", 5, "label", "COUNTRY", "note", "mine"))
                .post("/api/documents/" + doc1 + "/layers/" + annotator + "/spans").then().statusCode(201);
        long doc4 = documentId(projectId, "doc-4");
        Number suggestion = as(annotator).get("/api/documents/" + doc4 + "/layers/suggestions").then().statusCode(200)
                .extract().path("spans[1].id");
        as(annotator).body(Map.of("ids", List.of(suggestion))).post("/api/documents/" + doc4 + "/suggestions/rejections")
                .then().statusCode(200);
    }

    long documentId(long project, String externalId) {
        return ((Number) db.column("select id from documents where project_id = ?1 and external_id = ?2", project,
                externalId).get(0)).longValue();
    }

    byte[] archive(String user, long project) {
        return (user.equals(Api.ADMIN) ? asAdmin() : as(user)).get("/api/projects/" + project + "/archive").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
    }

    Response create(byte[] zip, String name) {
        return asAdmin().contentType("application/zip").body(zip).queryParam("name", name).post("/api/projects/archive");
    }

    long projects() {
        return db.count("select count(*) from projects");
    }

    long documents() {
        return db.count("select count(*) from all_documents");
    }

    @Test
    void archiveThenCreateThenArchiveGivesTheSameContent() throws Exception {
        byte[] first = archive(manager, projectId);
        String name = Api.uniqueName("Restored");
        Response created = create(first, name);
        created.then().statusCode(201).body("name", equalTo(name)).body("counts.documents", equalTo(4))
                .body("counts.spans", equalTo(10)).body("counts.relations", equalTo(2))
                .body("missingMembers", org.hamcrest.Matchers.empty());
        long copy = ((Number) created.path("id")).longValue();
        byte[] second = archive(Api.ADMIN, copy);

        Map<String, String> a = Exchange.unzip(first);
        Map<String, String> b = Exchange.unzip(second);
        assertEquals(List.of("documents.jsonl", "guidelines.md", "manifest.json", "members.json", "project.json",
                "schema.json"), new ArrayList<>(a.keySet()));
        assertEquals(a.keySet(), b.keySet());
        assertEquals("# Rules\r\nTag countries 😀.", b.get("guidelines.md"));
        assertEquals(a.get("schema.json"), b.get("schema.json"));
        assertEquals(a.get("members.json"), b.get("members.json"));
        assertEquals(normalised(a.get("project.json")), normalised(b.get("project.json")));
        assertEquals(normalisedLines(a.get("documents.jsonl")), normalisedLines(b.get("documents.jsonl")));
        assertEquals(JSON.readTree(a.get("manifest.json")).get("counts"), JSON.readTree(b.get("manifest.json")).get("counts"));

        // What the comparison covers is really there.
        JsonNode project = JSON.readTree(b.get("project.json"));
        assertEquals(false, project.get("blind").booleanValue());
        assertEquals(0.75, project.get("preAcceptShare").doubleValue());
        String documents = b.get("documents.jsonl");
        assertTrue(documents.contains("\"fragments\":[[0,5],[16,21]]"), documents);
        assertTrue(documents.contains("\"score\":0.87"), documents);
        assertTrue(documents.contains("\"rejectedBy\":[\"" + annotator + "\"]"), documents);
        assertTrue(documents.contains("\"owner\":\"" + annotator + "\""), documents);
        assertTrue(documents.contains("\"assignedTo\":[\"" + annotator + "\"]"), documents);
        JsonNode doc1Line = JSON.readTree(documents.lines().findFirst().orElseThrow());
        assertEquals("high", doc1Line.at("/layers/0/relations/0/attributes/Certainty").asText(), documents);
        assertEquals("Q423", doc1Line.at("/layers/0/spans/0/links/0/id").asText(), documents);
        assertTrue(documents.contains("North Korea 🇰🇵 and China met.\\r\\nKim"), documents);
        assertTrue(documents.contains("two pieces 😀"), documents);
        JsonNode manifest = JSON.readTree(b.get("manifest.json"));
        assertEquals(1, manifest.get("formatVersion").intValue());
        assertEquals(sha256(b.get("documents.jsonl").getBytes(StandardCharsets.UTF_8)),
                entry(manifest, "documents.jsonl").get("sha256").asText());
        // The new project works like any other: the annotator sees their layer in it.
        long doc1 = documentId(copy, "doc-1");
        as(annotator).get("/api/documents/" + doc1 + "/layers/" + annotator).then().statusCode(200)
                .body("spans.note", contains("mine"));
    }

    @Test
    void membersNotFoundHereAreReportedAndTheirLayersLeftOut() throws Exception {
        Map<String, byte[]> entries = entries(archive(manager, projectId));
        String ghost = "ghost-" + System.nanoTime();
        entries.put("members.json", replace(entries.get("members.json"), annotator, ghost));
        entries.put("documents.jsonl", replace(entries.get("documents.jsonl"), annotator, ghost));
        Response created = create(resealed(entries), Api.uniqueName("Moved"));
        created.then().statusCode(201)
                .body("missingMembers.username", contains(ghost))
                .body("missingMembers[0].role", equalTo("ANNOTATOR"))
                .body("missingMembers[0].layersLeftOut", equalTo(1))
                .body("members.username", hasItem(manager))
                .body("counts.layers", equalTo(4));
        long copy = ((Number) created.path("id")).longValue();
        assertEquals(0, db.count("select count(*) from assignments where project_id = ?1", copy));
    }

    @Test
    void onlyTheProjectsManagersAndAdminsDownloadTheArchive() {
        String p = "/api/projects/" + projectId + "/archive";
        as(outsider).get(p).then().statusCode(404);
        as(annotator).get(p).then().statusCode(403);
        as(curator).get(p).then().statusCode(403);
        as(manager).get(p).then().statusCode(200);
        asAdmin().get(p).then().statusCode(200);
    }

    @Test
    void onlyAnAdminCreatesAProjectFromAnArchive() {
        byte[] zip = archive(manager, projectId);
        long before = projects();
        as(manager).contentType("application/zip").body(zip).post("/api/projects/archive").then().statusCode(403);
        assertEquals(before, projects());
    }

    @Test
    void aNameInUseIsRefused() {
        byte[] zip = archive(manager, projectId);
        long before = projects();
        asAdmin().contentType("application/zip").body(zip).post("/api/projects/archive").then().statusCode(409)
                .body("field", equalTo("name"));
        assertEquals(before, projects());
    }

    @Test
    void aChangedEntryFailsItsChecksumAndCreatesNothing() throws Exception {
        Map<String, byte[]> entries = entries(archive(manager, projectId));
        entries.put("documents.jsonl", replace(entries.get("documents.jsonl"), "China met", "Japan met"));
        long projects = projects();
        long documents = documents();
        create(Exchange.zip(entries), Api.uniqueName("Damaged")).then().statusCode(400)
                .body("file", equalTo("documents.jsonl")).body("field", equalTo("sha256"))
                .body("error", containsString("SHA-256"));
        assertEquals(projects, projects());
        assertEquals(documents, documents());
    }

    @Test
    void aMissingEntryIsNamedAndCreatesNothing() throws Exception {
        Map<String, byte[]> entries = entries(archive(manager, projectId));
        entries.remove("schema.json");
        long projects = projects();
        create(Exchange.zip(entries), Api.uniqueName("Incomplete")).then().statusCode(400)
                .body("file", equalTo("schema.json"));
        assertEquals(projects, projects());
    }

    @Test
    void aBrokenJsonLineIsNamedByLineAndCreatesNothing() throws Exception {
        Map<String, byte[]> entries = entries(archive(manager, projectId));
        List<String> lines = new ArrayList<>(List.of(new String(entries.get("documents.jsonl"), StandardCharsets.UTF_8)
                .split("\n")));
        lines.set(1, lines.get(1).substring(0, lines.get(1).length() / 2));
        entries.put("documents.jsonl", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        long projects = projects();
        long documents = documents();
        create(resealed(entries), Api.uniqueName("Broken")).then().statusCode(400)
                .body("file", equalTo("documents.jsonl")).body("line", equalTo(2))
                .body("error", containsString("not valid JSON"));
        assertEquals(projects, projects());
        assertEquals(documents, documents());
    }

    @Test
    void aSpanOutsideItsTextIsNamedByField() throws Exception {
        Map<String, byte[]> entries = entries(archive(manager, projectId));
        String lines = new String(entries.get("documents.jsonl"), StandardCharsets.UTF_8);
        String line = lines.lines().filter(l -> l.contains("\"id\":\"doc-4\"")).findFirst().orElseThrow();
        int number = lines.lines().toList().indexOf(line) + 1;
        ObjectNode doc = (ObjectNode) JSON.readTree(line);
        ((ObjectNode) doc.get("layers").get(0).get("spans").get(0)).put("end", 999);
        entries.put("documents.jsonl", lines.replace(line, JSON.writeValueAsString(doc)).getBytes(StandardCharsets.UTF_8));
        long projects = projects();
        create(resealed(entries), Api.uniqueName("Out of range")).then().statusCode(400)
                .body("file", equalTo("documents.jsonl")).body("line", equalTo(number))
                .body("field", equalTo("$.layers[0].spans[0].end"));
        assertEquals(projects, projects());
    }

    @Test
    void anArchiveOfANewerFormatIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(archive(manager, projectId));
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        manifest.put("formatVersion", 2);
        entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
        create(Exchange.zip(entries), Api.uniqueName("Future")).then().statusCode(400)
                .body("file", equalTo("manifest.json")).body("field", equalTo("$.formatVersion"));
    }

    // ------------------------------------------------------------------------------------------------------

    /** The JSON without the fields a new copy may differ in: name (the copy's own) and timestamps. */
    static JsonNode normalised(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        strip(node);
        ((ObjectNode) node).remove("name");
        return node;
    }

    static List<JsonNode> normalisedLines(String jsonl) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            JsonNode node = JSON.readTree(line);
            strip(node);
            lines.add(node);
        }
        return lines;
    }

    static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("createdAt", "updatedAt", "at"));
            object.forEach(ArchiveApiTest::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ArchiveApiTest::strip);
        }
    }

    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Exchange.unzip(zip).forEach((name, text) -> entries.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return entries;
    }

    static byte[] replace(byte[] bytes, String from, String to) {
        return new String(bytes, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    /** The entries with a manifest whose checksums fit them again: a hand-edited archive, not a damaged one. */
    static byte[] resealed(Map<String, byte[]> entries) throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        for (Iterator<JsonNode> it = manifest.get("entries").elements(); it.hasNext();) {
            ObjectNode entry = (ObjectNode) it.next();
            entry.put("sha256", sha256(entries.get(entry.get("name").asText())));
        }
        entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String sha256(String text) throws Exception {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode entry(JsonNode manifest, String name) {
        for (JsonNode entry : manifest.get("entries")) {
            if (entry.get("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + name);
    }
}
