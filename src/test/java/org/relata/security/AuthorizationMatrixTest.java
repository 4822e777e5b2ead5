package org.relata.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.relata.security.AuthorizationRules.ALLOWED;
import static org.relata.testsupport.Api.ADMIN;
import static org.relata.testsupport.Api.ADMIN_PASSWORD;
import static org.relata.testsupport.Api.PASSWORD;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.relata.security.AuthorizationRules.Caller;
import org.relata.security.AuthorizationRules.Rule;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.Sessions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The authorization matrix (issue 12, item 1): every route the application declares (read from its JAX-RS
 * resource classes, so a new route without a rule fails) is called by each kind of caller, and answers the
 * status its rule in {@link AuthorizationRules} expects. Every refused write is proved to have changed nothing: a fingerprint of the main tables'
 * rows is the same before and after it. Permitted writes are not sent (they would change the shared fixture; the
 * feature tests cover them); permitted reads are, and must answer 200.
 *
 * <p>To add a route: add one {@code rule(...)} line in {@link AuthorizationRules#rules}.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** A route as declared: method, path template with regular expressions dropped, and how it is called. */
    record Route(String method, String template, boolean multipart, boolean stream) {
        String key() {
            return method + " " + template;
        }

        boolean page() {
            return !template.startsWith("/api/");
        }

        boolean write() {
            return !method.equals("GET");
        }
    }

    @Inject
    Db db;

    private static Fixture fixture;

    // ---------------------------------------------------------------------------------------------------------
    // The matrix

    @TestFactory
    Stream<DynamicTest> everyRouteTimesEveryCaller() {
        Map<String, Route> routes = declaredRoutes();
        if (fixture == null) {
            fixture = new Fixture(db);
        }
        List<Rule> rules = AuthorizationRules.rules(fixture);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every declared route has a rule", () -> {
            TreeSet<String> missing = new TreeSet<>(routes.keySet());
            rules.forEach(r -> missing.remove(r.key()));
            TreeSet<String> stale = new TreeSet<>();
            rules.stream().map(Rule::key).filter(k -> !routes.containsKey(k)).forEach(stale::add);
            assertTrue(missing.isEmpty(), "new route without a rule in AuthorizationRules: " + missing);
            assertTrue(stale.isEmpty(), "rule for a route the application no longer declares: " + stale);
        }));
        // Reads first, then writes, so that no permitted call runs between a refused write and its check.
        for (boolean writes : new boolean[] {false, true}) {
            for (Rule rule : rules) {
                Route route = routes.get(rule.key());
                if (route == null || route.write() != writes) {
                    continue;
                }
                for (Caller caller : Caller.values()) {
                    int expected = expected(route, rule, caller);
                    if (expected == ALLOWED && (route.write() || route.stream())) {
                        continue;
                    }
                    int status = expected == ALLOWED ? rule.allowedStatus() : expected;
                    tests.add(DynamicTest.dynamicTest(route.method() + " " + rule.path() + " as " + caller + " → "
                            + status, () -> check(route, rule, caller, status)));
                }
            }
        }
        return tests.stream();
    }

    /** Anonymous, disabled and revoked callers are refused before any rule: API 401, pages off to the login form. */
    static int expected(Route route, Rule rule, Caller caller) {
        if (rule.overrides().containsKey(caller)) {
            return rule.overrides().get(caller);
        }
        return switch (caller) {
            case ANONYMOUS, DISABLED, REVOKED_TOKEN -> route.page() ? 302 : 401;
            default -> rule.access().apply(caller);
        };
    }

    private void check(Route route, Rule rule, Caller caller, int expected) {
        String before = route.write() ? snapshot() : null;
        Response response = call(route, rule, caller);
        String what = route.method() + " " + rule.path() + " as " + caller;
        assertEquals(expected, response.statusCode(), what + " answered " + response.statusCode() + ": "
                + abbreviate(response.asString()));
        if (expected == 302 || expected == 303 && caller == Caller.ANONYMOUS) {
            String location = response.header("Location");
            assertEquals("/login", java.net.URI.create(location).getPath(), what + " redirects to " + location);
        }
        if (route.write()) {
            assertEquals(before, snapshot(), what + " was refused but changed the database");
        }
    }

    private Response call(Route route, Rule rule, Caller caller) {
        Fixture f = fixture;
        RequestSpecification spec = given().redirects().follow(false);
        if (caller == Caller.REVOKED_TOKEN) {
            spec.header("Authorization", "Bearer " + f.revokedToken);
        } else if (route.page()) {
            Sessions.Page page = f.pages.get(caller);
            spec.cookies(page.cookies());
            if (route.write()) {
                Map<String, String> fields = new LinkedHashMap<>(rule.form() == null ? Map.of() : rule.form());
                fields.put("csrf-token", page.csrfToken());
                if (route.multipart()) {
                    fields.forEach(spec::multiPart);
                    spec.multiPart("file", "schema.json", Api.geoSchema().toString().getBytes(), "application/json");
                } else {
                    spec.contentType(ContentType.URLENC).formParams(fields);
                }
            }
        } else if (caller == Caller.DISABLED) {
            spec.auth().preemptive().basic(f.user(caller), PASSWORD);
        } else if (caller != Caller.ANONYMOUS) {
            // A token rather than a password: checking a password hash on each of hundreds of calls is slow.
            spec.header("Authorization", "Bearer " + f.tokens.get(caller));
        }
        if (!route.page() && route.write()) {
            spec.contentType(ContentType.JSON).body(rule.body() == null ? Map.of() : rule.body());
        }
        return spec.request(route.method(), rule.path());
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    // ---------------------------------------------------------------------------------------------------------
    // "Nothing changed": a fingerprint of every row of the tables a write could touch

    /** Each table's rows; a token's last use is left out (the calls themselves present tokens). */
    private static final List<String> TABLES = List.of("users",
            "(select id, user_id, name, token_hash, created_at, revoked_at, expires_at from api_tokens)",
            "(select id, user_id, secret_hash, csrf_token, created_at from user_sessions)", "projects", "project_members",
            "project_deletions", "all_documents", "assignments", "annotation_layers", "spans", "relations",
            "entity_types", "relation_types", "relation_type_pairs", "attribute_defs", "releases",
            "curation_rejections", "suggestion_rejections", "suggestion_relation_rejections", "audit_events");

    private String snapshot() {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < TABLES.size(); i++) {
            if (i > 0) {
                sql.append(" || '|' || ");
            }
            String table = TABLES.get(i);
            if (table.startsWith("(")) {
                // Columns that change on every use (last used, last seen) are left out: hash the rest.
                sql.append("(select count(*) || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') from ")
                        .append(table).append(" x)");
            } else {
                // Every insert or update gives its row the writing transaction's id (xmin), newer than all before; a
                // delete lowers the count. Far cheaper than hashing every row (the tables hold all earlier tests'
                // data, which made this test take minutes), and stricter: it sees an update to the same values too.
                sql.append("(select count(*) || ':' || coalesce(max(x.xmin::text::bigint), 0) from ").append(table)
                        .append(" x)");
            }
        }
        return String.valueOf(db.column(sql.toString()).get(0));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The application's own route table: every JAX-RS resource class in org.relata

    static Map<String, Route> declaredRoutes() {
        Path root = Path.of("target", "classes");
        Map<String, Route> routes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/relata"))) {
            for (Path file : files.filter(x -> x.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        Thread.currentThread().getContextClassLoader());
                jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = httpMethod(m);
                    jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                    if (verb == null) {
                        if (sub != null) {
                            fail("sub-resource locator " + m + ": teach AuthorizationMatrixTest to follow it");
                        }
                        continue;
                    }
                    String template = join(base.value(), sub == null ? "" : sub.value());
                    Consumes consumes = m.getAnnotation(Consumes.class);
                    Produces produces = m.getAnnotation(Produces.class);
                    boolean multipart = consumes != null && List.of(consumes.value()).contains(MediaType.MULTIPART_FORM_DATA);
                    boolean stream = produces != null && List.of(produces.value()).contains(MediaType.SERVER_SENT_EVENTS);
                    Route route = new Route(verb, template, multipart, stream);
                    routes.put(route.key(), route);
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the application's resource classes", e);
        }
        assertTrue(routes.size() > 50, "found only " + routes.size() + " routes under " + root.toAbsolutePath());
        return routes;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** "/a/{id}" + "b/{x: re}" → "/a/{id}/b/{x}". */
    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    // ---------------------------------------------------------------------------------------------------------
    // One fixture project for every case, built once

    static final class Fixture {
        final Map<Caller, String> users = new EnumMap<>(Caller.class);
        final Map<Caller, Sessions.Page> pages = new EnumMap<>(Caller.class);
        final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
        final long project;
        final String projectName;
        final long doc;
        final long trashed;
        final long goldSpan;
        final long goldSpan2;
        final long goldRelation;
        final long entityType;
        final long relationType;
        final long entityType2;
        final long relationType2;
        final long attribute;
        final String schemaVersion;
        final String victim;
        final long victimId;
        final long managerToken;
        /** The id of the manager's browser session (theirs to end, nobody else's). */
        final String managerSession;
        final String revokedToken;
        /** Two annotators to compare, as the disagreement routes ask. */
        final String pair;

        Fixture(Db db) {
            users.put(Caller.ADMIN, ADMIN);
            for (Caller c : List.of(Caller.OUTSIDER, Caller.ANNOTATOR, Caller.CURATOR, Caller.MANAGER, Caller.DISABLED,
                    Caller.REVOKED_TOKEN)) {
                users.put(c, Api.newUser("mx-" + c.name().toLowerCase().replace('_', '-')));
            }
            users.put(Caller.OUTSIDER, Api.newUserWithoutProjectRight("mx-outsider"));
            String manager = users.get(Caller.MANAGER);
            project = Api.newProject(manager);
            projectName = (String) Api.as(manager).get("/api/projects/" + project).then().statusCode(200)
                    .extract().path("name");
            Api.addMember(project, manager, user(Caller.ANNOTATOR), "ANNOTATOR");
            Api.addMember(project, manager, user(Caller.CURATOR), "CURATOR");
            // Disabled and revoked callers would be managers: their credentials, not their role, must refuse them.
            Api.addMember(project, manager, user(Caller.DISABLED), "MANAGER");
            Api.addMember(project, manager, user(Caller.REVOKED_TOKEN), "MANAGER");

            doc = db.document(project, "mx-doc", "Kim Jong-un leads North Korea.");
            trashed = db.document(project, "mx-trashed", "To the trash.");
            Api.as(manager).delete("/api/documents/" + trashed).then().statusCode(204);
            Api.assignAll(project, manager, user(Caller.ANNOTATOR));
            String layer = "/api/documents/" + doc + "/layers/";
            for (Caller c : List.of(Caller.ANNOTATOR, Caller.CURATOR)) {
                Api.as(user(c)).body(Map.of("start", 0, "end", 11, "label", "PERSON"))
                        .post(layer + "me/spans").then().statusCode(201);
            }
            pair = "a=" + user(Caller.ANNOTATOR) + "&b=" + user(Caller.CURATOR);
            goldSpan = id(Api.as(manager).body(Map.of("start", 0, "end", 11, "label", "PERSON"))
                    .post(layer + "gold/spans"));
            goldSpan2 = id(Api.as(manager).body(Map.of("start", 18, "end", 29, "label", "COUNTRY"))
                    .post(layer + "gold/spans"));
            goldRelation = id(Api.as(manager).body(Map.of("head", goldSpan, "tail", goldSpan2, "label", "LEADER_OF"))
                    .post(layer + "gold/relations"));
            Api.as(manager).body(Map.of("name", "v1", "format", "jsonl", "source", "gold", "status", "any"))
                    .post("/api/projects/" + project + "/releases").then().statusCode(201);

            entityType = first(db, "select id from entity_types where project_id = ?1 order by id");
            relationType = first(db, "select id from relation_types where project_id = ?1 order by id");
            entityType2 = first(db, "select id from entity_types where project_id = ?1 order by id desc");
            relationType2 = first(db, "select id from relation_types where project_id = ?1 order by id desc");
            attribute = first(db, "select id from attribute_defs where project_id = ?1 order by id");
            schemaVersion = Api.as(manager).get("/api/projects/" + project + "/schema").then().statusCode(200)
                    .extract().header("ETag").replace("\"", "");

            victim = Api.newUser("mx-victim");
            victimId = ((Number) db.column("select id from users where username = ?1", victim).get(0)).longValue();
            managerToken = id(Api.as(manager).body(Map.of("name", "matrix")).post("/api/tokens"));
            Response revoked = Api.as(user(Caller.REVOKED_TOKEN)).body(Map.of("name", "revoked")).post("/api/tokens");
            revokedToken = revoked.then().statusCode(201).extract().path("token");
            Api.as(user(Caller.REVOKED_TOKEN)).delete("/api/tokens/" + id(revoked)).then().statusCode(204);
            for (Caller c : List.of(Caller.OUTSIDER, Caller.ANNOTATOR, Caller.CURATOR, Caller.MANAGER)) {
                tokens.put(c, Api.as(user(c)).body(Map.of("name", "matrix calls")).post("/api/tokens")
                        .then().statusCode(201).extract().path("token"));
            }
            tokens.put(Caller.ADMIN, Api.asAdmin().body(Map.of("name", "matrix calls")).post("/api/tokens")
                    .then().statusCode(201).extract().path("token"));

            // Browser sessions with their CSRF token; the disabled user's is taken before the account is disabled.
            pages.put(Caller.ANONYMOUS, Sessions.page(Map.of(), "/login"));
            for (Caller c : List.of(Caller.OUTSIDER, Caller.ANNOTATOR, Caller.CURATOR, Caller.MANAGER, Caller.DISABLED)) {
                pages.put(c, Sessions.page(Sessions.login(user(c), PASSWORD), "/"));
            }
            pages.put(Caller.ADMIN, Sessions.page(Sessions.login(ADMIN, ADMIN_PASSWORD), "/admin/users"));
            managerSession = given().cookies(pages.get(Caller.MANAGER).cookies()).get("/api/me/sessions").then()
                    .statusCode(200).extract().path("find { it.current }.id");
            Sessions.Page admin = pages.get(Caller.ADMIN);
            long disabledId = ((Number) db.column("select id from users where username = ?1", user(Caller.DISABLED))
                    .get(0)).longValue();
            given().redirects().follow(false).cookies(admin.cookies()).contentType(ContentType.URLENC)
                    .formParam("csrf-token", admin.csrfToken()).formParam("enabled", "false")
                    .post("/admin/users/" + disabledId + "/enabled").then().statusCode(303);
        }

        String user(Caller c) {
            return users.get(c);
        }

        private long first(Db db, String sql) {
            return ((Number) db.column(sql, project).get(0)).longValue();
        }

        private static long id(Response created) {
            return ((Number) created.then().statusCode(201).extract().path("id")).longValue();
        }
    }
}
