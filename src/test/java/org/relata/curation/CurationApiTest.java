package org.relata.curation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.curation.CurationFixtures.TEXT;
import static org.relata.curation.CurationFixtures.gold;
import static org.relata.curation.CurationFixtures.relation;
import static org.relata.curation.CurationFixtures.span;
import static org.relata.curation.CurationFixtures.spanKey;
import static org.relata.curation.CurationFixtures.spans;
import static org.relata.curation.CurationFixtures.start;
import static org.relata.curation.CurationFixtures.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Curation into gold (issue 11, item 1) through the API: merge, pre-accept, accept, reject, access, export. */
@QuarkusTest
class CurationApiTest {

    @Inject
    Db db;

    String manager;
    String curator;
    String a;
    String b;
    String c;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        manager = Api.newUser("cur-pm");
        curator = Api.newUser("cur-cur");
        a = Api.newUser("cur-a");
        b = Api.newUser("cur-b");
        c = Api.newUser("cur-c");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, curator, "CURATOR");
        for (String annotator : List.of(a, b, c)) {
            Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        }
        docId = db.document(projectId, "kim", TEXT);
    }

    /** a and b agree on Kim, Korea and LEADER_OF Kim → Korea; a alone has China, b alone Russia. */
    void twoAnnotatorsPartlyAgree() {
        Api.assignAll(projectId, manager, a, b);
        for (String annotator : List.of(a, b)) {
            long kim = span(annotator, docId, 0, 3, "PERSON");
            long korea = span(annotator, docId, 10, 15, "COUNTRY");
            relation(annotator, docId, kim, korea, "LEADER_OF");
        }
        span(a, docId, 17, 22, "COUNTRY");
        span(b, docId, 27, 33, "COUNTRY");
    }

    @Test
    void theMergedViewSaysWhoProposedWhatAndStartingPreAcceptsTheUnanimousOnes() {
        twoAnnotatorsPartlyAgree();
        JsonPath before = view(curator, docId);
        assertEquals(List.of(a, b), before.getList("annotators.username"));
        assertEquals(1.0f, before.getFloat("preAcceptShare"));
        assertEquals(2, before.getInt("required"));
        // Kim, Korea, China, Russia and the relation: nothing is in gold yet, so all five are open.
        assertEquals(5, before.getInt("disagreements"));
        assertEquals(List.of(a, b), before.getList("spans.find { it.label == 'PERSON' }.proposers"));
        assertEquals(List.of(a), before.getList("spans.find { it.start == 17 }.proposers"));

        assertEquals(3, start(curator, docId));

        JsonPath after = view(curator, docId);
        assertEquals(2, after.getInt("disagreements"));
        assertEquals(true, after.getBoolean("spans.find { it.start == 0 }.inGold"));
        assertEquals(2, after.getInt("spans.find { it.start == 0 }.agreement"));
        assertEquals(true, after.getBoolean("spans.find { it.start == 17 }.disagreement"));
        assertEquals(1, after.getInt("spans.find { it.start == 17 }.agreement"));
        assertEquals(true, after.getBoolean("relations[0].inGold"));
        assertEquals(List.of(a, b), after.getList("relations[0].proposers"));
        JsonPath gold = gold(curator, docId);
        assertEquals(List.of("COUNTRY 10-15", "PERSON 0-3"), spans(gold));
        assertEquals(List.of("LEADER_OF"), gold.getList("relations.label"));
    }

    @Test
    void startingTwiceCopiesNothingTwice() {
        twoAnnotatorsPartlyAgree();
        assertEquals(3, start(curator, docId));
        assertEquals(0, start(curator, docId));
        assertEquals(2, gold(curator, docId).getList("spans").size());
        assertEquals(1, gold(curator, docId).getList("relations").size());
    }

    @Test
    void aLowerShareAlsoPreAcceptsWhatTwoOfThreeAgreeOnWithUndirectedRelationsEitherWay() {
        Api.assignAll(projectId, manager, a, b, c);
        // All three: Kim. a and b: China and Russia as COUNTRY, allied (a China→Russia, b Russia→China: ALLY_OF is
        // undirected, so that is one relation). c: China as ORGANIZATION, and Korea.
        for (String annotator : List.of(a, b, c)) {
            span(annotator, docId, 0, 3, "PERSON");
        }
        long chinaA = span(a, docId, 17, 22, "COUNTRY");
        long russiaA = span(a, docId, 27, 33, "COUNTRY");
        relation(a, docId, chinaA, russiaA, "ALLY_OF");
        long chinaB = span(b, docId, 17, 22, "COUNTRY");
        long russiaB = span(b, docId, 27, 33, "COUNTRY");
        relation(b, docId, russiaB, chinaB, "ALLY_OF");
        span(c, docId, 17, 22, "ORGANIZATION");
        span(c, docId, 10, 15, "COUNTRY");

        Api.as(manager).body(Map.of("preAcceptShare", 0.6)).put("/api/projects/" + projectId + "/curation")
                .then().statusCode(200).body("preAcceptShare", equalTo(0.6f));
        JsonPath view = view(curator, docId);
        // 0.6 of 3 annotators is 1.8: two must agree.
        assertEquals(2, view.getInt("required"));
        assertEquals(1, view.getList("relations").size());
        assertEquals(List.of(a, b), view.getList("relations[0].proposers"));

        assertEquals(4, start(curator, docId));
        JsonPath gold = gold(curator, docId);
        assertEquals(List.of("COUNTRY 17-22", "COUNTRY 27-33", "PERSON 0-3"), spans(gold));
        assertEquals(List.of("ALLY_OF"), gold.getList("relations.label"));
        JsonPath after = view(curator, docId);
        assertEquals(2, after.getInt("disagreements"));
        assertEquals(true, after.getBoolean("spans.find { it.label == 'ORGANIZATION' }.disagreement"));
        assertEquals(true, after.getBoolean("spans.find { it.start == 10 }.disagreement"));
    }

    @Test
    void atTheDefaultShareOnlyWhatAllThreeAgreeOnIsPreAccepted() {
        Api.assignAll(projectId, manager, a, b, c);
        for (String annotator : List.of(a, b, c)) {
            span(annotator, docId, 0, 3, "PERSON");
        }
        span(a, docId, 17, 22, "COUNTRY");
        span(b, docId, 17, 22, "COUNTRY");
        assertEquals(1, start(curator, docId));
        assertEquals(List.of("PERSON 0-3"), spans(gold(curator, docId)));
    }

    @Test
    void acceptingADiscontinuousSpanKeepsItsPiecesAndLinks() {
        Api.assignAll(projectId, manager, a);
        Api.as(a).body(Map.of("label", "COUNTRY", "fragments", List.of(List.of(17, 22), List.of(27, 33)),
                "links", List.of(Map.of("resource", "Wikidata", "id", "Q148"))))
                .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(201);
        start(curator, docId);
        String key = view(curator, docId).getString("spans.find { it.start == 17 }.key");
        Api.as(curator).body(Map.of("key", key)).post("/api/documents/" + docId + "/curation/accept")
                .then().statusCode(200);
        JsonPath gold = gold(curator, docId);
        assertEquals(List.of(List.of(17, 22), List.of(27, 33)), gold.getList("spans[0].fragments"));
        assertEquals("Q148", gold.getString("spans[0].links[0].id"));
    }

    @Test
    void aDiscontinuousSpanAndAContiguousOneWithTheSameBoundsAreTwoAnnotations() {
        Api.assignAll(projectId, manager, a, b);
        Api.as(a).body(Map.of("label", "COUNTRY", "fragments", List.of(List.of(17, 22), List.of(27, 33))))
                .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(201);
        span(b, docId, 17, 33, "COUNTRY");
        start(curator, docId);
        JsonPath merged = view(curator, docId);
        assertEquals(2, merged.getList("spans.findAll { it.start == 17 && it.end == 33 }").size());
        assertEquals(List.of(List.of(a), List.of(b)),
                merged.getList("spans.findAll { it.start == 17 && it.end == 33 }.proposers"));
        assertEquals(List.of(), spans(gold(curator, docId)), "neither is agreed on, so nothing is pre-accepted");
    }

    @Test
    void acceptingARelationBringsItsArgumentSpans() {
        Api.assignAll(projectId, manager, a, b);
        long kim = span(a, docId, 0, 3, "PERSON");
        long korea = span(a, docId, 10, 15, "COUNTRY");
        relation(a, docId, kim, korea, "LEADER_OF");
        assertEquals(0, start(curator, docId));
        String key = view(curator, docId).getString("relations[0].key");

        Api.as(curator).body(Map.of("key", key)).post("/api/documents/" + docId + "/curation/accept")
                .then().statusCode(200).body("key", equalTo(key));

        JsonPath gold = gold(curator, docId);
        assertEquals(List.of("COUNTRY 10-15", "PERSON 0-3"), spans(gold));
        assertEquals(List.of("LEADER_OF"), gold.getList("relations.label"));
        assertEquals(0, view(curator, docId).getInt("disagreements"));
        // Accepting again changes nothing.
        Api.as(curator).body(Map.of("key", key)).post("/api/documents/" + docId + "/curation/accept")
                .then().statusCode(200);
        assertEquals(2, gold(curator, docId).getList("spans").size());
    }

    @Test
    void rejectingEndsADisagreementAndTakesAnAnnotationOutOfGold() {
        twoAnnotatorsPartlyAgree();
        start(curator, docId);
        Api.as(curator).body(Map.of("key", spanKey(17, 22, "COUNTRY")))
                .post("/api/documents/" + docId + "/curation/reject").then().statusCode(200);
        JsonPath view = view(curator, docId);
        assertEquals(true, view.getBoolean("spans.find { it.start == 17 }.rejected"));
        assertEquals(false, view.getBoolean("spans.find { it.start == 17 }.disagreement"));
        assertEquals(1, view.getInt("disagreements"));

        // Rejecting a pre-accepted span takes it and its relation out of gold; starting again leaves it out.
        Api.as(curator).body(Map.of("key", spanKey(0, 3, "PERSON")))
                .post("/api/documents/" + docId + "/curation/reject").then().statusCode(200);
        assertEquals(List.of("COUNTRY 10-15"), spans(gold(curator, docId)));
        assertEquals(0, gold(curator, docId).getList("relations").size());
        assertEquals(0, start(curator, docId));
        assertEquals(List.of("COUNTRY 10-15"), spans(gold(curator, docId)));

        // Taken back, the span is a disagreement again.
        Api.as(curator).queryParam("key", spanKey(17, 22, "COUNTRY"))
                .delete("/api/documents/" + docId + "/curation/rejections").then().statusCode(200);
        assertEquals(true, view(curator, docId).getBoolean("spans.find { it.start == 17 }.disagreement"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRenamedLabelShowsInTheMergedViewAtOnce() {
        // A rename changes no layer's version: the view kept for the layers' versions must not be answered again.
        twoAnnotatorsPartlyAgree();
        assertEquals(List.of(a, b), view(curator, docId).getList("spans.find { it.label == 'PERSON' }.proposers"));
        Map<String, Object> schema = Api.as(manager).get("/api/projects/" + projectId + "/schema").then()
                .statusCode(200).extract().as(Map.class);
        List<Map<String, Object>> types = new ArrayList<>();
        for (Object type : (List<?>) schema.get("entityTypes")) {
            Map<String, Object> renamed = new HashMap<>((Map<String, Object>) type);
            renamed.computeIfPresent("name", (k, name) -> name.equals("PERSON") ? "LEADER" : name);
            types.add(renamed);
        }
        Map<String, Object> changed = new HashMap<>(schema);
        changed.put("entityTypes", types);
        Api.as(manager).body(changed).put("/api/projects/" + projectId + "/schema").then().statusCode(200);
        JsonPath view = view(curator, docId);
        assertEquals(List.of(a, b), view.getList("spans.find { it.label == 'LEADER' }.proposers"));
        assertEquals(List.of(), view.getList("spans.findAll { it.label == 'PERSON' }"));
    }

    @Test
    void aStaleGoldVersionIsRefusedWith412() {
        twoAnnotatorsPartlyAgree();
        String etag = Api.as(curator).get("/api/documents/" + docId + "/curation").then().statusCode(200)
                .extract().header("ETag");
        start(curator, docId);
        Api.as(curator).header("If-Match", etag).body(Map.of("key", spanKey(17, 22, "COUNTRY")))
                .post("/api/documents/" + docId + "/curation/accept").then().statusCode(412);
        assertEquals(2, gold(curator, docId).getList("spans").size());
    }

    @Test
    void annotatorsGetNotFoundAndBadInputNamesTheField() {
        twoAnnotatorsPartlyAgree();
        Api.as(a).get("/api/documents/" + docId + "/curation").then().statusCode(404);
        Api.as(a).post("/api/documents/" + docId + "/curation/start").then().statusCode(404);
        Api.as(a).body(Map.of("key", spanKey(0, 3, "PERSON"))).post("/api/documents/" + docId + "/curation/accept")
                .then().statusCode(404);
        Api.as(c).get("/api/documents/" + docId + "/curation").then().statusCode(404);
        assertEquals(0, db.count("select count(*) from annotation_layers where document_id = ?1 and owner_kind = 'GOLD'",
                docId));
        String outsider = Api.newUser("cur-out");
        Api.as(outsider).get("/api/documents/" + docId + "/curation").then().statusCode(404);

        Api.as(curator).body(Map.of("preAcceptShare", 0.7)).put("/api/projects/" + projectId + "/curation")
                .then().statusCode(403);
        Api.as(a).get("/api/projects/" + projectId + "/curation").then().statusCode(403);
        Api.as(manager).body(Map.of("preAcceptShare", 0.3)).put("/api/projects/" + projectId + "/curation")
                .then().statusCode(400).body("field", equalTo("preAcceptShare"));
        Api.as(curator).body(Map.of("key", "s|1|2|NOPE")).post("/api/documents/" + docId + "/curation/accept")
                .then().statusCode(400).body("field", equalTo("key"));
        Api.as(curator).body(Map.of()).post("/api/documents/" + docId + "/curation/reject")
                .then().statusCode(400).body("field", equalTo("key"));
    }

    @Test
    void theGoldExportHasTheCuratedLayerOnceGoldIsDone() {
        twoAnnotatorsPartlyAgree();
        start(curator, docId);
        Api.as(curator).body(Map.of("key", spanKey(17, 22, "COUNTRY")))
                .post("/api/documents/" + docId + "/curation/accept").then().statusCode(200);
        String export = "/api/projects/" + projectId + "/export?format=jsonl&source=gold";
        assertEquals("", Api.as(curator).get(export).then().statusCode(200).extract().asString());
        Api.as(curator).body(Map.of("status", "DONE")).put("/api/documents/" + docId + "/layers/gold/status")
                .then().statusCode(200);
        assertEquals("DONE", view(curator, docId).getString("gold.status"));
        String line = Api.as(curator).get(export).then().statusCode(200).extract().asString();
        assertTrue(line.contains("\"annotator\":\"gold\""), line);
        assertTrue(line.contains("\"start\":17,\"end\":22,\"label\":\"COUNTRY\""), line);
        assertTrue(line.contains("\"label\":\"LEADER_OF\""), line);
        assertTrue(!line.contains("\"start\":27"), line);
    }

    @Test
    void preAcceptingCopiesTheFirstProposersAttributesAndNoteInOneVersionStep() {
        Api.assignAll(projectId, manager, a, b);
        for (String annotator : List.of(a, b)) {
            Api.as(annotator).body(Map.of("start", 0, "end", 3, "label", "PERSON",
                    "attributes", Map.of("Negated", true), "note", "said by " + annotator))
                    .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(201);
            span(annotator, docId, 10, 15, "COUNTRY");
        }
        // a sorts before b: a's note is the one copied.
        String first = a.compareTo(b) < 0 ? a : b;
        assertEquals(2, start(curator, docId));
        JsonPath gold = gold(curator, docId);
        assertEquals(1, gold.getLong("version"));
        assertEquals("IN_PROGRESS", gold.getString("status"));
        assertEquals(true, gold.getBoolean("spans.find { it.start == 0 }.attributes.Negated"));
        assertEquals("said by " + first, gold.getString("spans.find { it.start == 0 }.note"));
        assertEquals(1, db.count("select count(*) from audit_events where entity = 'curation' and action = 'pre-accept'"
                + " and entity_id = ?1", docId));
    }
}
