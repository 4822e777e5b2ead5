package org.relata.schema;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Guards issue 19 finding 1: schema reads carry an ETag, a stale If-Match answers 412, a write without If-Match
 * may not remove types, the schema page sends the version it was rendered with, and concurrent writers lose
 * nothing and meet no deadlock.
 */
@QuarkusTest
class SchemaVersionTest extends BrowserTest {

    private static String url(long projectId) {
        return "/api/projects/" + projectId + "/schema";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withEntityType(Map<String, Object> schema, String name) {
        List<Object> types = new ArrayList<>((List<Object>) schema.get("entityTypes"));
        types.add(Map.of("name", name));
        Map<String, Object> changed = new HashMap<>(schema);
        changed.put("entityTypes", types);
        return changed;
    }

    @Test
    void aStaleIfMatchAnswers412AndChangesNothing() {
        String manager = newUser("etag");
        long projectId = newProject(manager);
        Response first = as(manager).get(url(projectId));
        String etag = first.header("ETag");
        first.then().statusCode(200).header("ETag", matchesPattern("\"[0-9a-f]+\""));
        Map<String, Object> schema = first.as(Map.class);

        String afterA = as(manager).header("If-Match", etag).body(withEntityType(schema, "A")).put(url(projectId))
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, afterA);
        as(manager).header("If-Match", etag).body(withEntityType(schema, "B")).put(url(projectId))
                .then().statusCode(412).body("error", containsString("changed since you read it"));

        as(manager).get(url(projectId)).then().header("ETag", afterA)
                .body("entityTypes.name", equalTo(List.of("COUNTRY", "PERSON", "ORGANIZATION", "A")));
    }

    @Test
    void withoutIfMatchAPutMayAddButNotRemove() {
        String manager = newUser("noetag");
        long projectId = newProject(manager);
        Map<String, Object> schema = as(manager).get(url(projectId)).as(Map.class);
        as(manager).body(withEntityType(schema, "A")).put(url(projectId)).then().statusCode(200);
        // The second writer read the schema before A was added: its PUT would remove A.
        as(manager).body(withEntityType(schema, "B")).put(url(projectId)).then().statusCode(409)
                .body("error", containsString("entity type 'A'"));
        as(manager).body(Map.of("entityTypes", List.of(Map.of("name", "COUNTRY")))).put(url(projectId))
                .then().statusCode(409)
                .body("error", containsString("entity type 'PERSON', entity type 'ORGANIZATION', entity type 'A'"))
                .body("error", containsString("relation type 'ALLY_OF'"))
                .body("error", containsString("attribute 'Negated'"));

        // With the current version the removal is allowed.
        Response current = as(manager).get(url(projectId));
        as(manager).header("If-Match", current.header("ETag"))
                .body(Map.of("entityTypes", List.of(Map.of("name", "COUNTRY")))).put(url(projectId))
                .then().statusCode(200).body("entityTypes.name", equalTo(List.of("COUNTRY")));
    }

    /** Ten managers add four types each, as a client should: read, add, write with If-Match, on 412 again. */
    @Test
    void tenConcurrentWritersLoseNoAcknowledgedAddition() throws Exception {
        tenWriters(true);
    }

    /** The same without If-Match: a stale write would remove what others added, so it answers 409 and is retried. */
    @Test
    void tenConcurrentWritersWithoutIfMatchLoseNothingEither() throws Exception {
        tenWriters(false);
    }

    private void tenWriters(boolean ifMatch) throws Exception {
        String manager = newUser("writers");
        long projectId = newProject(manager);
        as(manager).get(url(projectId)).then().statusCode(200); // the Basic login is remembered before the rush
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 10; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int k = 0; k < 4; k++) {
                        String name = "W" + writer + "_" + k;
                        for (int attempt = 0; attempt < 200; attempt++) {
                            Response read = as(manager).get(url(projectId));
                            var put = as(manager).body(withEntityType(read.as(Map.class), name));
                            if (ifMatch) {
                                put.header("If-Match", read.header("ETag"));
                            }
                            int status = put.put(url(projectId)).statusCode();
                            if (status == 200) {
                                acknowledged.add(name);
                                break;
                            }
                            if (status >= 500) {
                                serverErrors.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        @SuppressWarnings("unchecked")
        List<String> names = as(manager).get(url(projectId)).then().extract().path("entityTypes.name");
        List<String> lost = acknowledged.stream().filter(n -> !names.contains(n)).toList();
        System.out.printf("schema writers (If-Match: %s): %d acknowledged, %d lost, %d refused and retried, %d 5xx%n",
                ifMatch, acknowledged.size(), lost.size(), refused.get(), serverErrors.get());
        assertEquals(List.of(), lost, "acknowledged additions lost");
        assertEquals(0, serverErrors.get(), "5xx answers");
        assertEquals(40, acknowledged.size());
    }

    @Test
    void theSchemaPageRefusesAChangeBasedOnAnOlderVersion() {
        String manager = newUser("pageetag");
        long projectId = newProject(manager);
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + projectId + "/schema");
        // Meanwhile another manager adds a type through the API.
        Map<String, Object> schema = as(manager).get(url(projectId)).as(Map.class);
        as(manager).body(withEntityType(schema, "ELSEWHERE")).put(url(projectId)).then().statusCode(200);

        page.getByLabel("New entity type").fill("STALE");
        page.getByRole(AriaRole.BUTTON, named("Add entity type")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Someone changed the labels since this page was loaded");
        assertEquals(0, page.getByLabel("Name of STALE").count());
        assertThat(page.getByLabel("Name of ELSEWHERE")).hasValue("ELSEWHERE");

        // The reloaded page carries the new version, so the same change now works.
        page.getByLabel("New entity type").fill("FRESH");
        page.getByRole(AriaRole.BUTTON, named("Add entity type")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Entity type FRESH added.");
        @SuppressWarnings("unchecked")
        List<String> names = as(manager).get(url(projectId)).then().extract().path("entityTypes.name");
        assertTrue(names.containsAll(List.of("ELSEWHERE", "FRESH")) && !names.contains("STALE"), names.toString());

        // A row's Save sends the version too, though the rows share one copy of it (issue 19 finding 2).
        schema = as(manager).get(url(projectId)).as(Map.class);
        as(manager).body(withEntityType(schema, "AGAIN")).put(url(projectId)).then().statusCode(200);
        page.getByLabel("Hotkey of PERSON").fill("q");
        page.getByRole(AriaRole.BUTTON, named("Save PERSON")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Someone changed the labels since this page was loaded");
        page.getByLabel("Hotkey of PERSON").fill("q");
        page.getByRole(AriaRole.BUTTON, named("Save PERSON")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Entity type PERSON saved.");
    }

    @Test
    void deletingFromTheSchemaPageSendsItsVersion() {
        String manager = newUser("pagedelete");
        long projectId = newProject(manager);
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + projectId + "/schema");
        page.onDialog(dialog -> dialog.accept()); // each Delete asks first
        page.getByRole(AriaRole.BUTTON, named("Delete attribute Negated")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Attribute deleted.");
        page.getByRole(AriaRole.BUTTON, named("Delete ORGANIZATION")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Entity type deleted.");
        @SuppressWarnings("unchecked")
        List<String> names = as(manager).get(url(projectId)).then().extract().path("entityTypes.name");
        @SuppressWarnings("unchecked")
        List<String> attributes = as(manager).get(url(projectId)).then().extract().path("attributes.name");
        assertEquals(List.of("COUNTRY", "PERSON"), names);
        assertEquals(List.of("Certainty"), attributes);
    }
}
