package org.relata.workflow;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Browser;
import org.relata.testsupport.Db;
import org.relata.testsupport.EventStream;
import org.relata.testsupport.Sessions;
import org.relata.testsupport.WorkspaceFixtures;

import io.quarkus.test.junit.QuarkusTest;

/** Server-sent events about committed layer changes (issue 11 item 3), read as a browser's EventSource reads them. */
@QuarkusTest
class LiveUpdatesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Db db;

    String manager;
    String annotator;
    String otherAnnotator;
    String outsider;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        manager = Api.newUser("manager");
        annotator = Api.newUser("annotator");
        otherAnnotator = Api.newUser("annotator");
        outsider = Api.newUser("outsider");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        Api.addMember(projectId, manager, otherAnnotator, "ANNOTATOR");
        docId = db.document(projectId, "d1", "China and Russia.");
        Api.assignAll(projectId, manager, annotator, otherAnnotator);
    }

    private EventStream stream(String user) {
        return EventStream.open(Browser.baseUrl(), "/api/documents/" + docId + "/events", user, Api.PASSWORD);
    }

    /** The stream is registered once its first event, the layers' current versions, has arrived. */
    private static EventStream opened(EventStream stream) {
        assertEquals(200, stream.status());
        await().atMost(WAIT).until(() -> !stream.named("layers").isEmpty());
        return stream;
    }

    @Test
    void anEditReachesAManagerWatchingTheDocument() {
        try (EventStream events = opened(stream(manager))) {
            WorkspaceFixtures.span(annotator, docId, 0, 5, "COUNTRY");

            await().atMost(WAIT).until(() -> events.named("layer").stream()
                    .anyMatch(e -> annotator.equals(e.json().getString("owner")) && e.json().getLong("version") == 1));
            EventStream.Event change = events.named("layer").stream()
                    .filter(e -> e.json().getLong("version") == 1).findFirst().orElseThrow();
            assertEquals(docId, change.json().getLong("document"));
            assertEquals("IN_PROGRESS", change.json().getString("status"));
        }
    }

    /**
     * A span write on its own is announced after its commit by the application, and the trigger leaves that version
     * out (migration V21): every version comes exactly once, in the order written.
     */
    @Test
    void eachSpanWriteIsAnnouncedExactlyOnceInOrder() {
        try (EventStream events = opened(stream(manager))) {
            long first = WorkspaceFixtures.span(annotator, docId, 0, 5, "COUNTRY");
            as(annotator).delete("/api/documents/" + docId + "/layers/me/spans/" + first).then().statusCode(200);
            WorkspaceFixtures.span(annotator, docId, 10, 16, "COUNTRY");

            await().atMost(WAIT).until(() -> versionsOf(events, annotator).contains(3L));
            assertEquals(List.of(1L, 2L, 3L), versionsOf(events, annotator).stream().filter(v -> v > 0).toList());
        }
    }

    private static List<Long> versionsOf(EventStream events, String owner) {
        return events.named("layer").stream().filter(e -> owner.equals(e.json().getString("owner")))
                .map(e -> e.json().getLong("version")).toList();
    }

    @Test
    void theFirstEventListsTheCurrentVersionOfEachVisibleLayer() {
        WorkspaceFixtures.span(annotator, docId, 0, 5, "COUNTRY");
        WorkspaceFixtures.span(annotator, docId, 10, 16, "COUNTRY");
        WorkspaceFixtures.span(otherAnnotator, docId, 0, 5, "COUNTRY");

        try (EventStream events = opened(stream(manager))) {
            List<Map<String, Object>> layers = events.named("layers").get(0).json().getList("layers");
            assertEquals(2, layers.size());
            assertTrue(layers.stream().anyMatch(l -> annotator.equals(l.get("owner")) && ((Number) l.get("version")).longValue() == 2));
        }
        try (EventStream events = opened(stream(annotator))) {
            List<Map<String, Object>> layers = events.named("layers").get(0).json().getList("layers");
            assertEquals(1, layers.size(), "a blind annotator is told only of their own layer");
            assertEquals(annotator, layers.get(0).get("owner"));
        }
    }

    @Test
    void aBlindAnnotatorReceivesOnlyTheirOwnLayersChanges() {
        try (EventStream events = opened(stream(annotator))) {
            WorkspaceFixtures.span(otherAnnotator, docId, 0, 5, "COUNTRY");
            WorkspaceFixtures.span(annotator, docId, 10, 16, "COUNTRY");

            await().atMost(WAIT).until(() -> events.named("layer").stream()
                    .anyMatch(e -> annotator.equals(e.json().getString("owner")) && e.json().getLong("version") == 1));
            // Both writes were committed before the second answered, and NOTIFY keeps commit order: the other
            // annotator's change would have come first.
            assertTrue(events.named("layer").stream().allMatch(e -> annotator.equals(e.json().getString("owner"))),
                    events.events()::toString);
        }
    }

    @Test
    void aRolledBackWriteAnnouncesNothing() {
        try (EventStream events = opened(stream(manager))) {
            as(annotator).body(Map.of("start", 0, "end", 99, "label", "COUNTRY"))
                    .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(400);
            WorkspaceFixtures.span(annotator, docId, 0, 5, "COUNTRY");

            await().atMost(WAIT).until(() -> events.named("layer").stream().anyMatch(e -> e.json().getLong("version") == 1));
            assertTrue(events.named("layer").stream().allMatch(e -> e.json().getLong("version") <= 1), events.events()::toString);
        }
    }

    @Test
    void statusChangesAreAnnounced() {
        WorkspaceFixtures.span(annotator, docId, 0, 5, "COUNTRY");
        try (EventStream events = opened(stream(manager))) {
            as(annotator).body(Map.of("status", "DONE")).put("/api/documents/" + docId + "/layers/me/status")
                    .then().statusCode(200);

            await().atMost(WAIT).until(() -> events.named("layer").stream()
                    .anyMatch(e -> "DONE".equals(e.json().getString("status"))));
        }
    }

    @Test
    void aDiscardedLayerIsAnnouncedWithVersionMinusOne() {
        WorkspaceFixtures.span(annotator, docId, 0, 5, "COUNTRY");
        try (EventStream events = opened(stream(manager))) {
            as(manager).delete("/api/projects/" + projectId + "/assignments/" + docId + "/" + annotator + "?discard=true")
                    .then().statusCode(204);

            await().atMost(WAIT).until(() -> events.named("layer").stream()
                    .anyMatch(e -> annotator.equals(e.json().getString("owner")) && e.json().getLong("version") == -1));
        }
    }

    @Test
    void outsidersAndUnassignedAnnotatorsGet404() {
        String unassigned = Api.newUser("annotator");
        Api.addMember(projectId, manager, unassigned, "ANNOTATOR");
        as(outsider).get("/api/documents/" + docId + "/events").then().statusCode(404)
                .body("error", equalTo("No such document."));
        as(unassigned).get("/api/documents/" + docId + "/events").then().statusCode(404);
        as(annotator).get("/api/projects/" + projectId + "/events").then().statusCode(403);
        as(outsider).get("/api/projects/" + projectId + "/events").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/documents/" + docId + "/events").then().statusCode(401);
    }

    @Test
    void aBrowserSessionOpensTheStream() {
        Map<String, String> session = Sessions.login(annotator, Api.PASSWORD);
        try (EventStream events = opened(EventStream.withCookies(Browser.baseUrl(), "/api/documents/" + docId + "/events", session))) {
            WorkspaceFixtures.span(annotator, docId, 0, 5, "COUNTRY");
            await().atMost(WAIT).until(() -> !events.named("layer").isEmpty());
        }
    }

    @Test
    void aLargeImportIsAnnouncedOnceAsABulkChange() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            lines.append("{\"id\":\"bulk-").append(i).append("\",\"text\":\"Peru.\",")
                    .append("\"spans\":[{\"start\":0,\"end\":4,\"label\":\"COUNTRY\"}]}\n");
        }
        try (EventStream events = EventStream.open(Browser.baseUrl(), "/api/projects/" + projectId + "/events",
                manager, Api.PASSWORD)) {
            await().atMost(WAIT).until(() -> !events.named("ready").isEmpty());
            org.relata.testsupport.Exchange.importJsonl(manager, projectId, "target=gold", lines.toString())
                    .then().statusCode(200).body("documents", equalTo(101));
            WorkspaceFixtures.span(annotator, docId, 0, 5, "COUNTRY");

            await().atMost(WAIT).until(() -> events.named("layer").stream().anyMatch(e -> e.json().getLong("version") == 1));
            // One bulk event for the 101 new layers, then the single edit's own (its layer's insert and update).
            List<EventStream.Event> layerEvents = events.named("layer");
            assertTrue(layerEvents.get(0).json().getBoolean("bulk"), layerEvents::toString);
            assertTrue(layerEvents.stream().skip(1).allMatch(e -> e.json().getLong("document") == docId),
                    layerEvents::toString);
        }
    }

    @Test
    void theProjectStreamCarriesEveryDocumentsChanges() {
        long second = db.document(projectId, "d2", "Peru.");
        Api.assignAll(projectId, manager, annotator);
        try (EventStream events = EventStream.open(Browser.baseUrl(), "/api/projects/" + projectId + "/events",
                manager, Api.PASSWORD)) {
            await().atMost(WAIT).until(() -> !events.named("ready").isEmpty());
            WorkspaceFixtures.span(annotator, docId, 0, 5, "COUNTRY");
            WorkspaceFixtures.span(annotator, second, 0, 4, "COUNTRY");

            await().atMost(WAIT).until(() -> events.named("layer").stream()
                    .filter(e -> e.json().getLong("version") == 1).map(e -> e.json().getLong("document")).distinct().count() == 2);
        }
    }
}
