package org.relata.exchange;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Exchange.importJsonl;
import static org.relata.testsupport.Exchange.nativeFixture;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * GET /api/projects/{id}/export/count (issue 20, item 2): what an export with the same parameters would write, and
 * which layers are finished, so that the export page can explain an empty export instead of downloading it.
 */
@QuarkusTest
class ExportCountTest {

    String manager;
    String annotator;
    long project;

    /** An annotator finished the fixture's two documents (6 spans, 2 relations); a third document is untouched. */
    @BeforeEach
    void project() {
        manager = Api.newUser("pm");
        annotator = Api.newUser("ann");
        project = Api.newProject(manager);
        Api.addMember(project, manager, annotator, "ANNOTATOR");
        importJsonl(manager, project, "target=user:" + annotator, nativeFixture()).then().statusCode(200);
        importJsonl(manager, project, "", "{\"id\":\"doc-3\",\"text\":\"Open\"}\n").then().statusCode(200);
    }

    @Test
    void theDefaultGoldExportIsEmptyAndSaysWhichLayersAreFinished() {
        Api.as(manager).get("/api/projects/" + project + "/export/count").then().statusCode(200)
                .body("documents", equalTo(0)).body("spans", equalTo(0)).body("relations", equalTo(0))
                .body("finished.gold", equalTo(0)).body("finished.suggestions", equalTo(0))
                .body("finished.annotators." + annotator, equalTo(2));
    }

    @Test
    void countsMatchWhatTheExportWrites() {
        String query = "?source=all&status=done";
        Api.as(manager).get("/api/projects/" + project + "/export/count" + query).then().statusCode(200)
                .body("documents", equalTo(2)).body("spans", equalTo(6)).body("relations", equalTo(2));
        String written = Api.as(manager).get("/api/projects/" + project + "/export" + query).then().statusCode(200)
                .extract().asString();
        assertEquals(2, written.split("\n").length);

        // Gold with unfinished documents: every document comes, without annotations.
        Api.as(manager).get("/api/projects/" + project + "/export/count?source=gold&status=any").then().statusCode(200)
                .body("documents", equalTo(3)).body("spans", equalTo(0));
        Api.as(manager).get("/api/projects/" + project + "/export/count?source=user:" + annotator + "&status=any")
                .then().statusCode(200).body("documents", equalTo(3)).body("spans", equalTo(6));
    }

    @Test
    void badParametersAreRefusedAsTheExportRefusesThem() {
        Api.as(manager).get("/api/projects/" + project + "/export/count?split=train").then().statusCode(400)
                .body("field", equalTo("split"));
        Api.as(manager).get("/api/projects/" + project + "/export/count?status=some").then().statusCode(400)
                .body("field", equalTo("status")).body("error", containsString("done or any"));
    }

    @Test
    void onlyCuratorsAndManagersOfTheProjectMayCount() {
        Api.as(annotator).get("/api/projects/" + project + "/export/count").then().statusCode(403);
        Api.as(Api.newUser("stranger")).get("/api/projects/" + project + "/export/count").then().statusCode(404);
        String other = Api.newUser("pm2");
        long empty = Api.newProject(other);
        Api.as(other).get("/api/projects/" + empty + "/export/count").then().statusCode(200)
                .body("documents", equalTo(0)).body("finished.annotators", anEmptyMap());
    }

    @Test
    void theDownloadIsNamedAfterTheProjectAndTheDay() {
        String name = "Ostpolitik Überblick " + UUID.randomUUID().toString().substring(0, 4);
        long named = ((Number) Api.as(manager).body(Map.of("name", name)).post("/api/projects").then().statusCode(201).extract().path("id")).longValue();
        String disposition = Api.as(manager).get("/api/projects/" + named + "/export?status=any").then().statusCode(200)
                .extract().header("Content-Disposition");
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(disposition, containsString("filename=\"ostpolitik-uberblick-"));
        assertThat(disposition, containsString("-" + day + ".jsonl\""));
        assertThat(disposition, containsString("filename*=UTF-8''ostpolitik-%C3%BCberblick-"));
    }
}
