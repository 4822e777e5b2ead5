package org.relata.curation;

import java.util.List;
import java.util.Map;

import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.restassured.path.json.JsonPath;

/** A curation fixture built through the public API: annotators' spans and relations, and the curation calls. */
final class CurationFixtures {

    /** Kim [0,3) PERSON · Korea [10,15) · China [17,22) · Russia [27,33) COUNTRY (geopolitics schema of Api). */
    static final String TEXT = "Kim leads Korea; China and Russia.";

    private CurationFixtures() {
    }

    /** A project whose curator resolves what annotators a and b marked in {@link #TEXT} (document "kim"). */
    record TwoAnnotators(String manager, String curator, String a, String b, long projectId, long docId) {

        static TwoAnnotators create(Db db) {
            return create(db, "kim", TEXT);
        }

        /** The same people and roles around a document of one's own. */
        static TwoAnnotators create(Db db, String externalId, String text) {
            String manager = Api.newUser("curb-pm");
            String curator = Api.newUser("curb-cur");
            String a = Api.newUser("curb-a");
            String b = Api.newUser("curb-b");
            long projectId = Api.newProject(manager);
            Api.addMember(projectId, manager, curator, "CURATOR");
            Api.addMember(projectId, manager, a, "ANNOTATOR");
            Api.addMember(projectId, manager, b, "ANNOTATOR");
            long docId = db.document(projectId, externalId, text);
            Api.assignAll(projectId, manager, a, b);
            return new TwoAnnotators(manager, curator, a, b, projectId, docId);
        }
    }

    static long span(String user, long docId, int start, int end, String label) {
        return ((Number) Api.as(user).body(Map.of("start", start, "end", end, "label", label))
                .post("/api/documents/" + docId + "/layers/me/spans")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    static void relation(String user, long docId, long head, long tail, String label) {
        Api.as(user).body(Map.of("head", head, "tail", tail, "label", label))
                .post("/api/documents/" + docId + "/layers/me/relations").then().statusCode(201);
    }

    static JsonPath view(String curator, long docId) {
        return Api.as(curator).get("/api/documents/" + docId + "/curation").then().statusCode(200).extract().jsonPath();
    }

    static int start(String curator, long docId) {
        return Api.as(curator).post("/api/documents/" + docId + "/curation/start").then().statusCode(200)
                .extract().path("preAccepted");
    }

    /** The key of the merged view's span at these offsets with this label. */
    static String spanKey(int start, int end, String label) {
        return "s|" + start + "|" + end + "|" + label;
    }

    static JsonPath gold(String curator, long docId) {
        return Api.as(curator).get("/api/documents/" + docId + "/layers/gold").then().statusCode(200).extract().jsonPath();
    }

    /** "label start-end" of every span in a layer, sorted, for comparisons that read like the text. */
    static List<String> spans(JsonPath layer) {
        List<Map<String, Object>> spans = layer.getList("spans");
        return spans.stream().map(s -> s.get("label") + " " + s.get("start") + "-" + s.get("end")).sorted().toList();
    }
}
