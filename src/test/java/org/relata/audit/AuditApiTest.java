package org.relata.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The project audit log (issue 12, item 6): who changed what, when, where; filtered, paged, compact, purged. */
@QuarkusTest
class AuditApiTest {

    @Inject
    Db db;

    @Inject
    AuditTrail trail;

    String manager;
    String annotator;
    long project;
    long first;
    long second;

    @BeforeEach
    void project() {
        manager = Api.newUser("pm");
        annotator = Api.newUser("ann");
        project = Api.newProject(manager);
        Api.addMember(project, manager, annotator, "ANNOTATOR");
        Api.notBlind(project, manager);
        first = db.document(project, "first-doc", "North Korea and China met.");
        second = db.document(project, "second-doc", "Iran and Russia met.");
    }

    private String audit() {
        return "/api/projects/" + project + "/audit";
    }

    private long span(String user, long doc, String owner, int start, int end) {
        return ((Number) Api.as(user).body(Map.of("start", start, "end", end, "label", "COUNTRY"))
                .post("/api/documents/" + doc + "/layers/" + owner + "/spans").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    @Test
    void managersSeeWhoChangedWhatWhenInWhichDocumentAndLayer() {
        long mine = span(annotator, first, "me", 0, 11);
        Api.as(annotator).body(Map.of("label", "ORGANIZATION", "note", "checked"))
                .patch("/api/documents/" + first + "/layers/me/spans/" + mine).then().statusCode(200);
        span(manager, second, "gold", 0, 4);

        JsonPath page = Api.as(manager).get(audit()).then().statusCode(200).extract().jsonPath();
        // Newest first: the gold span, then the annotator's update and creation.
        assertEquals(List.of("create", "update", "create"), page.getList("items.action").subList(0, 3));
        assertEquals(manager, page.getString("items[0].user"));
        assertEquals("second-doc", page.getString("items[0].document"));
        assertEquals("gold", page.getString("items[0].layer"));
        assertEquals(Map.of("start", 0, "end", 4, "label", "COUNTRY"), page.getMap("items[0].change"));
        assertEquals(annotator, page.getString("items[1].user"));
        assertEquals("first-doc", page.getString("items[1].document"));
        assertEquals(annotator, page.getString("items[1].layer"));
        assertEquals("span", page.getString("items[1].entity"));
        assertEquals(mine, page.getLong("items[1].entityId"));
        // An update keeps only what changed, as [old, new].
        assertEquals(Map.of("label", List.of("COUNTRY", "ORGANIZATION"), "note", java.util.Arrays.asList(null, "checked")),
                page.getMap("items[1].change"));
    }

    @Test
    void aDeletedSpanIsRecordedWithItsFieldsAndTheRelationsThatWentWithIt() {
        long north = span(manager, first, "gold", 0, 11);
        long china = span(manager, first, "gold", 16, 21);
        Api.as(manager).body(Map.of("head", north, "tail", china, "label", "ALLY_OF"))
                .post("/api/documents/" + first + "/layers/gold/relations").then().statusCode(201);
        Api.as(manager).delete("/api/documents/" + first + "/layers/gold/spans/" + north).then().statusCode(200);

        Api.as(manager).get(audit() + "?limit=1").then().statusCode(200)
                .body("items[0].action", equalTo("delete"))
                .body("items[0].entityId", equalTo((int) north))
                .body("items[0].change", equalTo(Map.of("start", 0, "end", 11, "label", "COUNTRY",
                        "relationsDeleted", 1)));
    }

    @Test
    void theLogFiltersByUserAndByDocument() {
        span(annotator, first, "me", 0, 11);
        span(annotator, second, "me", 0, 4);
        span(manager, first, "gold", 16, 21);

        Api.as(manager).get(audit() + "?user=" + annotator).then().statusCode(200)
                .body("items", hasSize(2)).body("items.user", everyItem(equalTo(annotator)));
        Api.as(manager).get(audit() + "?document=first-doc").then().statusCode(200)
                .body("items", hasSize(2)).body("items.document", everyItem(equalTo("first-doc")));
        Api.as(manager).get(audit() + "?document=first-doc&user=" + manager).then().statusCode(200)
                .body("items.layer", contains("gold"));
        Api.as(manager).get(audit() + "?document=no-such-doc").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        for (int i = 0; i < 5; i++) {
            span(annotator, first, "me", i, i + 1);
        }
        List<Object> ids = new ArrayList<>();
        String before = null;
        int pages = 0;
        do {
            JsonPath page = Api.as(manager).get(audit() + "?user=" + annotator + "&limit=2"
                    + (before == null ? "" : "&before=" + before)).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.entityId"));
            before = page.getString("next");
            pages++;
        } while (before != null);
        assertEquals(3, pages);
        assertEquals(5, ids.size());
        assertEquals(5, ids.stream().distinct().count());
        Api.as(manager).get(audit() + "?before=abc").then().statusCode(400).body("field", equalTo("before"));
        Api.as(manager).get(audit() + "?limit=501").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void onlyManagersReadIt() {
        span(annotator, first, "me", 0, 11);
        String curator = Api.newUser("cur");
        Api.addMember(project, manager, curator, "CURATOR");
        Api.as(annotator).get(audit()).then().statusCode(403);
        Api.as(curator).get(audit()).then().statusCode(403);
        Api.as(Api.newUser("outsider")).get(audit()).then().statusCode(404);
        Api.asAdmin().get(audit()).then().statusCode(200).body("next", nullValue());
    }

    @Test
    void rowsOlderThanTheRetentionArePurgedAndNewerOnesKept() {
        span(manager, first, "gold", 0, 11);
        long kept = db.count("select count(*) from audit_events where project_id = ?1", project);
        db.count("with u as (insert into audit_events (at, project_id, action, entity) values (now() - interval '"
                + (trail.retentionDays() + 1) + " days', ?1, 'create', 'span') returning 1) select count(*) from u",
                project);
        assertEquals(kept + 1, db.count("select count(*) from audit_events where project_id = ?1", project));

        assertEquals(1, trail.purgeExpired(Instant.now()));

        assertEquals(kept, db.count("select count(*) from audit_events where project_id = ?1", project));
        assertNull(Api.as(manager).get(audit()).then().extract().path("next"));
    }
}
