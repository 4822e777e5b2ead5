package org.relata.annotation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WorkspacePagesTest {

    @Inject
    Db db;

    String manager;
    String annotator;
    long projectId;
    long first;
    long second;

    @BeforeEach
    void project() {
        manager = Api.newUser("pm");
        annotator = Api.newUser("ann");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        first = db.document(projectId, "a-first", "First text.");
        second = db.document(projectId, "b-second", "Second text.");
        Api.assignAll(projectId, manager, annotator);
    }

    @Test
    void aMemberGetsTheWorkspaceOfADocument() {
        Api.as(annotator).get("/documents/" + first + "/annotate").then().statusCode(200)
                .body(containsString("data-document=\"" + first + "\""))
                .body(containsString("<h1 class=\"ws-title\">a-first</h1>"))
                .body(containsString("/js/workspace/main.js"));
    }

    @Test
    void someoneOutsideTheProjectGetsNotFound() {
        String outsider = Api.newUser("out");
        Api.as(outsider).get("/documents/" + first + "/annotate").then().statusCode(404);
        Api.as(outsider).get("/projects/" + projectId + "/annotate").then().statusCode(404);
    }

    @Test
    void anUnknownDocumentIsNotFound() {
        Api.as(annotator).get("/documents/999999999/annotate").then().statusCode(404);
    }

    @Test
    void startAnnotatingOpensTheFirstDocumentNotDoneYet() {
        Api.as(annotator).body(Map.of("status", "DONE")).put("/api/documents/" + first + "/layers/me/status")
                .then().statusCode(200);
        Api.as(annotator).redirects().follow(false).get("/projects/" + projectId + "/annotate")
                .then().statusCode(303).header("Location", endsWith("/documents/" + second + "/annotate"));
    }

    @Test
    void startAnnotatingWithEverythingDoneGoesBackToTheProject() {
        for (long doc : new long[] { first, second }) {
            Api.as(annotator).body(Map.of("status", "DONE")).put("/api/documents/" + doc + "/layers/me/status")
                    .then().statusCode(200);
        }
        Api.as(annotator).redirects().follow(false).get("/projects/" + projectId + "/annotate")
                .then().statusCode(303).header("Location", endsWith("/projects/" + projectId));
    }
}
