package org.relata.suggestion;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.Exchange;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Suggestions (issue 11, item 2) through the API: scores from the import, the threshold, per-annotator rejections. */
@QuarkusTest
class SuggestionApiTest {

    /** Kim [0,3) · Korea [10,15) · China [17,22) · Russia [27,33). */
    static final String TEXT = "Kim leads Korea; China and Russia.";
    static final String SUGGESTED = "{\"id\":\"kim\",\"text\":\"" + TEXT + "\",\"spans\":["
            + "{\"id\":\"T1\",\"start\":17,\"end\":22,\"label\":\"COUNTRY\",\"score\":0.9},"
            + "{\"id\":\"T2\",\"start\":27,\"end\":33,\"label\":\"COUNTRY\",\"score\":0.3},"
            + "{\"id\":\"T3\",\"start\":0,\"end\":3,\"label\":\"PERSON\"}]}\n";

    @Inject
    Db db;

    String manager;
    String a;
    String b;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        manager = Api.newUser("sug-pm");
        a = Api.newUser("sug-a");
        b = Api.newUser("sug-b");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, a, "ANNOTATOR");
        Api.addMember(projectId, manager, b, "ANNOTATOR");
        Exchange.importJsonl(manager, projectId, "target=suggestions", SUGGESTED).then().statusCode(200);
        docId = db.count("select id from documents where project_id = ?1", projectId);
        Api.assignAll(projectId, manager, a, b);
    }

    JsonPath suggestions(String user, String query) {
        return Api.as(user).get("/api/documents/" + docId + "/suggestions" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    long id(String user, int start) {
        return suggestions(user, "").getLong("spans.find { it.start == " + start + " }.id");
    }

    @Test
    void importedScoresAreKeptAndAThresholdLeavesOutLowOnesButNotUnscoredOnes() {
        JsonPath all = suggestions(a, "");
        assertEquals(List.of("PERSON", "COUNTRY", "COUNTRY"), all.getList("spans.label"));
        assertEquals(0.9f, all.getFloat("spans.find { it.start == 17 }.score"));
        assertEquals(0.3f, all.getFloat("spans.find { it.start == 27 }.score"));
        assertEquals(null, (Object) all.get("spans.find { it.start == 0 }.score"));
        assertEquals(List.of(0, 17), suggestions(a, "?minScore=0.5").getList("spans.start"));
    }

    @Test
    void aRejectionStaysForThatAnnotatorOnlyUntilTakenBack() {
        long russia = id(a, 27);
        Api.as(a).body(Map.of("ids", List.of(russia))).post("/api/documents/" + docId + "/suggestions/rejections")
                .then().statusCode(200).body("rejected", equalTo(1));
        assertEquals(List.of(0, 17), suggestions(a, "").getList("spans.start"));
        assertEquals(1, suggestions(a, "").getInt("rejected"));
        assertEquals(List.of(0, 17, 27), suggestions(b, "").getList("spans.start"));
        // Rejecting twice is no error and changes nothing.
        Api.as(a).body(Map.of("ids", List.of(russia))).post("/api/documents/" + docId + "/suggestions/rejections")
                .then().statusCode(200).body("rejected", equalTo(0));

        Api.as(a).delete("/api/documents/" + docId + "/suggestions/rejections/" + russia).then().statusCode(200);
        assertEquals(List.of(0, 17, 27), suggestions(a, "").getList("spans.start"));
        Api.as(a).delete("/api/documents/" + docId + "/suggestions/rejections/" + russia).then().statusCode(404);
    }

    @Test
    void rejectingAllOfALabelTakesManyIdsAtOnce() {
        JsonPath all = suggestions(a, "");
        List<Long> countries = List.of(all.getLong("spans[1].id"), all.getLong("spans[2].id"));
        Api.as(a).body(Map.of("ids", countries)).post("/api/documents/" + docId + "/suggestions/rejections")
                .then().statusCode(200).body("rejected", equalTo(2));
        assertEquals(List.of("PERSON"), suggestions(a, "").getList("spans.label"));
    }

    @Test
    void onlySuggestionsOfTheDocumentMayBeRejectedAndOnlyBySomeoneWhoSeesIt() {
        long own = ((Number) Api.as(a).body(Map.of("start", 10, "end", 15, "label", "COUNTRY"))
                .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(201).extract().path("id"))
                .longValue();
        Api.as(a).body(Map.of("ids", List.of(own))).post("/api/documents/" + docId + "/suggestions/rejections")
                .then().statusCode(400).body("field", equalTo("ids"));
        Api.as(a).body(Map.of("ids", List.of())).post("/api/documents/" + docId + "/suggestions/rejections")
                .then().statusCode(400).body("field", equalTo("ids"));
        assertEquals(0, db.count("select count(*) from suggestion_rejections r join spans s on s.id = r.span_id"
                + " join annotation_layers l on l.id = s.layer_id where l.document_id = ?1", docId));

        String outsider = Api.newUser("sug-out");
        Api.as(outsider).get("/api/documents/" + docId + "/suggestions").then().statusCode(404);
        String unassigned = Api.newUser("sug-c");
        Api.addMember(projectId, manager, unassigned, "ANNOTATOR");
        Api.as(unassigned).get("/api/documents/" + docId + "/suggestions").then().statusCode(404);
        Api.as(unassigned).body(Map.of("ids", List.of(id(a, 17))))
                .post("/api/documents/" + docId + "/suggestions/rejections").then().statusCode(404);
    }

    @Test
    void aScoreThatIsNoNumberIsRefusedOnImportNamingTheField() {
        String bad = "{\"id\":\"bad\",\"text\":\"Kim\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"PERSON\","
                + "\"score\":\"high\"}]}\n";
        Exchange.importJsonl(manager, projectId, "target=suggestions", bad).then().statusCode(400)
                .body("field", equalTo("$.spans[0].score"));
    }

    @Test
    void theJsonlExportOfSuggestionsCarriesTheScoresAndImportsBackTheSame() {
        String exported = Exchange.export(manager, projectId, "format=jsonl&source=suggestions&status=any").then()
                .statusCode(200).extract().asString();
        assertTrue(exported.contains("\"label\":\"COUNTRY\",\"text\":\"China\""), exported);
        assertTrue(exported.contains(",\"score\":0.9}"), exported);
        assertTrue(exported.contains(",\"score\":0.3}"), exported);
        // The unscored span has no score key, as spans of other layers.
        assertTrue(exported.contains("\"text\":\"Kim\",\"attributes\":{},\"note\":null,\"links\":[]}"), exported);

        long copy = Api.newProject(manager);
        Exchange.importJsonl(manager, copy, "target=suggestions", exported).then().statusCode(200);
        assertEquals(exported, Exchange.export(manager, copy, "format=jsonl&source=suggestions&status=any").then()
                .statusCode(200).extract().asString());
    }

    /** Kim PERSON → Korea COUNTRY suggested as LEADER_OF (0.7), and Kim → China (0.2). */
    static final String SUGGESTED_RELATIONS = "{\"id\":\"kim\",\"text\":\"" + TEXT + "\",\"spans\":["
            + "{\"id\":\"T1\",\"start\":0,\"end\":3,\"label\":\"PERSON\"},"
            + "{\"id\":\"T2\",\"start\":10,\"end\":15,\"label\":\"COUNTRY\"},"
            + "{\"id\":\"T3\",\"start\":17,\"end\":22,\"label\":\"COUNTRY\"}],\"relations\":["
            + "{\"id\":\"R1\",\"head\":\"T1\",\"tail\":\"T2\",\"label\":\"LEADER_OF\",\"score\":0.7},"
            + "{\"id\":\"R2\",\"head\":\"T1\",\"tail\":\"T3\",\"label\":\"LEADER_OF\",\"score\":0.2}]}\n";

    /** A second project whose document has suggested relations; answers the document's id. */
    long documentWithSuggestedRelations() {
        long project = Api.newProject(manager);
        Api.addMember(project, manager, a, "ANNOTATOR");
        Api.addMember(project, manager, b, "ANNOTATOR");
        Exchange.importJsonl(manager, project, "target=suggestions", SUGGESTED_RELATIONS).then().statusCode(200);
        long doc = db.count("select id from documents where project_id = ?1", project);
        Api.assignAll(project, manager, a, b);
        return doc;
    }

    static JsonPath layer(String user, long doc) {
        return Api.as(user).get("/api/documents/" + doc + "/layers/me").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void suggestedRelationsAreListedWithTheirArgumentsAndScoresAndTheThresholdAppliesToThem() {
        long doc = documentWithSuggestedRelations();
        JsonPath all = Api.as(a).get("/api/documents/" + doc + "/suggestions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("LEADER_OF", "LEADER_OF"), all.getList("relations.label"));
        assertEquals(0.7f, all.getFloat("relations.find { it.tail.start == 10 }.score"));
        assertEquals("PERSON", all.getString("relations[0].head.label"));
        assertEquals(List.of(10), Api.as(a).get("/api/documents/" + doc + "/suggestions?minScore=0.5").then()
                .statusCode(200).extract().jsonPath().getList("relations.tail.start"));
    }

    @Test
    void acceptingASuggestedRelationCopiesItWithTheSpansMyLayerLacksOnceAndOnlyForMe() {
        long doc = documentWithSuggestedRelations();
        long relation = Api.as(a).get("/api/documents/" + doc + "/suggestions").then().extract().jsonPath()
                .getLong("relations.find { it.tail.start == 10 }.id");
        // a has Kim already: it is reused, Korea is copied.
        long kim = ((Number) Api.as(a).body(Map.of("start", 0, "end", 3, "label", "PERSON"))
                .post("/api/documents/" + doc + "/layers/me/spans").then().statusCode(201).extract().path("id"))
                .longValue();
        long version = layer(a, doc).getLong("version");
        String accept = "/api/documents/" + doc + "/suggestions/relations/" + relation + "/accept";

        // A stale version is refused and changes nothing.
        Api.as(a).header("If-Match", "\"" + (version - 1) + "\"").post(accept).then().statusCode(412);
        assertEquals(1, layer(a, doc).getList("spans").size());

        JsonPath accepted = Api.as(a).header("If-Match", "\"" + version + "\"").post(accept).then().statusCode(200)
                .body("added", equalTo(true)).extract().jsonPath();
        JsonPath mine = layer(a, doc);
        assertEquals(accepted.getLong("version"), mine.getLong("version"));
        assertEquals(List.of("PERSON 0-3", "COUNTRY 10-15"), mine.getList("spans").stream()
                .map(o -> (Map<?, ?>) o).map(m -> m.get("label") + " " + m.get("start") + "-" + m.get("end")).toList());
        assertEquals(kim, accepted.getLong("head"));
        assertEquals(kim, mine.getLong("relations[0].head"));
        assertEquals(accepted.getLong("tail"), mine.getLong("relations[0].tail"));
        assertEquals("LEADER_OF", mine.getString("relations[0].label"));

        // Accepting again adds nothing; b's layer never changed.
        Api.as(a).post(accept).then().statusCode(200).body("added", equalTo(false))
                .body("relation", equalTo((int) accepted.getLong("relation")));
        assertEquals(1, layer(a, doc).getList("relations").size());
        assertEquals(2, layer(a, doc).getList("spans").size());
        assertEquals(0, layer(b, doc).getList("spans").size());

        // Only suggested relations of the document can be accepted.
        Api.as(a).post("/api/documents/" + doc + "/suggestions/relations/" + mine.getLong("relations[0].id")
                + "/accept").then().statusCode(404);
    }

    @Test
    void aRejectedSuggestedRelationStaysRejectedForThatAnnotatorOnlyUntilTakenBack() {
        long doc = documentWithSuggestedRelations();
        String base = "/api/documents/" + doc + "/suggestions";
        long relation = Api.as(a).get(base).then().extract().jsonPath().getLong("relations.find { it.tail.start == 10 }.id");
        Api.as(a).body(Map.of("relations", List.of(relation))).post(base + "/rejections").then().statusCode(200)
                .body("rejected", equalTo(1));
        JsonPath forA = Api.as(a).get(base).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(17), forA.getList("relations.tail.start"));
        assertEquals(1, forA.getInt("rejectedRelations"));
        assertEquals(0, forA.getInt("rejected"));
        assertEquals(3, forA.getList("spans").size());
        assertEquals(2, Api.as(b).get(base).then().extract().jsonPath().getList("relations").size());

        // An id that is no suggested relation of this document is refused, naming the field.
        Api.as(a).body(Map.of("relations", List.of(-1L))).post(base + "/rejections").then().statusCode(400)
                .body("field", equalTo("relations"));

        Api.as(a).delete(base + "/relation-rejections/" + relation).then().statusCode(200).body("rejected", equalTo(1));
        assertEquals(2, Api.as(a).get(base).then().extract().jsonPath().getList("relations").size());
        Api.as(a).delete(base + "/relation-rejections/" + relation).then().statusCode(404);
    }
}
