package org.relata.annotation;

import org.relata.testsupport.WorkspaceFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;

/** The project's guidelines come with the workspace page, rendered from Markdown on the server and made inert. */
@QuarkusTest
class WorkspaceGuidelinesTest {

    @Inject
    Db db;

    @Inject
    WorkspaceFixtures fixtures;

    String annotator;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        String manager = Api.newUser("pm");
        annotator = Api.newUser("ann");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        docId = db.document(projectId, "a-doc", "Some text.");
        Api.assignAll(projectId, manager, annotator);
    }

    @Test
    void guidelinesShowTheirHeadingsListsLinksAndEmphasis() {
        fixtures.guidelines(projectId, "# Countries\n\nLabel *states* and **capitals**.\n\n"
                + "- see [the list](https://example.org/list)\n- not cities\n");
        Api.as(annotator).get("/documents/" + docId + "/annotate").then().statusCode(200)
                .body(containsString("<h3>Countries</h3>"))
                .body(containsString("<em>states</em>"))
                .body(containsString("<strong>capitals</strong>"))
                .body(containsString("<li>not cities</li>"))
                .body(containsString("<a href=\"https://example.org/list\" target=\"_blank\" "
                        + "rel=\"noopener noreferrer\">the list</a>"));
    }

    @Test
    void scriptsRawHtmlAndJavascriptLinksInGuidelinesAreInert() {
        fixtures.guidelines(projectId, "<script>alert(1)</script>\n\n"
                + "Read [this](javascript:alert(2)) and <a href=\"javascript:alert(3)\">that</a>.\n\n"
                + "<img src=x onerror=alert(4)> ![pic](javascript:alert(5))");
        Api.as(annotator).get("/documents/" + docId + "/annotate").then().statusCode(200)
                .body(not(containsString("<script>alert")))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsStringIgnoringCase("href=\"javascript")))
                .body(not(containsStringIgnoringCase("src=\"javascript")))
                .body(not(containsString("<img")))
                .body(containsString("Read this and &lt;a href=&quot;javascript:alert(3)&quot;&gt;that&lt;/a&gt;."));
    }

    @Test
    void aProjectWithoutGuidelinesSaysSo() {
        fixtures.guidelines(projectId, "");
        Api.as(annotator).get("/documents/" + docId + "/annotate").then().statusCode(200)
                .body(containsString("This project has no guidelines yet."));
    }
}
