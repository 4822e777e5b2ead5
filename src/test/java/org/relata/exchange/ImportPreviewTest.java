package org.relata.exchange;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Exchange.importFile;
import static org.relata.testsupport.Exchange.importJsonl;
import static org.relata.testsupport.Exchange.nativeFixture;
import static org.relata.testsupport.Exchange.zip;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Issue 20 item 3: the import's dry run, its labelMap, and createLabels that never widens a type's rules. */
@QuarkusTest
class ImportPreviewTest {

    @Inject
    Db db;

    String manager;
    long project;

    @BeforeEach
    void setUp() {
        manager = Api.newUser("preview");
        project = Api.newProject(manager);
    }

    /** Every row of the project the import could touch, schema included. */
    long rows() {
        String layers = "annotation_layers l join documents d on d.id = l.document_id where d.project_id = ?1";
        return db.count("select count(*) from documents where project_id = ?1", project)
                + db.count("select count(*) from " + layers, project)
                + db.count("select count(*) from spans s join " + layers.replace("where", "on s.layer_id = l.id where"), project)
                + db.count("select count(*) from relations r join " + layers.replace("where", "on r.layer_id = l.id where"), project)
                + db.count("select count(*) from entity_types where project_id = ?1", project)
                + db.count("select count(*) from relation_types where project_id = ?1", project)
                + db.count("select count(*) from relation_type_pairs where project_id = ?1", project)
                + db.count("select count(*) from attribute_defs where project_id = ?1", project);
    }

    private io.restassured.response.Response importWithMap(String labelMap, String query, String jsonl) {
        return Api.as(manager).contentType("application/x-ndjson").queryParam("labelMap", labelMap)
                .body(jsonl.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + project + "/import?format=jsonl" + (query.isEmpty() ? "" : "&" + query));
    }

    /** A file whose labels differ from the project's in case and spelling, with a label the project lacks. */
    private static String lookalikes() {
        return "{\"id\":\"la-1\",\"text\":\"Kim met Xi in China.\",\"spans\":["
                + "{\"id\":\"a\",\"start\":0,\"end\":3,\"label\":\"Person\"},"
                + "{\"id\":\"b\",\"start\":8,\"end\":10,\"label\":\"Leader\"},"
                + "{\"id\":\"c\",\"start\":14,\"end\":19,\"label\":\"country\"}],"
                + "\"relations\":[{\"head\":\"a\",\"tail\":\"c\",\"label\":\"leader_of\"}]}\n";
    }

    @Test
    void dryRunAnswersTheCountsOfTheRealImportAndStoresNothing() {
        long before = rows();
        JsonPath dry = importJsonl(manager, project, "dryRun=true&createLabels=true", nativeFixture())
                .then().statusCode(200).body("dryRun", equalTo(true)).extract().jsonPath();
        assertEquals(before, rows(), "a dry run stores no row, labels included");

        JsonPath real = importJsonl(manager, project, "createLabels=true", nativeFixture())
                .then().statusCode(200).body("dryRun", equalTo(false)).extract().jsonPath();
        for (String count : List.of("documents", "spans", "relations", "attributes", "notes", "events", "equivalences")) {
            assertEquals(real.getInt(count), dry.getInt(count), count);
        }
        assertEquals(real.getList("labels"), dry.getList("labels"));
        assertEquals(2, real.getInt("documents"));
    }

    @Test
    void dryRunAnswersTheErrorOfTheRealImport() {
        String bad = "{\"id\":\"x\",\"text\":\"Kim Korea\",\"spans\":[{\"id\":\"a\",\"start\":0,\"end\":3,\"label\":\"PERSON\"},"
                + "{\"id\":\"b\",\"start\":4,\"end\":99,\"label\":\"COUNTRY\"}]}\n";
        String dry = importJsonl(manager, project, "dryRun=true", bad).then().statusCode(400)
                .body("field", equalTo("$.spans[1].end")).extract().asString();
        String real = importJsonl(manager, project, "", bad).then().statusCode(400).extract().asString();
        assertEquals(real.replaceAll("\"id\":\"[^\"]*\"", ""), dry.replaceAll("\"id\":\"[^\"]*\"", ""));
    }

