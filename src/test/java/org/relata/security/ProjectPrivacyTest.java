package org.relata.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.addMember;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.asAdmin;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;
import static org.relata.testsupport.Api.uniqueName;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Guards issue 19 finding 5: no answer reveals a project the caller cannot see, creating projects is a right an
 * admin grants, a manager cannot enumerate usernames or add strangers, and a member can leave a project.
 */
@QuarkusTest
class ProjectPrivacyTest {

    @Inject
    Db db;

    private static String nameOf(String user, long projectId) {
        return as(user).get("/api/projects/" + projectId).then().statusCode(200).extract().path("name");
    }

    @Test
    void aHiddenProjectsNameIsNoLongerRefused() {
        String owner = newUser("owner");
        String outsider = newUser("outsider");
        long hidden = newProject(owner);
        String name = nameOf(owner, hidden);
        as(outsider).get("/api/projects/" + hidden).then().statusCode(404);
        // Before: 409 "A project named '…' exists already", which told the outsider the hidden project exists.
        as(outsider).body(Map.of("name", name)).post("/api/projects").then().statusCode(201)
                .body("name", equalTo(name));
    }

    @Test
    void twoUsersCanEachHaveAProjectNamedX() {
        String alice = newUser("alice");
        String bob = newUser("bob");
        String x = uniqueName("X");
        long a = ((Number) as(alice).body(Map.of("name", x)).post("/api/projects").then().statusCode(201)
                .extract().path("id")).longValue();
        long b = ((Number) as(bob).body(Map.of("name", x)).post("/api/projects").then().statusCode(201)
                .extract().path("id")).longValue();
        assertEquals(List.of(a), as(alice).get("/api/projects").then().extract().jsonPath()
                .getList("findAll { it.name == '" + x + "' }.id", Long.class));
        // Among the projects one can see, a name is still unique: 409 naming the field, on create and rename.
        as(alice).body(Map.of("name", x)).post("/api/projects").then().statusCode(409).body("field", equalTo("$.name"));
        long other = newProject(alice);
        as(alice).body(Map.of("name", x)).patch("/api/projects/" + other).then().statusCode(409)
                .body("field", equalTo("$.name"));
        // An admin sees both, so for the admin the name is taken; a member of both sees both too.
        asAdmin().body(Map.of("name", x)).post("/api/projects").then().statusCode(409).body("field", equalTo("$.name"));
        addMember(b, bob, alice, "ANNOTATOR");
        as(alice).get("/api/projects").then().body("findAll { it.name == '" + x + "' }.size()", equalTo(2));
        assertEquals(2, db.count("select count(*) from projects where name = ?1", x));
    }

    @Test
    void creatingProjectsIsARightAnAdminGrants() {
        String plain = Api.newUserWithoutProjectRight("plain");
        long id = ((Number) db.column("select id from users where username = ?1", plain).get(0)).longValue();
        asAdmin().get("/api/users").then().body("find { it.username == '" + plain + "' }.canCreateProjects",
                equalTo(false));
        as(plain).body(Map.of("name", uniqueName("Mine"))).post("/api/projects").then().statusCode(403);
        asAdmin().body(Map.of("canCreateProjects", true)).put("/api/users/" + id + "/rights").then().statusCode(200)
                .body("canCreateProjects", equalTo(true));
        as(plain).body(Map.of("name", uniqueName("Mine"))).post("/api/projects").then().statusCode(201);
        asAdmin().body(Map.of()).put("/api/users/" + id + "/rights").then().statusCode(400)
                .body("field", containsString("canCreateProjects"));
        as(plain).body(Map.of("canCreateProjects", true)).put("/api/users/" + id + "/rights").then().statusCode(403);
        // The column's default is false for accounts made outside the API too (V14).
        assertEquals(List.of("false"), db.column("select column_default from information_schema.columns"
                + " where table_name = 'users' and column_name = 'can_create_projects'"));
    }

