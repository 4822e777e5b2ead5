package org.relata.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.Exchange;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * SQL injection over real HTTP (issue 12, threats table): strings that would break out of a quoted SQL literal, end a
 * statement, open a dollar-quoted string, escape a quote with a backslash or hide a NUL go into every free-text input
 * that reaches a query — the document list's filters and sort, the audit and security-log filters, usernames in paths
 * and parameters, layer owners, export parameters, label names, document ids, notes, project names. Each answer is
 * 2xx or 4xx, never 5xx (a broken statement surfaces as a 500); text that is stored comes back byte for byte; and the
 * project and the database's tables are exactly as before.
 */
@QuarkusTest
class SqlInjectionTest {

    /** Each breaks out of a differently quoted SQL context; none holds white space, so each is also a valid name. */
    static final List<String> HOSTILE = List.of(
            "'",
            "'OR'1'='1",
            "';DROP/**/TABLE/**/documents;--",
            "x'||(select/**/password_hash/**/from/**/users/**/limit/**/1)||'",
            "$$;DROP/**/TABLE/**/projects;$$",
            "$tag$'$tag$",
            "\\'",
            "\\",
            "%_%",
            "\"--",
            "1)/**/OR/**/(1=1",
            "-id;select/**/pg_sleep(30)");

    /** The same breakouts as free text, with spaces and a NUL where a query parameter may carry one. */
    static final List<String> HOSTILE_TEXT = List.of(
            "'; DROP TABLE documents; --",
            "' OR '1'='1' --",
            "$$ ; DELETE FROM users; $$",
            "O'Brien \\' \" ` -- /* */",
            "\u0000'; DROP TABLE users; --");

    @Inject
    Db db;

    String manager;
    long project;
    long doc;
    String gold;
    long span;