    @Test
    void dryRunSaysWhatEachLabelOfTheFileBecomes() {
        long before = rows();
        importJsonl(manager, project, "dryRun=true&createLabels=true", lookalikes()).then().statusCode(200)
                .body("labels.find { it.file == 'Person' }.label", equalTo("PERSON"))
                .body("labels.find { it.file == 'Person' }.created", equalTo(false))
                .body("labels.find { it.file == 'Leader' }.created", equalTo(true))
                .body("labels.find { it.file == 'country' }.label", equalTo("COUNTRY"))
                .body("labels.find { it.file == 'leader_of' }.label", equalTo("LEADER_OF"))
                .body("labels.find { it.file == 'leader_of' }.kind", equalTo("relation"));
        assertEquals(before, rows());
    }

    @Test
    void labelMapPutsTheFilesLabelsOnTheProjectsLabels() {
        importWithMap("{\"Leader\":\"PERSON\"}", "", lookalikes()).then().statusCode(200)
                .body("spans", equalTo(3)).body("relations", equalTo(1))
                .body("labels.find { it.file == 'Leader' }.label", equalTo("PERSON"));
        Api.as(manager).get("/api/projects/" + project + "/schema").then().statusCode(200)
                .body("entityTypes.name", not(hasItem("Leader"))).body("entityTypes.size()", equalTo(3));
        assertEquals(2, db.count("select count(*) from spans s join entity_types t on t.id = s.entity_type_id"
                + " where t.project_id = ?1 and t.name = 'PERSON'", project));
    }

    @Test
    void labelMapToALabelTheProjectLacksIsRefusedWithoutCreateLabels() {
        long before = rows();
        importWithMap("{\"Leader\":\"CHIEF\"}", "", lookalikes())
                .then().statusCode(400).body("field", equalTo("$.spans[1].label"))
                .body("error", containsString("'CHIEF' (labelMap's choice for 'Leader')"));
        assertEquals(before, rows());
    }

    @Test
    void labelMapThatIsNotAJsonObjectIsRefused() {
        importWithMap("[\"a\"]", "", lookalikes()).then().statusCode(400).body("field", equalTo("labelMap"));
        importWithMap("{\"a\":1}", "", lookalikes()).then().statusCode(400).body("field", equalTo("labelMap.a"));
        importWithMap("{", "", lookalikes()).then().statusCode(400).body("field", equalTo("labelMap"));
    }

    @Test
    void createLabelsNeverWidensARestrictedRelationType() {
        long before = rows();
        // LEADER_OF allows PERSON → COUNTRY only; COUNTRY → PERSON must stay forbidden even with createLabels.
        String jsonl = "{\"id\":\"w\",\"text\":\"Kim Korea\",\"spans\":[{\"id\":\"a\",\"start\":0,\"end\":3,\"label\":\"PERSON\"},"
                + "{\"id\":\"b\",\"start\":4,\"end\":9,\"label\":\"COUNTRY\"}],"
                + "\"relations\":[{\"head\":\"b\",\"tail\":\"a\",\"label\":\"LEADER_OF\"}]}\n";
        Api.as(manager).contentType("application/x-ndjson").header("Content-Disposition", "attachment; filename=\"w.jsonl\"")
                .body(jsonl.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + project + "/import?format=jsonl&createLabels=true")
                .then().statusCode(400).body("file", equalTo("w.jsonl")).body("line", equalTo(1))
                .body("field", equalTo("$.relations[0]"))
                .body("error", containsString("'LEADER_OF' does not allow COUNTRY → PERSON"));
        assertEquals(before, rows());
        Api.as(manager).get("/api/projects/" + project + "/schema").then()
                .body("relationTypes.find { it.name == 'LEADER_OF' }.allowed.size()", equalTo(1));
    }

    @Test
    void bratConfDoesNotWidenTheProjectsRestrictedType() {
        long before = rows();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("annotation.conf", ("[entities]\nPERSON\nCOUNTRY\n[relations]\nLEADER_OF Arg1:COUNTRY, Arg2:PERSON\n"
                + "[attributes]\n[events]\n").getBytes(StandardCharsets.UTF_8));
        files.put("doc.txt", "Kim Korea".getBytes(StandardCharsets.UTF_8));
        files.put("doc.ann", "T1\tPERSON 0 3\tKim\nT2\tCOUNTRY 4 9\tKorea\nR1\tLEADER_OF Arg1:T2 Arg2:T1\n"
                .getBytes(StandardCharsets.UTF_8));
        importFile(manager, project, "format=brat&createLabels=true", "application/zip", zip(files))
                .then().statusCode(400).body("file", equalTo("doc.ann")).body("line", equalTo(3))
                .body("error", containsString("does not allow COUNTRY → PERSON"));
        assertEquals(before, rows());
    }
}
