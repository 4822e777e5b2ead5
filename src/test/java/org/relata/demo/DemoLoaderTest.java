package org.relata.demo;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.asAdmin;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo project: loaded once with its articles and schema, and never into an installation that has projects. (No
 * test profile with relata.demo on: a second application start would cost the suite most of a minute.)
 */
@QuarkusTest
class DemoLoaderTest {

    @Inject
    DemoLoader demo;

    @Inject
    Db db;

    @Test
    void demoProjectIsLoadedOnceAndOnlyOnce() {
        Api.newProject(Api.newUser("demo-pm"));
        assertFalse(demo.loadOnFirstStart(true), "an installation with projects gets no demo");
        assertFalse(demo.loadOnFirstStart(false));
        assertEquals(0, db.count("select count(*) from projects where name = ?1", DemoLoader.PROJECT_NAME));

        assertTrue(demo.load());
        assertEquals(1, db.count("select count(*) from projects where name = ?1", DemoLoader.PROJECT_NAME));
        assertFalse(demo.load(), "a second load does nothing");
        assertEquals(1, db.count("select count(*) from projects where name = ?1", DemoLoader.PROJECT_NAME));
        long projectId = ((Number) db.column("select id from projects where name = ?1", DemoLoader.PROJECT_NAME).get(0))
                .longValue();
        assertEquals(3, db.count("select count(*) from documents where project_id = ?1", projectId));
        asAdmin().get("/api/projects/" + projectId).then().statusCode(200)
                .body("schema.entityTypes.name", containsInAnyOrder("COUNTRY", "PERSON", "ORGANIZATION", "EVENT"))
                .body("schema.relationTypes.name", containsInAnyOrder("ALLY_OF", "TRADE_PARTNER_OF",
                        "SUPPLIES_WEAPONS_TO", "LEADER_OF", "VISITED", "SANCTIONS"));
    }
}
