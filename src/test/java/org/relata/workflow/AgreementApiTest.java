package org.relata.workflow;

import static org.hamcrest.Matchers.closeTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.relata.testsupport.Api.as;
import static org.relata.workflow.TeamFixtures.TEXT;
import static org.relata.workflow.TeamFixtures.done;
import static org.relata.workflow.TeamFixtures.relation;
import static org.relata.workflow.TeamFixtures.span;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/**
 * Agreement figures against values worked out by hand. Text: "China and Russia." with tokens China, and, Russia, "."
 * (4 units). Annotator a sorts before b, so a is the reference of precision and recall.
 */
@QuarkusTest
class AgreementApiTest {

    static final double EPS = 1e-9;

    @Inject
    Db db;

    String manager;
    String a;
    String b;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        manager = Api.newUser("manager");
        a = Api.newUser("agree-a");
        b = Api.newUser("agree-b");
        projectId = TeamFixtures.project(manager, a, b);
        docId = db.document(projectId, "d1", TEXT);
    }

    ValidatableResponse agreement() {
        // figures as doubles: the default (float) would lose the precision the hand-worked values are checked to
        return as(manager).config(RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .get("/api/projects/" + projectId + "/agreement").then().statusCode(200);
    }

    /** Both: China and Russia COUNTRY, ALLY_OF between them. Tags of both: B-COUNTRY O B-COUNTRY O. */
    @Test
    void perfectAgreementScoresOne() {
        for (String user : new String[] {a, b}) {
            relation(user, docId, span(user, docId, 0, 5, "COUNTRY"), span(user, docId, 10, 16, "COUNTRY"), "ALLY_OF");
            done(user, docId);
        }
        agreement()
                .body("documents", equalTo(1))
                .body("annotators", contains(a, b))
                .body("spans.exact.f1", closeTo(1.0, EPS))
                .body("spans.exact.precision", closeTo(1.0, EPS))
                .body("spans.exact.recall", closeTo(1.0, EPS))
                .body("spans.exact.pairs[0].a", equalTo(a))
                .body("spans.exact.pairs[0].b", equalTo(b))
                .body("spans.exact.pairs[0].tp", equalTo(2))
                .body("spans.exact.pairs[0].fp", equalTo(0))
                .body("spans.exact.pairs[0].fn", equalTo(0))
                .body("spans.exact.labels.COUNTRY.f1", closeTo(1.0, EPS))
                .body("spans.overlap.f1", closeTo(1.0, EPS))
                .body("relations.exact.f1", closeTo(1.0, EPS))
                .body("relations.exact.pairs[0].tp", equalTo(1))
                .body("relations.overlap.labels.ALLY_OF.f1", closeTo(1.0, EPS))
                // p_o = 1, p_e = 0.5 * 0.5 + 0.5 * 0.5 = 0.5: kappa = (1 - 0.5) / (1 - 0.5) = 1
                .body("tokens.cohen[0].kappa", closeTo(1.0, EPS))
                .body("tokens.cohen[0].units", equalTo(4))
                .body("tokens.fleiss", closeTo(1.0, EPS))
                .body("tokens.alpha", closeTo(1.0, EPS));
    }

    /**
     * a: China COUNTRY; b: Russia PERSON. Spans: tp 0, fp 1, fn 1, F1 0. Tags a: B-C O O O, b: O O B-P O.
     * Cohen: p_o = 2/4, p_e = (3/4)(3/4) = 9/16, kappa = (8/16 - 9/16) / (7/16) = -1/7.
     * Fleiss (n = 2): P_i = 0, 1, 0, 1 so P̄ = 1/2; p = 1/8, 6/8, 1/8 so P̄_e = 38/64; kappa = (32/64 - 38/64) / (26/64) = -3/13.
     * Alpha: disagreeing units add (4 - 2)/1 = 2 each, sum 4; n = 8, n_c = 1, 6, 1: alpha = 1 - 7 * 4 / (64 - 38) = -1/13.
     */
    @Test
    void totalDisagreementScoresZeroAndNegativeKappa() {
        span(a, docId, 0, 5, "COUNTRY");
        span(b, docId, 10, 16, "PERSON");
        done(a, docId);
        done(b, docId);
        agreement()
                .body("spans.exact.f1", closeTo(0.0, EPS))
                .body("spans.exact.precision", closeTo(0.0, EPS))
                .body("spans.exact.pairs[0].tp", equalTo(0))
                .body("spans.exact.pairs[0].fp", equalTo(1))
                .body("spans.exact.pairs[0].fn", equalTo(1))
                .body("spans.overlap.f1", closeTo(0.0, EPS))
                .body("spans.exact.labels.COUNTRY.pairs[0].fn", equalTo(1))
                .body("spans.exact.labels.PERSON.pairs[0].fp", equalTo(1))
                .body("relations.exact.f1", nullValue())
                .body("tokens.cohen[0].kappa", closeTo(-1.0 / 7, EPS))
                .body("tokens.fleiss", closeTo(-3.0 / 13, EPS))
                .body("tokens.alpha", closeTo(-1.0 / 13, EPS));
    }

    /** Both done, nothing annotated: every figure is null, the counts are there. */
    @Test
    void noAnnotationsGiveNullNotNaN() {
        done(a, docId);
        done(b, docId);
        agreement()
                .body("documents", equalTo(1))
                .body("spans.exact.f1", nullValue())
                .body("spans.exact.precision", nullValue())
                .body("spans.exact.pairs[0].f1", nullValue())
                .body("spans.exact.pairs[0].tp", equalTo(0))
                .body("spans.exact.labels.size()", equalTo(0))
                .body("relations.overlap.f1", nullValue())
                .body("tokens.cohen[0].kappa", nullValue())
                .body("tokens.cohen[0].units", equalTo(4))
                .body("tokens.fleiss", nullValue())
                .body("tokens.alpha", nullValue());
    }

    /** Only a marked the document done: there is nothing to compare. */
    @Test
    void oneAnnotatorGivesNoFigures() {
        span(a, docId, 0, 5, "COUNTRY");
        span(b, docId, 0, 5, "COUNTRY");
        done(a, docId);
        agreement()
                .body("documents", equalTo(0))
                .body("annotators", empty())
                .body("spans.exact.f1", nullValue())
                .body("spans.exact.pairs", empty())
                .body("relations.exact.f1", nullValue())
                .body("tokens.cohen", empty())
                .body("tokens.fleiss", nullValue())
                .body("tokens.alpha", nullValue());
    }

    /**
     * a: China [0,5), Russia [10,16), ALLY_OF; b: "China and" [0,9), Russia, ALLY_OF.
     * Spans exact: Russia tp 1, China fn 1 and "China and" fp 1: F1 = 2/(2 + 2) = 0.5; overlap: tp 2, F1 1.
     * Relations exact: heads differ, tp 0, fp 1, fn 1, F1 0; overlap: tp 1, F1 1.
     * Tags a: B-C O B-C O; b: B-C I-C B-C O. p_o = 3/4; p_e = (2/4)(2/4) + (2/4)(1/4) = 3/8; kappa = (3/8)/(5/8) = 0.6.
     */
    @Test
    void overlappingButNotExactSpansMatchOnlyByOverlap() {
        relation(a, docId, span(a, docId, 0, 5, "COUNTRY"), span(a, docId, 10, 16, "COUNTRY"), "ALLY_OF");
        relation(b, docId, span(b, docId, 0, 9, "COUNTRY"), span(b, docId, 10, 16, "COUNTRY"), "ALLY_OF");
        done(a, docId);
        done(b, docId);
        agreement()
                .body("spans.exact.f1", closeTo(0.5, EPS))
                .body("spans.exact.pairs[0].tp", equalTo(1))
                .body("spans.overlap.f1", closeTo(1.0, EPS))
                .body("spans.overlap.pairs[0].tp", equalTo(2))
                .body("relations.exact.f1", closeTo(0.0, EPS))
                .body("relations.exact.pairs[0].fp", equalTo(1))
                .body("relations.overlap.f1", closeTo(1.0, EPS))
                .body("tokens.cohen[0].kappa", closeTo(0.6, EPS));
    }

    /**
     * a marks "China … Russia" as one discontinuous COUNTRY span, b marks China and Russia as two spans: agreement
     * counts a discontinuous span as its pieces, so the two agree completely (spans tp 2, tags B-C O B-C O for both).
     */
    @Test
    void aDiscontinuousSpanCountsAsItsPieces() {
        as(a).body(java.util.Map.of("label", "COUNTRY", "fragments", java.util.List.of(java.util.List.of(0, 5),
                java.util.List.of(10, 16)))).post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(201);
        span(b, docId, 0, 5, "COUNTRY");
        span(b, docId, 10, 16, "COUNTRY");
        done(a, docId);
        done(b, docId);
        agreement()
                .body("spans.exact.f1", closeTo(1.0, EPS))
                .body("spans.exact.pairs[0].tp", equalTo(2))
                .body("tokens.cohen[0].kappa", closeTo(1.0, EPS));
    }

    /**
     * Both mark China and Russia; a draws ALLY_OF and ATTACKS from China to Russia, b both from Russia to China.
     * ALLY_OF is undirected and matches; ATTACKS is directed and does not: tp 1, fp 1, fn 1, F1 = 2/4 = 0.5.
     */
    @Test
    void swappedDirectionMattersOnlyForDirectedRelations() {
        long aChina = span(a, docId, 0, 5, "COUNTRY");
        long aRussia = span(a, docId, 10, 16, "COUNTRY");
        relation(a, docId, aChina, aRussia, "ALLY_OF");
        relation(a, docId, aChina, aRussia, "ATTACKS");
        long bChina = span(b, docId, 0, 5, "COUNTRY");
        long bRussia = span(b, docId, 10, 16, "COUNTRY");
        relation(b, docId, bRussia, bChina, "ALLY_OF");
        relation(b, docId, bRussia, bChina, "ATTACKS");
        done(a, docId);
        done(b, docId);
        agreement()
                .body("relations.exact.f1", closeTo(0.5, EPS))
                .body("relations.exact.labels.ALLY_OF.f1", closeTo(1.0, EPS))
                .body("relations.exact.labels.ATTACKS.f1", closeTo(0.0, EPS))
                .body("relations.exact.labels.ATTACKS.pairs[0].fp", equalTo(1))
                .body("relations.exact.labels.ATTACKS.pairs[0].fn", equalTo(1))
                .body("relations.overlap.f1", closeTo(0.5, EPS));
    }

    /** a: China and Russia; b: Russia only. a is the reference: precision 1/1, recall 1/2, F1 = 2/(2 + 0 + 1) = 2/3. */
    @Test
    void precisionAndRecallTakeTheFirstAnnotatorAsReference() {
        span(a, docId, 0, 5, "COUNTRY");
        span(a, docId, 10, 16, "COUNTRY");
        span(b, docId, 10, 16, "COUNTRY");
        done(a, docId);
        done(b, docId);
        agreement()
                .body("spans.exact.precision", closeTo(1.0, EPS))
                .body("spans.exact.recall", closeTo(0.5, EPS))
                .body("spans.exact.f1", closeTo(2.0 / 3, EPS))
                .body("spans.exact.pairs[0].fn", equalTo(1));
    }

    /**
     * d1: a, b and c each mark China and Russia; d2: a marks China, b nothing, c never finishes. Fleiss needs every
     * annotator on a unit, so it rests on d1 alone: all agree, kappa 1. Alpha takes both: d1 adds no disagreement,
     * d2's first token (B-C, O) adds 2; n = 12 + 8 = 20 values, n_c = 7 B-C and 13 O: alpha = 1 - 19 * 2 / (400 - 49 - 169)
     * = 1 - 38/182 = 72/91. Cohen a-b over 8 units: p_o = 7/8, a has 3 B-C, b 2: p_e = (3/8)(2/8) + (5/8)(6/8) = 36/64,
     * kappa = (56/64 - 36/64) / (28/64) = 5/7. Span F1 a-b: tp 2, fn 1, F1 = 4/5; project F1 = (4/5 + 1 + 1) / 3.
     */
    @Test
    void fleissTakesDocumentsEveryoneFinishedAlphaTakesAll() {
        String c = Api.newUser("agree-c");
        Api.addMember(projectId, manager, c, "ANNOTATOR");
        long secondDoc = db.document(projectId, "d2", TEXT);
        for (String user : new String[] {a, b, c}) {
            span(user, docId, 0, 5, "COUNTRY");
            span(user, docId, 10, 16, "COUNTRY");
            done(user, docId);
        }
        span(a, secondDoc, 0, 5, "COUNTRY");
        done(a, secondDoc);
        done(b, secondDoc);
        agreement()
                .body("documents", equalTo(2))
                .body("annotators", contains(a, b, c))
                .body("tokens.fleiss", closeTo(1.0, EPS))
                .body("tokens.alpha", closeTo(72.0 / 91, EPS))
                .body("tokens.cohen[0].b", equalTo(b))
                .body("tokens.cohen[0].kappa", closeTo(5.0 / 7, EPS))
                .body("tokens.cohen[0].units", equalTo(8))
                .body("tokens.cohen[1].b", equalTo(c))
                .body("tokens.cohen[1].units", equalTo(4))
                .body("spans.exact.pairs[0].f1", closeTo(0.8, EPS))
                .body("spans.exact.f1", closeTo((0.8 + 1 + 1) / 3, EPS));
    }

    @Test
    void csvCarriesTheSameFigures() {
        span(a, docId, 0, 5, "COUNTRY");
        span(b, docId, 0, 5, "COUNTRY");
        done(a, docId);
        done(b, docId);
        String csv = as(manager).get("/api/projects/" + projectId + "/agreement?format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith(AgreementCsv.HEADER), csv);
        assertTrue(
                csv.contains("\nspans,exact,COUNTRY," + a + "," + b + ",1.0,1.0,1.0,1,0,0,,\n"), csv);
        assertTrue(csv.contains("\ntokens,cohen,," + a + "," + b + ",,,,,,,1.0,4\n"), csv);
    }

    @Test
    void onlyCuratorsAndManagersSeeAgreement() {
        String outsider = Api.newUser("outsider");
        as(a).get("/api/projects/" + projectId + "/agreement").then().statusCode(403);
        as(outsider).get("/api/projects/" + projectId + "/agreement").then().statusCode(404);
        as(manager).get("/api/projects/" + projectId + "/agreement?format=xml").then().statusCode(400)
                .body("field", equalTo("format"));
    }

    /**
     * d1: a has China and Russia, b only China: 1 unmatched span. d2: a has China COUNTRY, b China PERSON and an
     * ALLY_OF relation of their own between China and Russia: 2 unmatched spans (a's China, b's China) plus b's
     * Russia = 3, and 1 unmatched relation. d3: both the same: left out.
     */
    @Test
    void disagreementsListTheDocumentsWhereAPairDisagreesMostFirst() {
        long second = db.document(projectId, "d2", TEXT);
        long third = db.document(projectId, "d3", TEXT);
        span(a, docId, 0, 5, "COUNTRY");
        span(a, docId, 10, 16, "COUNTRY");
        span(b, docId, 0, 5, "COUNTRY");
        span(a, second, 0, 5, "COUNTRY");
        relation(b, second, span(b, second, 0, 5, "PERSON"), span(b, second, 10, 16, "COUNTRY"), "ALLY_OF");
        span(a, third, 0, 5, "COUNTRY");
        span(b, third, 0, 5, "COUNTRY");
        for (long doc : new long[] {docId, second, third}) {
            done(a, doc);
            done(b, doc);
        }
        as(manager).get("/api/projects/" + projectId + "/agreement/disagreements?a=" + a + "&b=" + b).then()
                .statusCode(200)
                .body("a", equalTo(a)).body("b", equalTo(b))
                .body("documents.externalId", contains("d2", "d1"))
                .body("documents[0].spans", equalTo(3))
                .body("documents[0].relations", equalTo(1))
                .body("documents[0].total", equalTo(4))
                .body("documents[1].spans", equalTo(1))
                .body("documents[1].relations", equalTo(0));
        as(manager).get("/api/projects/" + projectId + "/agreement/disagreements?a=" + a + "&b=" + b + "&limit=1")
                .then().statusCode(200).body("documents.externalId", contains("d2"));
        as(manager).get("/api/projects/" + projectId + "/agreement/disagreements?a=" + a).then().statusCode(400)
                .body("field", equalTo("b"));
        as(manager).get("/api/projects/" + projectId + "/agreement/disagreements?a=" + a + "&b=" + b + "&limit=0")
                .then().statusCode(400);
        as(a).get("/api/projects/" + projectId + "/agreement/disagreements?a=" + a + "&b=" + b).then().statusCode(403);
    }

    @Test
    void agreementIsComputedAgainWhenALayerChanges() {
        span(a, docId, 0, 5, "COUNTRY");
        span(b, docId, 0, 5, "COUNTRY");
        done(a, docId);
        done(b, docId);
        agreement().body("spans.exact.f1", closeTo(1.0, EPS));
        as(b).body(Map.of("status", "IN_PROGRESS")).put("/api/documents/" + docId + "/layers/me/status")
                .then().statusCode(200);
        span(b, docId, 10, 16, "COUNTRY");
        done(b, docId);
        // 2tp / (2tp + fp + fn) = 2 / (2 + 0 + 1)
        agreement().body("spans.exact.f1", closeTo(2.0 / 3, EPS));
    }
}
