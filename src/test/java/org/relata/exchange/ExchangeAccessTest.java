package org.relata.exchange;

import org.relata.testsupport.Exchange;

import static org.relata.testsupport.Exchange.export;
import static org.relata.testsupport.Exchange.importJsonl;
import static org.relata.testsupport.Exchange.nativeFixture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Import needs MANAGER, export CURATOR: annotators get 403, non-members 404, anonymous 401. */
@QuarkusTest
class ExchangeAccessTest {

    String manager;
    long project;

    @BeforeEach
    void setUp() {
        manager = Api.newUser("pm");
        project = Api.newProject(manager);
    }

    String member(String role) {
        String user = Api.newUser(role.toLowerCase());
        Api.addMember(project, manager, user, role);
        return user;
    }

    @Test
    void nonMemberCannotImportOrEvenSeeTheProject() {
        String outsider = Api.newUser("out");
        importJsonl(outsider, project, "", nativeFixture()).then().statusCode(404);
        export(outsider, project, "").then().statusCode(404);
    }

    @Test
    void annotatorCannotImportOrExport() {
        String annotator = member("ANNOTATOR");
        importJsonl(annotator, project, "", nativeFixture()).then().statusCode(403);
        export(annotator, project, "").then().statusCode(403);
    }

    @Test
    void curatorExportsButCannotImport() {
        String curator = member("CURATOR");
        importJsonl(curator, project, "", nativeFixture()).then().statusCode(403);
        export(curator, project, "").then().statusCode(200);
    }

    @Test
    void anonymousGets401() {
        RestAssured.given().get("/api/projects/" + project + "/export").then().statusCode(401);
        RestAssured.given().contentType("application/x-ndjson").body("{}".getBytes()).post("/api/projects/" + project + "/import")
                .then().statusCode(401);
    }
}
