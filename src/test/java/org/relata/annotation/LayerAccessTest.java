package org.relata.annotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.relata.testsupport.Api.as;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may read and write which layer: 404 for what the caller may not see, 403 for what they may only see. */
@QuarkusTest
class LayerAccessTest {

    static final Map<String, Object> SPAN = Map.of("start", 0, "end", 5, "label", "COUNTRY");

    @Inject
    Db db;

    String manager;
    String curator;
    String annotator;
    String otherAnnotator;
    String outsider;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        manager = Api.newUser("manager");
        curator = Api.newUser("curator");
        annotator = Api.newUser("annotator");
        otherAnnotator = Api.newUser("annotator");
        outsider = Api.newUser("outsider");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, curator, "CURATOR");
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        Api.addMember(projectId, manager, otherAnnotator, "ANNOTATOR");
        docId = db.document(projectId, "d1", "China and Russia.");
        Api.assignAll(projectId, manager, annotator, otherAnnotator);
    }

    String layer(String owner) {
        return "/api/documents/" + docId + "/layers/" + owner;
    }

    @Test
    void anonymousCallersMustLogIn() {
        given().get("/api/documents/" + docId).then().statusCode(401);
        given().get(layer("me")).then().statusCode(401);
        given().contentType(ContentType.JSON).body(SPAN).post(layer("me") + "/spans").then().statusCode(401);
        given().get("/api/projects/" + projectId + "/documents").then().statusCode(401);
        given().get("/api/projects/" + projectId + "/queue").then().statusCode(401);
    }

    @Test
    void nonMembersSeeNothing() {
        as(outsider).get("/api/documents/" + docId).then().statusCode(404).body("error", equalTo("No such document."));
        as(outsider).get(layer("me")).then().statusCode(404);
        as(outsider).body(SPAN).post(layer("me") + "/spans").then().statusCode(404);
        as(outsider).get("/api/projects/" + projectId + "/documents").then().statusCode(404);
        as(outsider).get("/api/projects/" + projectId + "/queue").then().statusCode(404);
        as(outsider).get("/api/documents/999999999").then().statusCode(404);
    }

    @Test
    void annotatorCannotReadOrWriteAnotherAnnotatorsLayer() {
        as(otherAnnotator).body(SPAN).post(layer("me") + "/spans").then().statusCode(201);
        as(annotator).get(layer(otherAnnotator)).then().statusCode(404);
        as(annotator).body(SPAN).post(layer(otherAnnotator) + "/spans").then().statusCode(404);
    }

    @Test
    void annotatorCannotSeeGoldButSeesSuggestionsReadOnly() {
        as(annotator).get(layer("gold")).then().statusCode(404);
        as(annotator).body(SPAN).post(layer("gold") + "/spans").then().statusCode(404);
        as(annotator).get(layer("suggestions")).then().statusCode(200).body("editable", is(false));
        as(annotator).body(SPAN).post(layer("suggestions") + "/spans").then().statusCode(403);
    }

    @Test
    void annotatorMayNameTheirOwnLayerByUsername() {
        as(annotator).body(SPAN).post(layer(annotator) + "/spans").then().statusCode(201);
        as(annotator).get(layer("me")).then().body("spans.size()", equalTo(1));
    }

    @Test
    void curatorReadsAnnotatorsLayersButWritesOnlyGold() {
        long span = ((Number) as(annotator).body(SPAN).post(layer("me") + "/spans").then().statusCode(201)
                .extract().path("id")).longValue();
        as(curator).get(layer(annotator)).then().statusCode(200).body("editable", is(false))
                .body("spans[0].id", equalTo((int) span));
        as(curator).body(SPAN).post(layer(annotator) + "/spans").then().statusCode(403);
        as(curator).delete(layer(annotator) + "/spans/" + span).then().statusCode(403);
        as(curator).body(SPAN).post(layer("gold") + "/spans").then().statusCode(201);
        as(curator).body(SPAN).post(layer("suggestions") + "/spans").then().statusCode(201);
        as(annotator).get(layer("me")).then().body("spans.size()", equalTo(1));
    }

    @Test
    void aSpanOfAnotherLayerCannotBeChangedThroughMine() {
        long theirs = ((Number) as(otherAnnotator).body(SPAN).post(layer("me") + "/spans").then().statusCode(201)
                .extract().path("id")).longValue();
        as(annotator).body(SPAN).post(layer("me") + "/spans").then().statusCode(201);
        as(annotator).delete(layer("me") + "/spans/" + theirs).then().statusCode(404);
        as(annotator).body(Map.of("label", "PERSON")).patch(layer("me") + "/spans/" + theirs).then().statusCode(404);
        long mine = ((Number) as(annotator).body(Map.of("start", 10, "end", 16, "label", "COUNTRY"))
                .post(layer("me") + "/spans").then().statusCode(201).extract().path("id")).longValue();
        as(annotator).body(Map.of("head", mine, "tail", theirs, "label", "ALLY_OF")).post(layer("me") + "/relations")
                .then().statusCode(400).body("field", equalTo("tail"));
        as(otherAnnotator).get(layer("me")).then().body("spans.size()", equalTo(1));
    }

    @Test
    void adminSeesAndCuratesEveryProject() {
        as(annotator).body(SPAN).post(layer("me") + "/spans").then().statusCode(201);
        Api.asAdmin().get(layer(annotator)).then().statusCode(200).body("spans.size()", equalTo(1));
        Api.asAdmin().body(SPAN).post(layer("gold") + "/spans").then().statusCode(201);
        Api.asAdmin().get("/api/projects/" + projectId + "/documents").then().statusCode(200)
                .body("items[0].layers.owner", org.hamcrest.Matchers.hasItems("gold", annotator));
    }
}
