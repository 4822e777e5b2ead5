package org.relata.security;

import static org.relata.testsupport.Api.PASSWORD;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.relata.project.Role;
import org.relata.testsupport.Api;

/**
 * The authorization matrix's rule table: for every route the application declares, a concrete call on the fixture
 * and which callers may make it. {@link AuthorizationMatrixTest} makes the calls and checks the answers.
 *
 * <p>To add a route: add one {@code rule(...)} line in {@link #rules} with a concrete path on the fixture and who may
 * call it ({@link Access}).
 */
final class AuthorizationRules {

    private AuthorizationRules() {
    }

    /** Who calls. Page routes are called with the session cookies of a form login, API routes with Basic. */
    enum Caller {
        ANONYMOUS, OUTSIDER, ANNOTATOR, CURATOR, MANAGER, ADMIN, DISABLED, REVOKED_TOKEN
    }

    /** Stands for "permitted": 200 for reads (the call is made), not sent for writes. */
    static final int ALLOWED = 200;

    /** Which enabled, authenticated callers may use a route; everyone else gets the status given. */
    interface Access extends Function<Caller, Integer> {
    }

    /** One call on the fixture: the route's key, a concrete path (with query), a body, and who may make it. */
    record Rule(String key, String path, Access access, Object body, Map<String, String> form,
                Map<Caller, Integer> overrides, int allowedStatus) {

        /** This caller gets this status whatever the access rule says. */
        Rule with(Caller caller, int status) {
            Map<Caller, Integer> more = new EnumMap<>(Caller.class);
            more.putAll(overrides);
            more.put(caller, status);
            return new Rule(key, path, access, body, form, more, allowedStatus);
        }

        /** A permitted read that answers with another status than 200 (a redirect to where the work is). */
        Rule allowedAs(int status) {
            return new Rule(key, path, access, body, form, overrides, status);
        }
    }

    static Access project(Role needed) {
        return c -> switch (c) {
            case OUTSIDER -> 404;
            case ANNOTATOR -> Role.ANNOTATOR.atLeast(needed) ? ALLOWED : 403;
            case CURATOR -> Role.CURATOR.atLeast(needed) ? ALLOWED : 403;
            default -> ALLOWED;
        };
    }

    /** Curation hides the document's curation from annotators altogether. */
    static Access curation() {
        return c -> c == Caller.OUTSIDER || c == Caller.ANNOTATOR ? 404 : ALLOWED;
    }

    /** The gold layer is not shown to annotators at all (until they may read it, which the fixture does not reach). */
    static Access gold() {
        return c -> c == Caller.OUTSIDER || c == Caller.ANNOTATOR ? 404 : ALLOWED;
    }

    /** The outsider is the one caller an admin did not allow to create projects. */
    static Access canCreateProjects() {
        return c -> c == Caller.OUTSIDER ? 403 : ALLOWED;
    }

    static Access anyUser() {
        return c -> ALLOWED;
    }

    static Access adminOnly() {
        return c -> c == Caller.ADMIN ? ALLOWED : 403;
    }

    /** Something that belongs to one caller (an API token): everyone else is told it does not exist. */
    static Access ownedBy(Caller owner) {
        return c -> c == owner ? ALLOWED : 404;
    }

