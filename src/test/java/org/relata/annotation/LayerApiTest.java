package org.relata.annotation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.relata.testsupport.Api.as;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.TeamDocument;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LayerApiTest {

    // "🇰🇵" is two code points (four UTF-16 units); CRLF counts as two code points.
    static final String TEXT = "🇰🇵 North Korea and China met.\r\nKim Jong Un visited Beijing.";
    static final int NORTH_KOREA = 3;
    static final int CHINA = TEXT.codePointCount(0, TEXT.indexOf("China"));
    static final int KIM = TEXT.codePointCount(0, TEXT.indexOf("Kim"));

    @Inject
    Db db;

    String manager;
    String annotator;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        TeamDocument team = TeamDocument.create(db, "manager", "annotator", "nk-1", TEXT);
        manager = team.manager();
        annotator = team.annotator();
        projectId = team.projectId();
        docId = team.docId();
    }

    String layer(String owner) {
        return "/api/documents/" + docId + "/layers/" + owner;
    }

    long addSpan(String user, int start, int end, String label) {
        return ((Number) as(user).body(Map.of("start", start, "end", end, "label", label))
                .post(layer("me") + "/spans").then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void spanOffsetsAreCodePointsAfterAnEmojiAndCrlf() {
        addSpan(annotator, NORTH_KOREA, NORTH_KOREA + 11, "COUNTRY");
        addSpan(annotator, KIM, KIM + 11, "PERSON");

        as(annotator).get(layer("me")).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("owner", equalTo(annotator))
                .body("status", equalTo("IN_PROGRESS"))
                .body("version", equalTo(2))
                .body("spans.start", contains(3, 31))
                .body("spans.end", contains(14, 42))
                .body("spans.label", contains("COUNTRY", "PERSON"));
        // The same offsets slice the text as Python would: text[31:42] == "Kim Jong Un".
        int[] codePoints = TEXT.codePoints().toArray();
        org.junit.jupiter.api.Assertions.assertEquals("Kim Jong Un", new String(codePoints, 31, 11));
    }

    @Test
    void aLayerNobodyWroteIsEmptyAndNew() {
        as(annotator).get(layer("me")).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("NEW"))
                .body("version", equalTo(0))
                .body("editable", is(true))
                .body("spans", empty())
                .body("relations", empty());
    }

    @Test
    void spanOutsideTheTextOrWithUnknownLabelIsRefused() {
        int length = TEXT.codePointCount(0, TEXT.length());
        as(annotator).body(Map.of("start", 5, "end", length + 1, "label", "COUNTRY"))
                .post(layer("me") + "/spans").then().statusCode(400).body("field", equalTo("end"));
        as(annotator).body(Map.of("start", 5, "end", 5, "label", "COUNTRY"))
                .post(layer("me") + "/spans").then().statusCode(400).body("field", equalTo("end"));
        as(annotator).body(Map.of("start", 0, "end", 2, "label", "PLANET"))
                .post(layer("me") + "/spans").then().statusCode(400)
                .body("field", equalTo("label")).body("error", equalTo("The schema has no entity type 'PLANET'."));
        as(annotator).body(Map.of("start", 0, "end", 2, "label", "COUNTRY", "attributes", Map.of("Negated", "yes")))
                .post(layer("me") + "/spans").then().statusCode(400).body("field", equalTo("attributes.Negated"));
        addSpan(annotator, length - 1, length, "COUNTRY");
    }

    @Test
    void staleVersionIsRefusedWith412AndNothingChanges() {
        addSpan(annotator, NORTH_KOREA, NORTH_KOREA + 11, "COUNTRY");
        as(annotator).header("If-Match", "\"0\"").body(Map.of("start", CHINA, "end", CHINA + 5, "label", "COUNTRY"))
                .post(layer("me") + "/spans").then().statusCode(412).body("error", org.hamcrest.Matchers.containsString("Reload"));
        as(annotator).header("If-Match", "\"1\"").body(Map.of("start", CHINA, "end", CHINA + 5, "label", "COUNTRY"))
                .post(layer("me") + "/spans").then().statusCode(201).body("version", equalTo(2));
        as(annotator).get(layer("me")).then().body("spans", org.hamcrest.Matchers.hasSize(2));
    }

    @Test
    void concurrentWritersQueueAndOnlyOneWinsTheSameVersion() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> sameVersion = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int start = i;
                sameVersion.add(pool.submit(() -> as(annotator).header("If-Match", "\"0\"")
                        .body(Map.of("start", start, "end", start + 1, "label", "COUNTRY"))
                        .post(layer("me") + "/spans").statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var future : sameVersion) {
                statuses.add(future.get());
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            org.junit.jupiter.api.Assertions.assertEquals(5, statuses.stream().filter(s -> s == 412).count(), statuses.toString());

            List<java.util.concurrent.Future<Integer>> unconditional = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int start = 10 + i;
                unconditional.add(pool.submit(() -> as(annotator)
                        .body(Map.of("start", start, "end", start + 1, "label", "COUNTRY"))
                        .post(layer("me") + "/spans").statusCode()));
            }
            for (var future : unconditional) {
                org.junit.jupiter.api.Assertions.assertEquals(201, future.get());
            }
        } finally {
            pool.shutdown();
        }
        as(annotator).get(layer("me")).then().body("version", equalTo(7)).body("spans", org.hamcrest.Matchers.hasSize(7));
    }

    @Test
    void relationNeedsAnAllowedPairAndUndirectedTypesTakeEitherOrder() {
        long korea = addSpan(annotator, NORTH_KOREA, NORTH_KOREA + 11, "COUNTRY");
        long china = addSpan(annotator, CHINA, CHINA + 5, "COUNTRY");
        long kim = addSpan(annotator, KIM, KIM + 11, "PERSON");

        as(annotator).body(Map.of("head", korea, "tail", kim, "label", "LEADER_OF"))
                .post(layer("me") + "/relations").then().statusCode(400).body("field", equalTo("label"));
        as(annotator).body(Map.of("head", kim, "tail", korea, "label", "LEADER_OF", "attributes", Map.of("Certainty", "high")))
                .post(layer("me") + "/relations").then().statusCode(201);
        as(annotator).body(Map.of("head", china, "tail", korea, "label", "ALLY_OF"))
                .post(layer("me") + "/relations").then().statusCode(201);
        as(annotator).body(Map.of("head", china, "tail", korea, "label", "ALLY_OF"))
                .post(layer("me") + "/relations").then().statusCode(409);

        as(annotator).get(layer("me")).then()
                .body("relations.label", contains("LEADER_OF", "ALLY_OF"))
                .body("relations[0].head", equalTo((int) kim))
                .body("relations[0].attributes.Certainty", equalTo("high"));
    }

    @Test
    void deletingASpanDeletesItsRelationsAndSaysHowMany() {
        long korea = addSpan(annotator, NORTH_KOREA, NORTH_KOREA + 11, "COUNTRY");
        long china = addSpan(annotator, CHINA, CHINA + 5, "COUNTRY");
        long kim = addSpan(annotator, KIM, KIM + 11, "PERSON");
        as(annotator).body(Map.of("head", korea, "tail", china, "label", "ALLY_OF")).post(layer("me") + "/relations");
        as(annotator).body(Map.of("head", kim, "tail", korea, "label", "LEADER_OF")).post(layer("me") + "/relations");

        as(annotator).delete(layer("me") + "/spans/" + korea).then().statusCode(200)
                .body("relationsDeleted", equalTo(2)).body("version", equalTo(6));
        as(annotator).get(layer("me")).then().body("spans.id", contains((int) china, (int) kim)).body("relations", empty());
    }

    @Test
    void patchChangesOnlyTheFieldsSent() {
        long span = addSpan(annotator, NORTH_KOREA, NORTH_KOREA + 5, "COUNTRY");
        as(annotator).body(Map.of("end", NORTH_KOREA + 11, "note", "whole name", "attributes", Map.of("Negated", true)))
                .patch(layer("me") + "/spans/" + span).then().statusCode(200).body("version", equalTo(2));
        as(annotator).body(Map.of("label", "ORGANIZATION")).patch(layer("me") + "/spans/" + span).then().statusCode(200);
        as(annotator).body(Map.of("colour", "red")).patch(layer("me") + "/spans/" + span).then().statusCode(400)
                .body("field", equalTo("colour"));

        as(annotator).get(layer("me")).then()
                .body("spans[0].start", equalTo(NORTH_KOREA)).body("spans[0].end", equalTo(NORTH_KOREA + 11))
                .body("spans[0].label", equalTo("ORGANIZATION")).body("spans[0].note", equalTo("whole name"))
                .body("spans[0].attributes.Negated", is(true));
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("note", null);
        as(annotator).body(clear).patch(layer("me") + "/spans/" + span).then().statusCode(200);
        as(annotator).get(layer("me")).then().body("spans[0].note", nullValue());
    }

    @Test
    void relabellingASpanCannotBreakItsRelations() {
        long korea = addSpan(annotator, NORTH_KOREA, NORTH_KOREA + 11, "COUNTRY");
        long kim = addSpan(annotator, KIM, KIM + 11, "PERSON");
        long relation = ((Number) as(annotator).body(Map.of("head", kim, "tail", korea, "label", "LEADER_OF"))
                .post(layer("me") + "/relations").then().statusCode(201).extract().path("id")).longValue();
        as(annotator).body(Map.of("label", "COUNTRY")).patch(layer("me") + "/spans/" + kim).then().statusCode(400)
                .body("field", equalTo("label"));
        as(annotator).body(Map.of("head", korea, "tail", kim)).patch(layer("me") + "/relations/" + relation)
                .then().statusCode(400);
        as(annotator).body(Map.of("note", "since 2011")).patch(layer("me") + "/relations/" + relation)
                .then().statusCode(200);
        as(annotator).delete(layer("me") + "/relations/" + relation).then().statusCode(200).body("version", equalTo(5));
        as(annotator).get(layer("me")).then().body("relations", empty()).body("spans", org.hamcrest.Matchers.hasSize(2));
    }

    @Test
    void doneMarksTheLayerAndReopenWorks() {
        as(annotator).body(Map.of("status", "DONE")).put(layer("me") + "/status").then().statusCode(200)
                .body("version", equalTo(1));
        as(annotator).get(layer("me")).then().body("status", equalTo("DONE"));
        as(annotator).body(Map.of("status", "NEW")).put(layer("me") + "/status").then().statusCode(400)
                .body("field", equalTo("status"));
        as(annotator).body(Map.of("status", "IN_PROGRESS")).put(layer("me") + "/status").then().statusCode(200);
        as(annotator).get(layer("me")).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void documentTextAndMetaAreServedWhole() {
        as(annotator).get("/api/documents/" + docId).then().statusCode(200)
                .body("externalId", equalTo("nk-1")).body("text", equalTo(TEXT))
                .body("projectId", equalTo((int) projectId));
    }

    @Test
    void documentListShowsTheLayersTheCallerMaySee() {
        String other = Api.newUser("other");
        Api.addMember(projectId, manager, other, "ANNOTATOR");
        Api.assignAll(projectId, manager, other);
        addSpan(annotator, 0, 2, "COUNTRY");
        addSpan(other, 0, 2, "COUNTRY");
        as(manager).body(Map.of("start", 0, "end", 2, "label", "COUNTRY")).post(layer("gold") + "/spans")
                .then().statusCode(201);
        db.documents(projectId, 3);
        Api.assignAll(projectId, manager, annotator);

        as(annotator).get("/api/projects/" + projectId + "/documents?page=0&size=2").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items", org.hamcrest.Matchers.hasSize(2))
                .body("items[0].externalId", equalTo("nk-1"))
                .body("items[0].length", equalTo(TEXT.codePointCount(0, TEXT.length())))
                .body("items[0].layers.owner", contains(annotator));
        as(manager).get("/api/projects/" + projectId + "/documents").then().statusCode(200)
                .body("items[0].layers.owner", org.hamcrest.Matchers.containsInAnyOrder("gold", annotator, other));
        as(annotator).get("/api/projects/" + projectId + "/documents?size=5000").then().statusCode(400);
    }

    @Test
    void queueGivesProgressAndTheNextUnfinishedDocument() {
        db.documents(projectId, 2);
        Api.assignAll(projectId, manager, annotator);
        List<Integer> ids = as(annotator).get("/api/projects/" + projectId + "/documents").then()
                .extract().path("items.id");
        as(annotator).get("/api/projects/" + projectId + "/queue").then().statusCode(200)
                .body("total", equalTo(3)).body("done", equalTo(0)).body("next.id", equalTo(ids.get(0)));
        as(annotator).body(Map.of("status", "DONE")).put(layer("me") + "/status").then().statusCode(200);
        as(annotator).get("/api/projects/" + projectId + "/queue?after=" + ids.get(0)).then()
                .body("done", equalTo(1)).body("next.id", equalTo(ids.get(1)));
        as(annotator).get("/api/projects/" + projectId + "/queue?after=" + ids.get(2)).then()
                .body("next.id", equalTo(ids.get(1)));
    }
}
