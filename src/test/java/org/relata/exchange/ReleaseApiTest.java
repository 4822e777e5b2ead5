package org.relata.exchange;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.relata.testsupport.Api.as;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.Exchange;
import org.relata.testsupport.ProjectWithRoles;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Dataset releases: frozen bytes, manifest, roles, and the diff of a hand-built pair. */
@QuarkusTest
class ReleaseApiTest extends ProjectWithRoles {

    // "China and Russia met Kim." : China [0,5), Russia [10,16), Kim [21,24)
    static final String TEXT = "China and Russia met Kim.";

    @Inject
    Db db;

    long d1;
    long d2;
    long russia;

    @BeforeEach
    void project() {
        d1 = db.document(projectId, "d1", TEXT);
        d2 = db.document(projectId, "d2", "Kim 🇰🇵 left.\r\nBye.");
        gold(d1, 0, 5, "COUNTRY");
        russia = gold(d1, 10, 16, "COUNTRY");
        gold(d2, 0, 3, "PERSON");
    }

    long gold(long doc, int start, int end, String label) {
        return ((Number) as(manager).body(Map.of("start", start, "end", end, "label", label))
                .post("/api/documents/" + doc + "/layers/gold/spans").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    Response release(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/projects/" + projectId + "/releases");
    }

    Map<String, Object> jsonl(String name) {
        return Map.of("name", name, "format", "jsonl", "source", "gold", "status", "any");
    }

    byte[] file(String user, String name) {
        return as(user).get("/api/projects/" + projectId + "/releases/" + name + "/file").then().statusCode(200)
                .extract().asByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aReleaseKeepsItsBytesAfterLaterEdits() throws Exception {
        byte[] export = Exchange.export(manager, projectId, "format=jsonl&source=gold&status=any").then().statusCode(200)
                .extract().asByteArray();
        String sha = release(manager, jsonl("v1")).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/projects/" + projectId + "/releases/v1"))
                .body("name", equalTo("v1")).body("createdBy", equalTo(manager))
                .body("counts.documents", equalTo(2)).body("counts.spans", equalTo(3))
                .body("counts.labels.COUNTRY", equalTo(2)).body("counts.labels.PERSON", equalTo(1))
                .body("size", equalTo(export.length))
                .extract().path("sha256");
        assertArrayEquals(export, file(curator, "v1"));
        assertEquals(sha256(export), sha);

        as(manager).body(Map.of("label", "PERSON")).patch("/api/documents/" + d1 + "/layers/gold/spans/" + russia)
                .then().statusCode(200);
        gold(d2, 4, 8, "COUNTRY");
        byte[] later = Exchange.export(manager, projectId, "format=jsonl&source=gold&status=any").then().extract()
                .asByteArray();
        assertFalse(java.util.Arrays.equals(export, later));
        assertArrayEquals(export, file(manager, "v1"));
        as(manager).get("/api/projects/" + projectId + "/releases/v1/file").then()
                .header("X-Relata-SHA256", equalTo(sha));
    }

    @Test
    void aSplitZipReleaseIsStoredByteForByteWithCountsPerSplit() throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("name", "split-1", "format", "conll", "source", "gold",
                "status", "any", "split", "train:0.5,test:0.5", "seed", "7"));
        Response created = release(manager, body);
        created.then().statusCode(201).body("split", equalTo("train:0.5,test:0.5")).body("seed", equalTo(7))
                .body("fileName", equalTo("split-1-splits.zip"));
        Map<String, Map<String, Integer>> splits = created.path("counts.splits");
        assertEquals(2, splits.get("train").get("documents") + splits.get("test").get("documents"));
        byte[] first = file(manager, "split-1");
        assertEquals(created.path("sha256"), sha256(first));
        assertEquals(2, Exchange.unzip(first).size());
        gold(d2, 4, 8, "COUNTRY");
        assertArrayEquals(first, file(manager, "split-1"));
    }

    @Test
    void aSplitConllReleaseCountsAndDiffsLikeTheJsonlReleaseOfTheSameData() {
        // Its snapshot and counts come from the same single pass that writes the zip, part by part.
        release(manager, jsonl("plain")).then().statusCode(201);
        Response split = release(manager, Map.of("name", "split-conll", "format", "conll", "source", "gold",
                "status", "any", "split", "train:0.5,test:0.5", "seed", "3"));
        split.then().statusCode(201).body("counts.documents", equalTo(2)).body("counts.spans", equalTo(3))
                .body("counts.relations", equalTo(0))
                .body("counts.labels.COUNTRY", equalTo(2)).body("counts.labels.PERSON", equalTo(1));
        Map<String, Map<String, Integer>> splits = split.path("counts.splits");
        assertEquals(3, splits.get("train").get("spans") + splits.get("test").get("spans"));
        as(curator).get("/api/projects/" + projectId + "/releases/plain/diff/split-conll").then().statusCode(200)
                .body("documents.added", empty()).body("documents.removed", empty())
                .body("annotations", empty());
    }

    @Test
    void namesAreUniqueAndReleasesAreForManagersAndCurators() {
        release(manager, jsonl("v1")).then().statusCode(201);
        release(manager, jsonl("v1")).then().statusCode(409).body("field", equalTo("$.name"));
        release(manager, jsonl("no spaces")).then().statusCode(400).body("field", equalTo("$.name"));
        release(manager, Map.of("name", "v2", "format", "jsonl", "status", "maybe")).then().statusCode(400)
                .body("field", equalTo("status"));
        release(curator, jsonl("v3")).then().statusCode(403);
        release(annotator, jsonl("v3")).then().statusCode(403);
        release(outsider, jsonl("v3")).then().statusCode(404);

        as(curator).get("/api/projects/" + projectId + "/releases").then().statusCode(200).body("name", contains("v1"));
        as(annotator).get("/api/projects/" + projectId + "/releases").then().statusCode(403);
        as(outsider).get("/api/projects/" + projectId + "/releases").then().statusCode(404);
        as(annotator).get("/api/projects/" + projectId + "/releases/v1/file").then().statusCode(403);
        as(outsider).get("/api/projects/" + projectId + "/releases/v1/file").then().statusCode(404);
        as(manager).get("/api/projects/" + projectId + "/releases/nope/file").then().statusCode(404);

        as(curator).delete("/api/projects/" + projectId + "/releases/v1").then().statusCode(403);
        as(manager).delete("/api/projects/" + projectId + "/releases/v1").then().statusCode(204);
        as(manager).get("/api/projects/" + projectId + "/releases/v1/file").then().statusCode(404);
        as(manager).get("/api/projects/" + projectId + "/releases").then().body("$", empty());
        assertEquals(1, db.count("select count(*) from audit_events where project_id = ?1 and entity = 'release'"
                + " and action = 'delete' and change ->> 'name' = 'v1'", projectId));
    }

    @Test
    void theDiffOfAHandBuiltPairNamesEveryChange() {
        release(manager, jsonl("before")).then().statusCode(201);
        // relabel Russia, add an ORGANIZATION span to d1, a relation; remove d2, add d3
        as(manager).body(Map.of("label", "PERSON")).patch("/api/documents/" + d1 + "/layers/gold/spans/" + russia)
                .then().statusCode(200);
        gold(d1, 21, 24, "ORGANIZATION");
        as(manager).delete("/api/documents/" + d2).then().statusCode(204);
        long d3 = db.document(projectId, "d3", "Xi.");
        gold(d3, 0, 2, "PERSON");
        release(manager, Map.of("name", "after", "format", "conll", "source", "gold", "status", "any"))
                .then().statusCode(201);

        as(curator).get("/api/projects/" + projectId + "/releases/before/diff/after").then().statusCode(200)
                .body("documents.added", contains("d3"))
                .body("documents.removed", contains("d2"))
                .body("annotations", hasSize(1))
                .body("annotations[0].document", equalTo("d1"))
                .body("annotations[0].added", hasSize(1))
                .body("annotations[0].added[0].start", equalTo(21))
                .body("annotations[0].added[0].label", equalTo("ORGANIZATION"))
                .body("annotations[0].removed", empty())
                .body("annotations[0].relabelled", hasSize(1))
                .body("annotations[0].relabelled[0].start", equalTo(10))
                .body("annotations[0].relabelled[0].end", equalTo(16))
                .body("annotations[0].relabelled[0].from", equalTo("COUNTRY"))
                .body("annotations[0].relabelled[0].to", equalTo("PERSON"))
                .body("perLabel.ORGANIZATION.added", equalTo(1))
                .body("perLabel.COUNTRY.relabelledFrom", equalTo(1))
                .body("perLabel.PERSON.relabelledTo", equalTo(1));
        as(annotator).get("/api/projects/" + projectId + "/releases/before/diff/after").then().statusCode(403);
        as(manager).get("/api/projects/" + projectId + "/releases/before/diff/nope").then().statusCode(404);
    }
}