    @BeforeEach
    void project() {
        manager = Api.newUser("sqli");
        project = Api.newProject(manager);
        doc = db.document(project, "plain", "North Korea and China met.");
        gold = "/api/documents/" + doc + "/layers/gold";
        span = ((Number) Api.as(manager).body(Map.of("start", 0, "end", 11, "label", "COUNTRY"))
                .post(gold + "/spans").then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void hostileQueryParametersAndPathNamesAreAnsweredWithoutAServerErrorAndChangeNothing() {
        String before = snapshot();
        List<String> problems = new ArrayList<>();
        String p = "/api/projects/" + project;
        for (String h : concat(HOSTILE, HOSTILE_TEXT)) {
            Map<String, Function<RequestSpecification, Response>> calls = new java.util.LinkedHashMap<>();
            for (String filter : List.of("sort", "status", "annotator", "owner", "after")) {
                calls.put("document list " + filter, r -> r.queryParam(filter, h).get(p + "/documents"));
                calls.put("project page " + filter, r -> r.queryParam(filter, h).get("/projects/" + project));
            }
            for (String filter : List.of("user", "document", "before")) {
                calls.put("audit " + filter, r -> r.queryParam(filter, h).get(p + "/audit"));
                calls.put("audit page " + filter, r -> r.queryParam(filter, h).get("/projects/" + project + "/audit"));
            }
            calls.put("assignments annotator", r -> r.queryParam("annotator", h).get(p + "/assignments"));
            calls.put("disagreements", r -> r.queryParam("a", h).queryParam("b", h).get(p + "/agreement/disagreements"));
            for (String option : List.of("source", "status", "split", "seed", "format")) {
                calls.put("export " + option, r -> r.queryParam(option, h).get(p + "/export"));
                calls.put("export count " + option, r -> r.queryParam(option, h).get(p + "/export/count"));
            }
            calls.put("import labelMap", r -> r.contentType("application/x-ndjson").queryParam("labelMap", h)
                    .queryParam("dryRun", true).body("{\"id\":\"d\",\"text\":\"t\"}\n".getBytes(StandardCharsets.UTF_8))
                    .post(p + "/import"));
            calls.put("layer owner", r -> r.get("/api/documents/" + doc + "/layers/" + h));
            calls.put("member role", r -> r.body(Map.of("role", "ANNOTATOR")).put(p + "/members/" + h));
            calls.put("member removal", r -> r.delete(p + "/members/" + h));
            calls.put("unassign", r -> r.delete(p + "/assignments/" + doc + "/" + h));
            calls.put("span label", r -> r.body(Map.of("start", 12, "end", 17, "label", h)).post(gold + "/spans"));
            calls.put("relabel", r -> r.body(Map.of("label", h)).patch(gold + "/spans/" + span));
            for (Map.Entry<String, Function<RequestSpecification, Response>> call : calls.entrySet()) {
                check(problems, call.getKey(), h, call.getValue().apply(Api.as(manager).urlEncodingEnabled(true)));
            }
            for (String filter : List.of("type", "user", "since")) {
                check(problems, "security log " + filter, h,
                        Api.asAdmin().queryParam(filter, h).get("/api/admin/security-log"));
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(before, snapshot(), "a hostile parameter changed the project or the tables");
    }

    @Test
    void hostileTextIsStoredAsWrittenAndReadBackExactly() {
        String p = "/api/projects/" + project;
        // Notes, project names and descriptions: free text with spaces (a NUL is refused, below).
        for (String h : HOSTILE_TEXT.subList(0, HOSTILE_TEXT.size() - 1)) {
            Api.as(manager).body(Map.of("note", h)).patch(gold + "/spans/" + span).then().statusCode(200);
            assertEquals(h, Api.as(manager).get(gold).then().statusCode(200).extract().path("spans[0].note"));
            String name = h + " " + Api.uniqueName("P");
            Api.as(manager).body(Map.of("name", name, "description", h)).patch(p).then().statusCode(200);
            assertEquals(name, Api.as(manager).get(p).then().extract().path("name"));
            assertEquals(h, Api.as(manager).get(p).then().extract().path("description"));
        }
        // Label names: a schema of hostile type names is stored, a span takes one, and the names come back.
        Map<String, Object> schema = new java.util.HashMap<>(Api.geoSchema());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> types = new ArrayList<>((List<Map<String, Object>>) schema.get("entityTypes"));
        HOSTILE.forEach(h -> types.add(Map.of("name", h)));
        schema.put("entityTypes", types);
        String etag = Api.as(manager).get(p + "/schema").then().statusCode(200).extract().header("ETag");
        Api.as(manager).header("If-Match", etag).body(schema).put(p + "/schema").then().statusCode(200);
        List<String> stored = Api.as(manager).get(p + "/schema").then().extract().path("entityTypes.name");
        assertEquals(true, stored.containsAll(HOSTILE), stored.toString());
        for (String h : HOSTILE) {
            long id = ((Number) Api.as(manager).body(Map.of("start", 0, "end", 5, "label", h)).post(gold + "/spans")
                    .then().statusCode(201).extract().path("id")).longValue();
            assertEquals(h, db.typeNameOfSpan(id));
        }
        // Document ids and texts through an import, listed and filtered back exactly.
        StringBuilder lines = new StringBuilder();
        for (String h : concat(HOSTILE, HOSTILE_TEXT.subList(0, HOSTILE_TEXT.size() - 1))) {
            lines.append("{\"id\":").append(Exchange.json("id " + h)).append(",\"text\":").append(Exchange.json(h))
                    .append(",\"meta\":{\"source\":").append(Exchange.json(h)).append(",\"nested\":{")
                    .append(Exchange.json(h)).append(":[").append(Exchange.json(h)).append("]}}}\n");
        }
        Exchange.importJsonl(manager, project, "", lines.toString()).then().statusCode(200);
        List<String> ids = Api.as(manager).get(p + "/documents?size=100&sort=name").then().statusCode(200)
                .extract().path("items.externalId");
        for (String h : concat(HOSTILE, HOSTILE_TEXT.subList(0, HOSTILE_TEXT.size() - 1))) {
            assertEquals(1, ids.stream().filter(("id " + h)::equals).count(), "document id " + h + " in " + ids);
        }
    }

    @Test
    void hostileUsernamesAreRefusedOrUnknownNeverAServerError() {
        List<String> problems = new ArrayList<>();
        long users = db.count("select count(*) from users");
        for (String h : concat(HOSTILE, HOSTILE_TEXT)) {
            Response created = Api.asAdmin().body(Map.of("username", h, "password", Api.PASSWORD)).post("/api/users");
            expect(problems, "new user", h, created, 400);
            check(problems, "Basic login", h, Api.as(h, "wrong-password").get("/api/me"));
            check(problems, "admin user list", h, Api.asAdmin().queryParam("q", h).get("/api/users"));
        }
        assertEquals(List.of(), problems);
        assertEquals(users, db.count("select count(*) from users"));
    }

    @Test
    void aNulInStoredTextIsRefusedWithItsField() {
        Api.as(manager).body(Map.of("note", "a\u0000b")).patch(gold + "/spans/" + span).then().statusCode(400);
        Api.as(manager).get(gold).then().statusCode(200).body("spans[0].note", org.hamcrest.Matchers.nullValue());
    }

    private static void check(List<String> problems, String what, String input, Response answer) {
        if (answer.statusCode() >= 500 || answer.statusCode() < 200) {
            problems.add(what + " with " + printable(input) + " answered " + answer.statusCode() + ": "
                    + answer.asString());
        }
    }

    private static void expect(List<String> problems, String what, String input, Response answer, int status) {
        if (answer.statusCode() != status) {
            problems.add(what + " with " + printable(input) + " answered " + answer.statusCode() + ", not " + status
                    + ": " + answer.asString());
        }
    }

    private static String printable(String s) {
        return s.replace("\u0000", "\\0");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The project as its users see it, and the database's table list: what an injection would have changed. */
    private String snapshot() {
        String p = "/api/projects/" + project;
        return Api.as(manager).get(p).then().statusCode(200).extract().asString()
                + Api.as(manager).get(p + "/schema").then().statusCode(200).extract().asString()
                + Api.as(manager).get(p + "/documents").then().statusCode(200).extract().asString()
                + Api.as(manager).get(p + "/members").then().statusCode(200).extract().asString()
                + Api.as(manager).get(gold).then().statusCode(200).extract().asString()
                + db.column("select tablename from pg_tables where schemaname = 'public' order by tablename");
    }
}