    /** One rule per declared route, on the fixture {@code f}. */
    static List<Rule> rules(AuthorizationMatrixTest.Fixture f) {
        String p = "/api/projects/" + f.project;
        String d = "/api/documents/" + f.doc;
        String gold = d + "/layers/gold";
        String pp = "/projects/" + f.project;
        Map<String, Object> span = Map.of("start", 0, "end", 3, "label", "PERSON");
        List<Rule> r = new ArrayList<>();

        // Projects and members (API)
        r.add(rule("GET /api/projects", "/api/projects", anyUser()));
        r.add(rule("POST /api/projects", "/api/projects", canCreateProjects(), Map.of("name", "matrix new", "schema", Api.geoSchema())));
        r.add(rule("GET /api/projects/{id}", p, project(Role.ANNOTATOR)));
        r.add(rule("PATCH /api/projects/{id}", p, project(Role.MANAGER), Map.of("description", "changed")));
        r.add(rule("DELETE /api/projects/{id}", p + "?confirm=" + f.projectName, project(Role.MANAGER)));
        r.add(rule("GET /api/projects/{id}/members", p + "/members", project(Role.ANNOTATOR)));
        r.add(rule("PUT /api/projects/{id}/members/{username}", p + "/members/" + f.victim, project(Role.MANAGER),
                Map.of("role", "MANAGER")));
        r.add(rule("DELETE /api/projects/{id}/members/{username}", p + "/members/" + f.user(Caller.CURATOR),
                project(Role.MANAGER)));
        r.add(rule("PUT /api/projects/{id}/state", p + "/state", project(Role.MANAGER), Map.of("state", "RETIRED")));
        r.add(rule("POST /api/projects/{id}/copy", p + "/copy", project(Role.MANAGER),
                Map.of("name", "matrix copy", "documents", true)));
        r.add(rule("DELETE /api/projects/{id}/membership", p + "/membership", project(Role.ANNOTATOR))
                .with(Caller.ADMIN, 409));
        r.add(rule("GET /api/projects/{id}/agreement/gold", p + "/agreement/gold", project(Role.CURATOR)));
        r.add(rule("GET /api/projects/{id}/schema", p + "/schema", project(Role.ANNOTATOR)));
        r.add(rule("PUT /api/projects/{id}/schema", p + "/schema", project(Role.MANAGER), Api.geoSchema()));
        r.add(rule("POST /api/projects/{id}/schema/entity-types/{typeId}/merge",
                p + "/schema/entity-types/" + f.entityType + "/merge", project(Role.MANAGER), Map.of("into", f.entityType2)));
        r.add(rule("POST /api/projects/{id}/schema/relation-types/{typeId}/merge",
                p + "/schema/relation-types/" + f.relationType + "/merge", project(Role.MANAGER),
                Map.of("into", f.relationType2)));
        r.add(rule("GET /api/projects/{id}/queue", p + "/queue", project(Role.ANNOTATOR)));
        r.add(rule("GET /api/projects/{id}/documents", p + "/documents", project(Role.ANNOTATOR)));
        r.add(rule("GET /api/projects/{id}/audit", p + "/audit", project(Role.MANAGER)));
        r.add(rule("POST /api/projects/{id}/documents/status", p + "/documents/status", project(Role.MANAGER),
                Map.of("documents", "all", "owner", f.user(Caller.ANNOTATOR), "status", "DONE")));
        r.add(rule("GET /api/projects/{id}/trash", p + "/trash", project(Role.MANAGER)));
        r.add(rule("POST /api/projects/{id}/trash/{docId}/restore", p + "/trash/" + f.trashed + "/restore",
                project(Role.MANAGER)));
        r.add(rule("DELETE /api/projects/{id}/trash/{docId}", p + "/trash/" + f.trashed, project(Role.MANAGER)));
        r.add(rule("GET /api/projects/{id}/curation", p + "/curation", project(Role.CURATOR)));
        r.add(rule("PUT /api/projects/{id}/curation", p + "/curation", project(Role.MANAGER),
                Map.of("preAcceptShare", 0.5)));
        r.add(rule("POST /api/projects/{id}/assignments", p + "/assignments", project(Role.MANAGER),
                Map.of("documents", "all", "annotators", List.of(f.user(Caller.CURATOR)))));
        r.add(rule("GET /api/projects/{id}/assignments", p + "/assignments", project(Role.ANNOTATOR)));
        r.add(rule("DELETE /api/projects/{id}/assignments/{docId}/{username}",
                p + "/assignments/" + f.doc + "/" + f.user(Caller.ANNOTATOR), project(Role.MANAGER)));
        r.add(rule("GET /api/projects/{id}/progress", p + "/progress", project(Role.CURATOR)));
        r.add(rule("GET /api/projects/{id}/agreement", p + "/agreement", project(Role.CURATOR)));
        r.add(rule("GET /api/projects/{id}/agreement/disagreements", p + "/agreement/disagreements?" + f.pair,
                project(Role.CURATOR)));
        r.add(rule("GET /api/projects/{id}/events", p + "/events", project(Role.CURATOR)));

        // Exchange and releases (API)
        r.add(rule("POST /api/projects/{id}/import", p + "/import?format=jsonl", project(Role.MANAGER),
                Map.of("id", "matrix-import", "text", "Imported.")));
        r.add(rule("GET /api/projects/{id}/export", p + "/export?format=jsonl", project(Role.CURATOR)));
        r.add(rule("GET /api/projects/{id}/export/count", p + "/export/count", project(Role.CURATOR)));
        r.add(rule("POST /api/projects/{id}/releases", p + "/releases", project(Role.MANAGER),
                Map.of("name", "v2", "format", "jsonl", "source", "gold", "status", "any")));
        r.add(rule("GET /api/projects/{id}/releases", p + "/releases", project(Role.CURATOR)));
        r.add(rule("GET /api/projects/{id}/releases/{name}", p + "/releases/v1", project(Role.CURATOR)));
        r.add(rule("GET /api/projects/{id}/releases/{name}/file", p + "/releases/v1/file", project(Role.CURATOR)));
        r.add(rule("DELETE /api/projects/{id}/releases/{name}", p + "/releases/v1", project(Role.MANAGER)));
        r.add(rule("GET /api/projects/{id}/releases/{a}/diff/{b}", p + "/releases/v1/diff/v1", project(Role.CURATOR)));
        r.add(rule("GET /api/projects/{id}/archive", p + "/archive", project(Role.MANAGER)));
        r.add(rule("POST /api/projects/archive", "/api/projects/archive", adminOnly(), Map.of()));

        // Documents, layers, curation (API); the annotator is assigned the document
        r.add(rule("GET /api/documents/{docId}", d, project(Role.ANNOTATOR)));
        r.add(rule("DELETE /api/documents/{docId}", d, project(Role.MANAGER)));
        r.add(rule("GET /api/documents/{docId}/events", d + "/events", project(Role.ANNOTATOR)));
        r.add(rule("GET /api/documents/{docId}/layers/{owner}", d + "/layers/me", project(Role.ANNOTATOR)));
        r.add(rule("GET /api/documents/{docId}/layers/{owner}", d + "/layers/" + f.user(Caller.ANNOTATOR),
                c -> c == Caller.OUTSIDER ? 404 : ALLOWED));
        // Blind project: an annotator is not shown another annotator's layer.
        r.add(rule("GET /api/documents/{docId}/layers/{owner}", d + "/layers/" + f.user(Caller.CURATOR),
                c -> c == Caller.OUTSIDER || c == Caller.ANNOTATOR ? 404 : ALLOWED));
        r.add(rule("GET /api/documents/{docId}/layers/{owner}", gold, gold()));
        r.add(rule("POST /api/documents/{docId}/layers/{owner}/spans", gold + "/spans", gold(), span));
        r.add(rule("PATCH /api/documents/{docId}/layers/{owner}/spans/{spanId}", gold + "/spans/" + f.goldSpan,
                gold(), Map.of("label", "COUNTRY")));
        r.add(rule("DELETE /api/documents/{docId}/layers/{owner}/spans/{spanId}", gold + "/spans/" + f.goldSpan,
                gold()));
        r.add(rule("POST /api/documents/{docId}/layers/{owner}/relations", gold + "/relations", gold(),
                Map.of("head", f.goldSpan, "tail", f.goldSpan2, "label", "LEADER_OF")));
        r.add(rule("PATCH /api/documents/{docId}/layers/{owner}/relations/{relId}", gold + "/relations/" + f.goldRelation,
                gold(), Map.of("attributes", Map.of("Certainty", "low"))));
        r.add(rule("DELETE /api/documents/{docId}/layers/{owner}/relations/{relId}",
                gold + "/relations/" + f.goldRelation, gold()));
        r.add(rule("PUT /api/documents/{docId}/layers/{owner}/status", gold + "/status", gold(),
                Map.of("status", "DONE")));
        r.add(rule("GET /api/documents/{docId}/suggestions", d + "/suggestions", project(Role.ANNOTATOR)));
        r.add(rule("POST /api/documents/{docId}/suggestions/rejections", d + "/suggestions/rejections",
                project(Role.ANNOTATOR), Map.of("ids", List.of())));
        r.add(rule("DELETE /api/documents/{docId}/suggestions/rejections/{spanId}",
                d + "/suggestions/rejections/" + f.goldSpan, project(Role.ANNOTATOR)));
        r.add(rule("DELETE /api/documents/{docId}/suggestions/relation-rejections/{relationId}",
                d + "/suggestions/relation-rejections/" + f.goldRelation, project(Role.ANNOTATOR)));
        r.add(rule("POST /api/documents/{docId}/suggestions/relations/{relationId}/accept",
                d + "/suggestions/relations/" + f.goldRelation + "/accept", project(Role.ANNOTATOR)));
        r.add(rule("GET /api/documents/{docId}/curation", d + "/curation", curation()));
        r.add(rule("POST /api/documents/{docId}/curation/start", d + "/curation/start", curation()));
        r.add(rule("POST /api/documents/{docId}/curation/accept", d + "/curation/accept", curation(),
                Map.of("key", "span:0:3:PERSON")));
        r.add(rule("POST /api/documents/{docId}/curation/reject", d + "/curation/reject", curation(),
                Map.of("key", "span:0:3:PERSON")));
        r.add(rule("DELETE /api/documents/{docId}/curation/rejections", d + "/curation/rejections?key=span:0:3:PERSON",
                curation()));

        // Users and tokens (API)
        r.add(rule("GET /api/me", "/api/me", anyUser()));
        r.add(rule("GET /api/users", "/api/users", adminOnly()));
        r.add(rule("POST /api/users", "/api/users", adminOnly(),
                Map.of("username", "matrix-new-user", "password", PASSWORD, "admin", true)));
        r.add(rule("GET /api/users/{id}/projects", "/api/users/" + f.victimId + "/projects", adminOnly()));
        r.add(rule("DELETE /api/users/{id}", "/api/users/" + f.victimId, adminOnly()));
        r.add(rule("POST /api/me/password", "/api/me/password", anyUser(),
                Map.of("currentPassword", PASSWORD, "password", "another-password-42")));
        r.add(rule("PUT /api/users/{id}/rights", "/api/users/" + f.victimId + "/rights", adminOnly(),
                Map.of("canCreateProjects", false)));
        r.add(rule("GET /api/admin/security-log", "/api/admin/security-log", adminOnly()));
        r.add(rule("GET /api/tokens", "/api/tokens", anyUser()));
        r.add(rule("POST /api/tokens", "/api/tokens", anyUser(), Map.of("name", "matrix")));
        r.add(rule("DELETE /api/tokens/{id}", "/api/tokens/" + f.managerToken, ownedBy(Caller.MANAGER)));
        r.add(rule("GET /api/me/sessions", "/api/me/sessions", anyUser()));
        r.add(rule("DELETE /api/me/sessions/{id}", "/api/me/sessions/" + f.managerSession, ownedBy(Caller.MANAGER)));

        // Pages
        r.add(rule("GET /login", "/login", anyUser()).with(Caller.ANONYMOUS, ALLOWED).with(Caller.DISABLED, ALLOWED));
        r.add(rule("POST /logout", "/logout", anyUser(), form()).with(Caller.ANONYMOUS, 303).with(Caller.DISABLED, 303));
        r.add(rule("GET /", "/", anyUser()));
        // The form answers a refusal the way it answers bad input: back to the list with the reason (and no project).
        r.add(rule("POST /projects", "/projects", canCreateProjects(), form("name", "matrix page project"))
                .with(Caller.OUTSIDER, 303));
        r.add(rule("GET /projects/{id}", pp, project(Role.ANNOTATOR)));
        r.add(rule("GET /projects/{id}/members", pp + "/members", project(Role.MANAGER)));
        r.add(rule("GET /projects/{id}/audit", pp + "/audit", project(Role.MANAGER)));
        r.add(rule("POST /projects/{id}/members", pp + "/members", project(Role.MANAGER),
                form("username", f.victim, "role", "MANAGER")));
        r.add(rule("POST /projects/{id}/members/{username}/remove", pp + "/members/" + f.user(Caller.CURATOR) + "/remove",
                project(Role.MANAGER), form()));
        r.add(rule("POST /projects/{id}/settings", pp + "/settings", project(Role.MANAGER),
                form("name", "renamed by the matrix", "description", "changed")));
        r.add(rule("POST /projects/{id}/state", pp + "/state", project(Role.MANAGER), form("state", "RETIRED")));
        r.add(rule("POST /projects/{id}/delete", pp + "/delete", project(Role.MANAGER), form("confirm", f.projectName)));
        r.add(rule("POST /projects/{id}/leave", pp + "/leave", project(Role.ANNOTATOR), form()));
        r.add(rule("GET /projects/{id}/annotate", pp + "/annotate", project(Role.ANNOTATOR)).allowedAs(303));
        r.add(rule("GET /documents/{docId}/annotate", "/documents/" + f.doc + "/annotate", project(Role.ANNOTATOR)));
        r.add(rule("GET /documents/{docId}/curate", "/documents/" + f.doc + "/curate", curation()));
        r.add(rule("POST /projects/{id}/documents/status", pp + "/documents/status", project(Role.MANAGER),
                form("document", String.valueOf(f.doc), "status", "DONE", "owner", f.user(Caller.ANNOTATOR))));
        r.add(rule("GET /projects/{id}/trash", pp + "/trash", project(Role.MANAGER)));
        r.add(rule("POST /projects/{id}/trash", pp + "/trash", project(Role.MANAGER), form("document", String.valueOf(f.doc))));
        r.add(rule("POST /projects/{id}/trash/{docId}/restore", pp + "/trash/" + f.trashed + "/restore",
                project(Role.MANAGER), form()));
        r.add(rule("POST /projects/{id}/trash/{docId}/purge", pp + "/trash/" + f.trashed + "/purge",
                project(Role.MANAGER), form()));
        r.add(rule("GET /projects/{id}/{direction}", pp + "/export", project(Role.CURATOR)));
        r.add(rule("GET /projects/{id}/{direction}", pp + "/import", project(Role.MANAGER)));
        r.add(rule("GET /projects/{id}/releases", pp + "/releases", project(Role.CURATOR)));
        r.add(rule("POST /projects/{id}/releases", pp + "/releases", project(Role.MANAGER),
                form("name", "v3", "format", "jsonl", "source", "gold", "status", "any")));
        r.add(rule("POST /projects/{id}/releases/{name}/delete", pp + "/releases/v1/delete", project(Role.MANAGER), form()));
        r.add(rule("GET /projects/{id}/releases/diff", pp + "/releases/diff?a=v1&b=v1", project(Role.CURATOR)));
        r.add(rule("POST /projects/archive", "/projects/archive", adminOnly(), form()));
        r.add(rule("GET /projects/{id}/progress", pp + "/progress", project(Role.CURATOR)));
        r.add(rule("GET /projects/{id}/agreement", pp + "/agreement", project(Role.CURATOR)));
        r.add(rule("GET /projects/{id}/agreement/disagreements", pp + "/agreement/disagreements?" + f.pair, project(Role.CURATOR)));

        // The schema forms (issue 12: each refused to annotators and curators, and nothing changes)
        String sp = pp + "/schema";
        r.add(rule("GET /projects/{id}/schema", sp, project(Role.ANNOTATOR)));
        r.add(rule("POST /projects/{id}/schema/entity-types", sp + "/entity-types", project(Role.MANAGER),
                form("version", f.schemaVersion, "name", "PLACE", "color", "#123456")));
        r.add(rule("POST /projects/{id}/schema/entity-types/{typeId}", sp + "/entity-types/" + f.entityType,
                project(Role.MANAGER), form("version", f.schemaVersion, "name", "RENAMED", "color", "#123456")));
        r.add(rule("POST /projects/{id}/schema/entity-types/{typeId}/delete", sp + "/entity-types/" + f.entityType + "/delete",
                project(Role.MANAGER), form("version", f.schemaVersion)));
        r.add(rule("POST /projects/{id}/schema/entity-types/merge", sp + "/entity-types/merge", project(Role.MANAGER),
                form("version", f.schemaVersion, "type", Long.toString(f.entityType), "into", Long.toString(f.entityType2))));
        r.add(rule("POST /projects/{id}/schema/relation-types/merge", sp + "/relation-types/merge", project(Role.MANAGER),
                form("version", f.schemaVersion, "type", Long.toString(f.relationType), "into",
                        Long.toString(f.relationType2))));
        r.add(rule("POST /projects/{id}/schema/relation-types", sp + "/relation-types", project(Role.MANAGER),
                form("version", f.schemaVersion, "name", "NEAR", "head", "COUNTRY", "tail", "COUNTRY")));
        r.add(rule("POST /projects/{id}/schema/relation-types/{typeId}", sp + "/relation-types/" + f.relationType,
                project(Role.MANAGER), form("version", f.schemaVersion, "name", "RENAMED")));
        r.add(rule("POST /projects/{id}/schema/relation-types/{typeId}/delete",
                sp + "/relation-types/" + f.relationType + "/delete", project(Role.MANAGER), form("version", f.schemaVersion)));
        r.add(rule("POST /projects/{id}/schema/attributes", sp + "/attributes", project(Role.MANAGER),
                form("version", f.schemaVersion, "name", "Confidence", "on", "span")));
        r.add(rule("POST /projects/{id}/schema/attributes/{attributeId}/delete",
                sp + "/attributes/" + f.attribute + "/delete", project(Role.MANAGER), form("version", f.schemaVersion)));
        r.add(rule("POST /projects/{id}/schema/link-resources", sp + "/link-resources", project(Role.MANAGER),
                form("version", f.schemaVersion, "resources", "wikidata")));
        r.add(rule("POST /projects/{id}/schema/upload", sp + "/upload", project(Role.MANAGER),
                form("version", f.schemaVersion)));

        // Tokens and administration pages
        r.add(rule("GET /account", "/account", anyUser()));
        r.add(rule("POST /account/password", "/account/password", anyUser(),
                form("current", PASSWORD, "password", "another-password-42")));
        r.add(rule("POST /account/sessions/end", "/account/sessions/end", anyUser(), form()));
        r.add(rule("POST /account/sessions/{id}/end", "/account/sessions/" + f.managerSession + "/end",
                ownedBy(Caller.MANAGER), form()));
        r.add(rule("GET /tokens", "/tokens", anyUser()).allowedAs(303));
        r.add(rule("POST /tokens", "/tokens", anyUser(), form("name", "matrix page token")));
        r.add(rule("POST /tokens/{id}/revoke", "/tokens/" + f.managerToken + "/revoke", ownedBy(Caller.MANAGER), form()));
        r.add(rule("GET /admin/users", "/admin/users", adminOnly()));
        r.add(rule("POST /admin/users", "/admin/users", adminOnly(),
                form("username", "matrix-page-user", "password", PASSWORD, "admin", "true")));
        r.add(rule("POST /admin/users/{id}/enabled", "/admin/users/" + f.victimId + "/enabled", adminOnly(),
                form("enabled", "false")));
        r.add(rule("POST /admin/users/{id}/password", "/admin/users/" + f.victimId + "/password", adminOnly(),
                form("password", "another-password-42")));
        r.add(rule("POST /admin/users/{id}/sessions/end", "/admin/users/" + f.victimId + "/sessions/end", adminOnly(),
                form()));
        r.add(rule("POST /admin/users/{id}/can-create-projects", "/admin/users/" + f.victimId + "/can-create-projects",
                adminOnly(), form("allowed", "true")));
        r.add(rule("GET /admin/security-log", "/admin/security-log", adminOnly()));
        r.add(rule("GET /admin/users/{id}/delete", "/admin/users/" + f.victimId + "/delete", adminOnly()));
        r.add(rule("POST /admin/users/{id}/delete", "/admin/users/" + f.victimId + "/delete", adminOnly(), form()));
        return r;
    }

    private static Rule rule(String key, String path, Access access) {
        return new Rule(key, path, access, null, null, Map.of(), ALLOWED);
    }

    private static Rule rule(String key, String path, Access access, Object body) {
        if (body instanceof FormFields fields) {
            return new Rule(key, path, access, null, fields.values(), Map.of(), ALLOWED);
        }
        return new Rule(key, path, access, body, null, Map.of(), ALLOWED);
    }

    private record FormFields(Map<String, String> values) {
    }

    private static FormFields form(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new FormFields(values);
    }
}
