package org.relata.schema;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Exchange.export;
import static org.relata.testsupport.Exchange.files;
import static org.relata.testsupport.Exchange.importFile;
import static org.relata.testsupport.Exchange.importJsonl;
import static org.relata.testsupport.Exchange.unzip;
import static org.relata.testsupport.Exchange.zip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Issue 20 item 3: a type merged into another relabels its annotations and goes, in one audited step. */
@QuarkusTest
class TypeMergeTest {

    @Inject
    Db db;

    String manager;
    long project;

    @BeforeEach
    void setUp() {
        manager = Api.newUser("merge");
        project = Api.newProject(manager);
        // An import brought NATION (a second spelling of COUNTRY) and BORDERS; BORDERS is then restricted to
        // NATION → COUNTRY, so that the merge must carry the pair over.
        importJsonl(manager, project, "createLabels=true", "{\"id\":\"m1\",\"text\":\"Korea and China border.\",\"spans\":["
                + "{\"id\":\"a\",\"start\":0,\"end\":5,\"label\":\"NATION\"},{\"id\":\"b\",\"start\":10,\"end\":15,\"label\":\"COUNTRY\"}],"
                + "\"relations\":[{\"head\":\"a\",\"tail\":\"b\",\"label\":\"BORDERS\"},"
                + "{\"head\":\"a\",\"tail\":\"b\",\"label\":\"ALLY_OF\"}]}\n"
                + "{\"id\":\"m2\",\"text\":\"Japan.\",\"spans\":[{\"id\":\"a\",\"start\":0,\"end\":5,\"label\":\"NATION\"}]}\n")
                .then().statusCode(400); // ALLY_OF allows COUNTRY–COUNTRY only: NATION is not COUNTRY yet
        importJsonl(manager, project, "createLabels=true", "{\"id\":\"m1\",\"text\":\"Korea and China border.\",\"spans\":["
                + "{\"id\":\"a\",\"start\":0,\"end\":5,\"label\":\"NATION\"},{\"id\":\"b\",\"start\":10,\"end\":15,\"label\":\"COUNTRY\"}],"
                + "\"relations\":[{\"head\":\"a\",\"tail\":\"b\",\"label\":\"BORDERS\"}]}\n"
                + "{\"id\":\"m2\",\"text\":\"Japan.\",\"spans\":[{\"id\":\"a\",\"start\":0,\"end\":5,\"label\":\"NATION\"}]}\n")
                .then().statusCode(200);
        editSchema(schema -> relationTypes(schema).stream().filter(r -> r.get("name").equals("BORDERS"))
                .forEach(r -> r.put("allowed", List.of(Map.of("head", "NATION", "tail", "COUNTRY")))));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> relationTypes(Map<String, Object> schema) {
        return (List<Map<String, Object>>) schema.get("relationTypes");
    }

    private void editSchema(java.util.function.Consumer<Map<String, Object>> edit) {
        Response read = Api.as(manager).get("/api/projects/" + project + "/schema");
        Map<String, Object> schema = read.then().statusCode(200).extract().jsonPath().getMap("");
        List<Map<String, Object>> relations = new ArrayList<>(relationTypes(schema));
        schema.put("relationTypes", relations);
        edit.accept(schema);
        Api.as(manager).header("If-Match", read.header("ETag")).body(schema)
                .put("/api/projects/" + project + "/schema").then().statusCode(200);
    }

    private long typeId(String table, String name) {
        return ((Number) db.column("select id from " + table + " where project_id = ?1 and name = ?2", project, name)
                .get(0)).longValue();
    }

    private String etag() {
        return Api.as(manager).get("/api/projects/" + project + "/schema").header("ETag");
    }

    private long layerVersions() {
        return db.count("select coalesce(sum(l.version), 0) from annotation_layers l join documents d on d.id = l.document_id"
                + " where d.project_id = ?1", project);
    }

    @Test
    void mergedEntityTypesSpansTakeTheOtherTypeAndItsPairsFollow() {
        long nation = typeId("entity_types", "NATION");
        long country = typeId("entity_types", "COUNTRY");
        long versions = layerVersions();
        Api.as(manager).header("If-Match", etag()).body(Map.of("into", country))
                .post("/api/projects/" + project + "/schema/entity-types/" + nation + "/merge")
                .then().statusCode(200).header("ETag", equalTo(etag()))
                .body("merged", equalTo("NATION")).body("into", equalTo("COUNTRY")).body("spans", equalTo(2));
        Api.as(manager).get("/api/projects/" + project + "/schema").then()
                .body("entityTypes.name", not(hasItem("NATION")))
                .body("relationTypes.find { it.name == 'BORDERS' }.allowed[0].head", equalTo("COUNTRY"));
        assertEquals(0, db.count("select count(*) from entity_types where id = ?1", nation));
        assertEquals(3, db.count("select count(*) from spans where entity_type_id = ?1", country));
        assertTrue(layerVersions() > versions, "the layers whose spans changed step their version");
        List<String> audit = db.auditAfter("merge", nation);
        assertEquals(1, audit.size(), "one audited step");
        assertTrue(audit.get(0).replace(" ", "").contains("\"into\":\"COUNTRY\""), audit.get(0));
    }

    @Test
    void eventRolesNamingTheMergedTypeNameTheOtherTypeOnce() {
        // brat's annotation.conf brings event types whose roles name entity types (and <EVENT>) by name.
        String conf = String.join("\n", "[entities]", "NATION", "COUNTRY", "[relations]", "[events]",
                "Summit Host:NATION|COUNTRY, Guest*:NATION|<EVENT>", "Visit Visitor:COUNTRY", "");
        importFile(manager, project, "format=brat", "application/zip",
                zip(files("annotation.conf", conf, "talks/s1.txt", "Korea hosts.", "talks/s1.ann", "")))
                .then().statusCode(200);
        long nation = typeId("entity_types", "NATION");
        Api.as(manager).header("If-Match", etag()).body(Map.of("into", typeId("entity_types", "COUNTRY")))
                .post("/api/projects/" + project + "/schema/entity-types/" + nation + "/merge").then().statusCode(200);
        String exported = unzip(export(manager, project, "format=brat").then().statusCode(200).extract().asByteArray())
                .get("annotation.conf");
        assertTrue(exported.contains("Summit\tHost:COUNTRY, Guest*:COUNTRY|<EVENT>\n"), exported);
        assertTrue(exported.contains("Visit\tVisitor:COUNTRY\n"), exported);
        assertEquals(0, db.count("select count(*) from event_types where project_id = ?1 and roles::text like '%NATION%'",
                project));
        List<String> audit = db.auditAfter("merge", nation);
        assertEquals(1, audit.size(), "one audited step");
        // The audit's change carries the event types before and after: [[before...], [after...]].
        JsonPath change = JsonPath.from(audit.get(0));
        assertEquals(List.of("NATION", "COUNTRY"), change.getList("eventTypes[0].find { it.name == 'Summit' }.roles[0].types"));
        assertEquals(List.of("COUNTRY"), change.getList("eventTypes[1].find { it.name == 'Summit' }.roles[0].types"));
        assertEquals(List.of("COUNTRY", "<EVENT>"), change.getList("eventTypes[1].find { it.name == 'Summit' }.roles[1].types"));
    }

    @Test
    void mergedRelationTypesRelationsTakeTheOtherTypeAndDuplicatesGo() {
        long nation = typeId("entity_types", "NATION");
        long country = typeId("entity_types", "COUNTRY");
        Api.as(manager).body(Map.of("into", country))
                .post("/api/projects/" + project + "/schema/entity-types/" + nation + "/merge").then().statusCode(200);
        long doc = ((Number) db.column("select id from documents where project_id = ?1 and external_id = 'm1'", project)
                .get(0)).longValue();
        List<Object> spans = db.column("select s.id from spans s join annotation_layers l on l.id = s.layer_id"
                + " where l.document_id = ?1 order by s.start_offset", doc);
        // ALLY_OF (undirected) between the same two spans, the other way round: one relation once merged.
        Api.as(manager).body(Map.of("head", spans.get(1), "tail", spans.get(0), "label", "ALLY_OF"))
                .post("/api/documents/" + doc + "/layers/gold/relations").then().statusCode(201);
        long borders = typeId("relation_types", "BORDERS");
        long ally = typeId("relation_types", "ALLY_OF");
        Api.as(manager).body(Map.of("into", ally))
                .post("/api/projects/" + project + "/schema/relation-types/" + borders + "/merge")
                .then().statusCode(200).body("relations", equalTo(0)).body("duplicatesRemoved", equalTo(1));
        assertEquals(1, db.count("select count(*) from relations where relation_type_id = ?1", ally));
        assertEquals(1, db.auditAfter("merge", borders).size());
    }

    @Test
    void mergeIntoATypeWhosePairsForbidTheRelationsIsRefusedAndChangesNothing() {
        long borders = typeId("relation_types", "BORDERS");
        long leader = typeId("relation_types", "LEADER_OF");
        String before = etag();
        Api.as(manager).body(Map.of("into", leader))
                .post("/api/projects/" + project + "/schema/relation-types/" + borders + "/merge")
                .then().statusCode(409).body("field", equalTo("into"))
                .body("error", containsString("'LEADER_OF' does not allow NATION → COUNTRY"));
        assertEquals(before, etag());
    }

    @Test
    void staleVersionIsRefusedWithPreconditionFailed() {
        long nation = typeId("entity_types", "NATION");
        Api.as(manager).header("If-Match", "\"stale\"").body(Map.of("into", typeId("entity_types", "COUNTRY")))
                .post("/api/projects/" + project + "/schema/entity-types/" + nation + "/merge").then().statusCode(412);
        assertEquals(1, db.count("select count(*) from entity_types where id = ?1", nation));
    }

    @Test
    void intoItselfOrAnotherProjectsTypeIsABadField() {
        long nation = typeId("entity_types", "NATION");
        Api.as(manager).body(Map.of("into", nation))
                .post("/api/projects/" + project + "/schema/entity-types/" + nation + "/merge")
                .then().statusCode(400).body("field", equalTo("into"));
        long other = Api.newProject(manager);
        long foreign = ((Number) db.column("select id from entity_types where project_id = ?1 limit 1", other).get(0)).longValue();
        Api.as(manager).body(Map.of("into", foreign))
                .post("/api/projects/" + project + "/schema/entity-types/" + nation + "/merge")
                .then().statusCode(400).body("field", equalTo("into"));
        Api.as(manager).body(Map.of("into", nation))
                .post("/api/projects/" + project + "/schema/entity-types/" + foreign + "/merge").then().statusCode(404);
    }

    @Test
    void onlyManagersMerge() {
        long nation = typeId("entity_types", "NATION");
        long country = typeId("entity_types", "COUNTRY");
        String annotator = Api.newUser("merge-ann");
        String curator = Api.newUser("merge-cur");
        String outsider = Api.newUser("merge-out");
        Api.addMember(project, manager, annotator, "ANNOTATOR");
        Api.addMember(project, manager, curator, "CURATOR");
        String path = "/api/projects/" + project + "/schema/entity-types/" + nation + "/merge";
        Api.as(annotator).body(Map.of("into", country)).post(path).then().statusCode(403);
        Api.as(curator).body(Map.of("into", country)).post(path).then().statusCode(403);
        Api.as(outsider).body(Map.of("into", country)).post(path).then().statusCode(404);
        assertEquals(1, db.count("select count(*) from entity_types where id = ?1", nation));
        assertEquals(0, db.auditAfter("merge", nation).size());
    }
}