    @Test
    void addingAMemberAnswersAlikeForNoSuchUserAndAStranger() {
        String manager = newUser("manager");
        String stranger = newUser("stranger");
        long project = newProject(manager);
        String base = "/api/projects/" + project + "/members/";
        Response unknown = as(manager).body(Map.of("role", "ANNOTATOR")).put(base + "nobody-" + System.nanoTime());
        Response notAllowed = as(manager).body(Map.of("role", "ANNOTATOR")).put(base + stranger);
        assertEquals(404, unknown.statusCode());
        assertEquals(404, notAllowed.statusCode());
        assertEquals(unknown.asString(), notAllowed.asString());
        // Removing does not tell them apart either.
        assertEquals(as(manager).delete(base + "nobody-" + System.nanoTime()).asString(),
                as(manager).delete(base + stranger).asString());
        as(stranger).get("/api/projects/" + project).then().statusCode(404);

        // Someone who shares a project with the manager may be added; an admin adds anyone.
        addMember(newProject(manager), manager, stranger, "ANNOTATOR");
        as(manager).body(Map.of("role", "CURATOR")).put(base + stranger).then().statusCode(200)
                .body("role", equalTo("CURATOR"));
        String other = newUser("other");
        asAdmin().body(Map.of("role", "ANNOTATOR")).put(base + other).then().statusCode(200);
    }

    @Test
    void theMembersPageCompletesOnlyPeopleTheManagerShares() {
        String manager = newUser("manager");
        String colleague = newUser("colleague");
        String member = newUser("member");
        String stranger = newUser("stranger");
        long project = newProject(manager);
        addMember(newProject(manager), manager, colleague, "ANNOTATOR");
        addMember(project, manager, member, "ANNOTATOR");
        String page = as(manager).accept("text/html").get("/projects/" + project + "/members").then().statusCode(200)
                .extract().asString();
        String candidates = page.substring(page.indexOf("<datalist"), page.indexOf("</datalist>"));
        org.hamcrest.MatcherAssert.assertThat(candidates, containsString("value=\"" + colleague + "\""));
        org.hamcrest.MatcherAssert.assertThat(candidates, not(containsString(stranger)));
        org.hamcrest.MatcherAssert.assertThat(candidates, not(containsString("value=\"" + member + "\"")));
        org.hamcrest.MatcherAssert.assertThat(candidates, not(containsString("value=\"" + manager + "\"")));
        String adminPage = asAdmin().accept("text/html").get("/projects/" + project + "/members").then().statusCode(200)
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(adminPage, containsString("value=\"" + stranger + "\""));
    }

    @Test
    void aMemberSeesTheProjectTheyWereAddedToAndCanLeaveIt() {
        String manager = newUser("manager");
        String annotator = newUser("annotator");
        long project = newProject(manager);
        String name = nameOf(manager, project);
        addMember(project, manager, annotator, "ANNOTATOR");
        as(annotator).get("/api/projects").then().body("find { it.id == " + project + " }.role", equalTo("ANNOTATOR"));

        as(annotator).delete("/api/projects/" + project + "/membership").then().statusCode(204);
        as(annotator).get("/api/projects/" + project).then().statusCode(404);
        as(annotator).get("/api/projects").then().body("name", not(hasItem(name)));
        as(annotator).delete("/api/projects/" + project + "/membership").then().statusCode(404);

        // The last manager cannot leave; once there is another, they can.
        as(manager).delete("/api/projects/" + project + "/membership").then().statusCode(409)
                .body("error", containsString("manager"));
        String second = newUser("second");
        addMember(project, manager, second, "MANAGER");
        as(manager).delete("/api/projects/" + project + "/membership").then().statusCode(204);
        as(second).get("/api/projects/" + project + "/members").then().body("username", equalTo(List.of(second)));
    }

    @Test
    void theLeaveButtonOnTheProjectPageEndsTheMembership() {
        String manager = newUser("manager");
        String curator = newUser("curator");
        long project = newProject(manager);
        addMember(project, manager, curator, "CURATOR");
        org.relata.testsupport.Sessions.Page page = org.relata.testsupport.Sessions.page(
                org.relata.testsupport.Sessions.login(curator, Api.PASSWORD), "/projects/" + project);
        org.hamcrest.MatcherAssert.assertThat(io.restassured.RestAssured.given().cookies(page.cookies())
                .get("/projects/" + project).asString(), containsString("action=\"/projects/" + project + "/leave\""));
        io.restassured.RestAssured.given().cookies(page.cookies()).redirects().follow(false)
                .contentType(io.restassured.http.ContentType.URLENC).formParam("csrf-token", page.csrfToken())
                .post("/projects/" + project + "/leave").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/"));
        as(curator).get("/api/projects/" + project).then().statusCode(404);
    }
}
