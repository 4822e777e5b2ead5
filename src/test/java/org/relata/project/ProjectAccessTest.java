package org.relata.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.relata.testsupport.Api.addMember;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.asAdmin;
import static org.relata.testsupport.Api.geoSchema;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Who may call what, for every project endpoint: anonymous 401, outsider 404, annotator 403 on writes. */
@QuarkusTest
class ProjectAccessTest {

    String manager;
    String annotator;
    String outsider;
    long projectId;

    record Call(String name, boolean write, Function<RequestSpecification, Response> send) {
    }

    @BeforeEach
    void setUp() {
        manager = newUser("manager");
        annotator = newUser("annotator");
        outsider = newUser("outsider");
        projectId = newProject(manager);
        addMember(projectId, manager, annotator, "ANNOTATOR");
    }

    List<Call> calls() {
        String base = "/api/projects/" + projectId;
        String someone = newUser("someone");
        // A manager may add only people who share a project with them (issue 19, finding 5).
        addMember(newProject(manager), manager, someone, "ANNOTATOR");
        return List.of(
                new Call("get project", false, r -> r.get(base)),
                new Call("get schema", false, r -> r.get(base + "/schema")),
                new Call("list members", false, r -> r.get(base + "/members")),
                new Call("update project", true, r -> r.body(Map.of("description", "changed")).patch(base)),
                new Call("replace schema", true, r -> r.body(geoSchema()).put(base + "/schema")),
                new Call("set member", true, r -> r.body(Map.of("role", "CURATOR")).put(base + "/members/" + someone)),
                new Call("remove member", true, r -> r.delete(base + "/members/" + someone)));
    }

    @Test
    void anonymousCallersGet401() {
        for (Call call : calls()) {
            call.send.apply(given().contentType(ContentType.JSON)).then().statusCode(401)
                    .body("error", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void outsidersGet404ForEveryCall() {
        for (Call call : calls()) {
            int status = call.send.apply(as(outsider)).statusCode();
            org.junit.jupiter.api.Assertions.assertEquals(404, status, call.name());
        }
    }

    @Test
    void annotatorsReadButCannotChange() {
        for (Call call : calls()) {
            int status = call.send.apply(as(annotator)).statusCode();
            org.junit.jupiter.api.Assertions.assertEquals(call.write() ? 403 : 200, status, call.name());
        }
    }

    @Test
    void managersAndAdminsMayDoEverything() {
        for (Call call : calls()) {
            int status = call.send.apply(as(manager)).statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 200 || status == 204, call.name() + ": " + status);
        }
        for (Call call : calls()) {
            int status = call.send.apply(asAdmin()).statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 200 || status == 204, call.name() + ": " + status);
        }
    }

    @Test
    void projectListShowsOnlyMyProjects() {
        String name = as(manager).get("/api/projects/" + projectId).then().extract().path("name");
        as(annotator).get("/api/projects").then().statusCode(200).body("name", hasItem(name));
        as(outsider).get("/api/projects").then().statusCode(200).body("name", not(hasItem(name)));
        asAdmin().get("/api/projects").then().statusCode(200).body("name", hasItem(name));
    }

    @Test
    void setMemberAnswersTheRoleAndRejectsUnknownRoles() {
        String curator = newUser("curator");
        addMember(newProject(manager), manager, curator, "ANNOTATOR"); // a manager adds people they share a project with
        as(manager).body(Map.of("role", "CURATOR")).put("/api/projects/" + projectId + "/members/" + curator)
                .then().statusCode(200).body("role", equalTo("CURATOR")).body("username", equalTo(curator));
        as(manager).body(Map.of("role", "OWNER")).put("/api/projects/" + projectId + "/members/" + curator)
                .then().statusCode(400).body("field", equalTo("$.role"));
        as(manager).body(Map.of("role", "ANNOTATOR")).put("/api/projects/" + projectId + "/members/nobody-like-this")
                .then().statusCode(404);
    }

    @Test
    void theLastManagerCannotLeave() {
        as(manager).body(Map.of("role", "ANNOTATOR")).put("/api/projects/" + projectId + "/members/" + manager)
                .then().statusCode(409).body("error", org.hamcrest.Matchers.containsString("manager"));
        as(manager).delete("/api/projects/" + projectId + "/members/" + manager).then().statusCode(409);
    }

    @Test
    void onlyAdminsCreateUsers() {
        as(manager).body(Map.of("username", "x-" + System.nanoTime(), "password", "long-enough-1"))
                .post("/api/users").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("username", "y", "password", "long-enough-1"))
                .post("/api/users").then().statusCode(401);
    }

    @Test
    void duplicateProjectNamesAreRefused() {
        String name = as(manager).get("/api/projects/" + projectId).then().extract().path("name");
        as(manager).body(Map.of("name", name)).post("/api/projects").then().statusCode(409)
                .body("field", equalTo("$.name"));
    }
}
