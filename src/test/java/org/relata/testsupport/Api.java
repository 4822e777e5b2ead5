package org.relata.testsupport;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Builds fixtures through the public API, as users and scripts do. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String PASSWORD = "secret-password-1";

    private Api() {
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    public static RequestSpecification as(String username) {
        return as(username, PASSWORD);
    }

    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON);
    }

    /**
     * A new user with a unique name (tests share one database), whom the admin allowed to create projects (new
     * accounts start without that right; see {@link #newUserWithoutProjectRight}).
     */
    public static String newUser(String prefix) {
        return newUser(prefix, true);
    }

    /** A new user as an admin makes one by default: not allowed to create projects. */
    public static String newUserWithoutProjectRight(String prefix) {
        return newUser(prefix, false);
    }

    private static String newUser(String prefix, boolean canCreateProjects) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("username", username, "password", PASSWORD, "admin", false,
                        "canCreateProjects", canCreateProjects))
                .post("/api/users").then().statusCode(201);
        return username;
    }

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> geoSchema() {
        return Map.of(
                "entityTypes", List.of(
                        Map.of("name", "COUNTRY", "color", "#1f77b4", "hotkey", "c"),
                        Map.of("name", "PERSON", "color", "#ff7f0e", "hotkey", "p"),
                        Map.of("name", "ORGANIZATION", "color", "#2ca02c", "hotkey", "o")),
                "relationTypes", List.of(
                        Map.of("name", "ALLY_OF", "directed", false,
                                "allowed", List.of(Map.of("head", "COUNTRY", "tail", "COUNTRY"))),
                        Map.of("name", "LEADER_OF", "directed", true,
                                "allowed", List.of(Map.of("head", "PERSON", "tail", "COUNTRY")))),
                "attributes", List.of(
                        Map.of("name", "Negated", "on", "span"),
                        Map.of("name", "Certainty", "on", "relation", "values", List.of("low", "high"))));
    }

    /** A project managed by {@code manager}, with the geopolitics schema; returns its id. */
    public static long newProject(String manager) {
        return ((Number) as(manager)
                .body(Map.of("name", uniqueName("Project"), "description", "for a test", "schema", geoSchema()))
                .post("/api/projects")
                .then().statusCode(201)
                .extract().path("id")).longValue();
    }

    /**
     * Makes {@code username} a member of the project. The admin adds them: a manager may add only people who
     * already share a project with them (issue 19, finding 5), and a fixture's users usually share none yet.
     * {@code manager} names the project's manager for the reader; {@link #addMemberAs} adds as that manager.
     */
    public static void addMember(long projectId, String manager, String username, String role) {
        asAdmin().body(Map.of("role", role)).put("/api/projects/" + projectId + "/members/" + username)
                .then().statusCode(200);
    }

    /** Adds a member as the manager does it, through the same call. */
    public static void addMemberAs(String manager, long projectId, String username, String role) {
        as(manager).body(Map.of("role", role)).put("/api/projects/" + projectId + "/members/" + username)
                .then().statusCode(200);
    }

    /**
     * Assigns every document the project has now to each of the annotators, through the assignment API. Projects
     * are blind by default: an annotator sees only the documents assigned to them.
     */
    public static void assignAll(long projectId, String manager, String... annotators) {
        as(manager).body(Map.of("documents", "all", "annotators", List.of(annotators)))
                .post("/api/projects/" + projectId + "/assignments").then().statusCode(200);
    }

    /** Turns blind annotation off: annotators see every document, and each other's layers read-only. */
    public static void notBlind(long projectId, String manager) {
        as(manager).body(Map.of("blind", false)).patch("/api/projects/" + projectId).then().statusCode(200);
    }
}
