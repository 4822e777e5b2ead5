package org.relata.workflow;

import java.util.List;
import java.util.Map;

import org.relata.testsupport.Api;

/** A team project built through the public API: members, documents, annotations, layers marked done. */
final class TeamFixtures {

    /** "China and Russia." tokenises as China [0,5), and [6,9), Russia [10,16), . [16,17). */
    static final String TEXT = "China and Russia.";

    private TeamFixtures() {
    }

    /** COUNTRY and PERSON; ALLY_OF undirected and ATTACKS directed, both between any two spans. */
    static Map<String, Object> schema() {
        return Map.of(
                "entityTypes", List.of(
                        Map.of("name", "COUNTRY", "color", "#1f77b4"),
                        Map.of("name", "PERSON", "color", "#ff7f0e")),
                "relationTypes", List.of(
                        Map.of("name", "ALLY_OF", "directed", false),
                        Map.of("name", "ATTACKS", "directed", true)));
    }

    /**
     * A project that is not blind, so annotators may annotate any document without an assignment: these tests are
     * about the figures, which do not depend on who may see what (BlindAnnotationTest covers that).
     */
    static long project(String manager, String... annotators) {
        long projectId = ((Number) Api.as(manager)
                .body(Map.of("name", Api.uniqueName("Team"), "description", "team annotation", "schema", schema(),
                        "blind", false))
                .post("/api/projects").then().statusCode(201).extract().path("id")).longValue();
        for (String annotator : annotators) {
            Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        }
        return projectId;
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

    static void done(String user, long docId) {
        Api.as(user).body(Map.of("status", "DONE")).put("/api/documents/" + docId + "/layers/me/status")
                .then().statusCode(200);
    }
}
