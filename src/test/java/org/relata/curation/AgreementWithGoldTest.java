package org.relata.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.curation.CurationFixtures.TEXT;
import static org.relata.curation.CurationFixtures.relation;
import static org.relata.curation.CurationFixtures.span;
import static org.relata.curation.CurationFixtures.spanKey;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.Sessions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Each annotator against gold (issue 11, item 1: "the agreement page can compare each annotator with gold").
 * Gold: Kim PERSON, Korea COUNTRY, China COUNTRY and LEADER_OF Kim → Korea.
 * a made exactly that: spans tp 3, fp 0, fn 0 → F1 1; relations tp 1 → F1 1.
 * b made Kim PERSON and China ORGANIZATION: spans tp 1 (Kim), fp 1 (China ORGANIZATION), fn 2 (Korea, China
 * COUNTRY) → F1 = 2·1 / (2·1 + 1 + 2) = 0.4, precision 1/2, recall 1/3; relations tp 0, fn 1 → F1 0.
 * (JSON numbers are read as floats here, hence the 1e-6.) The project figure is the mean over annotators: spans (1 + 0.4) / 2 = 0.7, relations 0.5.
 * A second document whose gold is not done does not count.
 */
@QuarkusTest
class AgreementWithGoldTest {

    @Inject
    Db db;

    @Test
    void eachAnnotatorIsComparedWithGoldOnceGoldIsDone() {
        String manager = Api.newUser("gold-pm");
        String a = Api.newUser("gold-a");
        String b = Api.newUser("gold-b");
        long projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, a, "ANNOTATOR");
        Api.addMember(projectId, manager, b, "ANNOTATOR");
        long docId = db.document(projectId, "kim", TEXT);
        long open = db.document(projectId, "open", TEXT);
        Api.assignAll(projectId, manager, a, b);
        for (long doc : new long[] {docId, open}) {
            long kim = span(a, doc, 0, 3, "PERSON");
            long korea = span(a, doc, 10, 15, "COUNTRY");
            relation(a, doc, kim, korea, "LEADER_OF");
            span(a, doc, 17, 22, "COUNTRY");
            span(b, doc, 0, 3, "PERSON");
            span(b, doc, 17, 22, "ORGANIZATION");
            for (String annotator : List.of(a, b)) {
                Api.as(annotator).body(Map.of("status", "DONE")).put("/api/documents/" + doc + "/layers/me/status")
                        .then().statusCode(200);
            }
        }
        for (long doc : new long[] {docId, open}) {
            String relationKey = CurationFixtures.view(manager, doc).getString("relations[0].key");
            Api.as(manager).body(Map.of("key", relationKey)).post("/api/documents/" + doc + "/curation/accept")
                    .then().statusCode(200);
            Api.as(manager).body(Map.of("key", spanKey(17, 22, "COUNTRY")))
                    .post("/api/documents/" + doc + "/curation/accept").then().statusCode(200);
        }
        Api.as(manager).body(Map.of("status", "DONE")).put("/api/documents/" + docId + "/layers/gold/status")
                .then().statusCode(200);

        JsonPath gold = Api.as(manager).get("/api/projects/" + projectId + "/agreement/gold").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, gold.getInt("documents"));
        assertEquals(List.of(a, b), gold.getList("annotators"));
        String pairA = "spans.exact.pairs.find { it.a == '" + a + "' }";
        String pairB = "spans.exact.pairs.find { it.a == '" + b + "' }";
        assertEquals("gold", gold.getString(pairA + ".b"));
        assertEquals(1.0, gold.getDouble(pairA + ".f1"), 1e-6);
        assertEquals(List.of(1, 1, 2), List.of(gold.getInt(pairB + ".tp"), gold.getInt(pairB + ".fp"),
                gold.getInt(pairB + ".fn")));
        assertEquals(0.4, gold.getDouble(pairB + ".f1"), 1e-6);
        assertEquals(0.7, gold.getDouble("spans.exact.f1"), 1e-6);
        assertEquals((1.0 + 0.5) / 2, gold.getDouble("spans.exact.precision"), 1e-6);
        assertEquals((1.0 + 1.0 / 3) / 2, gold.getDouble("spans.exact.recall"), 1e-6);
        assertEquals(0.0, gold.getDouble("relations.exact.pairs.find { it.a == '" + b + "' }.f1"), 1e-6);
        assertEquals(0.5, gold.getDouble("relations.exact.f1"), 1e-6);

        Api.as(a).get("/api/projects/" + projectId + "/agreement/gold").then().statusCode(403);

        // The agreement page shows the same figures in its "Each annotator against gold" table.
        String html = io.restassured.RestAssured.given().cookies(Sessions.login(manager, Api.PASSWORD))
                .get("/projects/" + projectId + "/agreement").then().statusCode(200).extract().asString();
        String table = html.substring(html.indexOf("Each annotator against gold"), html.indexOf("Annotator pairs"));
        assertTrue(table.contains("<td>" + b + "</td>"), table);
        assertTrue(table.contains(">0.40<"), table);
    }
}
