package org.relata.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Guards issue 19 finding 8: a non-integer or out-of-range number answers 400 in the error shape, naming the
 * field, on every JSON endpoint (one Jackson configuration), instead of being cut to an integer or answering 500.
 */
@QuarkusTest
class StrictNumbersTest {

    @Inject
    Db db;

    private static final String HUGE = "9".repeat(2000);

    @Test
    void fractionalAndHugeOffsetsAreRefusedAndNothingIsStored() {
        String user = newUser("numbers");
        long projectId = newProject(user);
        long docId = db.document(projectId, "n-1", "Laos and Vietnam");
        String spans = "/api/documents/" + docId + "/layers/me/spans";

        as(user).body("{\"start\": 0.9, \"end\": 5.7, \"label\": \"COUNTRY\"}").post(spans).then().statusCode(400)
                .body("field", equalTo("$.start")).body("error", containsString("JSON"));
        as(user).body("{\"start\": 0, \"end\": 4.0, \"label\": \"COUNTRY\"}").post(spans).then().statusCode(400)
                .body("field", equalTo("$.end"));
        as(user).body("{\"start\": 0, \"end\": 4294967300, \"label\": \"COUNTRY\"}").post(spans).then()
                .statusCode(400).body("field", equalTo("$.end"));
        as(user).body("{\"start\": " + HUGE + ", \"end\": 4, \"label\": \"COUNTRY\"}").post(spans).then()
                .statusCode(400).body("error", containsString("JSON"));
        assertEquals(0, db.count("select count(*) from spans s join annotation_layers l on l.id = s.layer_id"
                + " where l.document_id = ?1", docId));
        // Integers still work.
        as(user).body("{\"start\": 0, \"end\": 4, \"label\": \"COUNTRY\"}").post(spans).then().statusCode(201);
    }

    @Test
    void otherEndpointsRefuseThemAlike() {
        String user = newUser("numbers2");
        long projectId = newProject(user);
        // The id of an existing type with a fraction: cut to an integer it would rename that type.
        Number countryId = as(user).get("/api/projects/" + projectId + "/schema").then().extract()
                .path("entityTypes[0].id");
        var etag = as(user).get("/api/projects/" + projectId + "/schema").header("ETag");
        var put = as(user).body("{\"entityTypes\": [{\"id\": " + countryId + ".5, \"name\": \"A\"}]}");
        if (etag != null) {
            put.header("If-Match", etag);
        }
        put.put("/api/projects/" + projectId + "/schema").then().statusCode(400)
                .body("field", equalTo("$.entityTypes[0].id"));
        as(user).get("/api/projects/" + projectId + "/schema").then()
                .body("entityTypes.name", equalTo(java.util.List.of("COUNTRY", "PERSON", "ORGANIZATION")));
        as(user).body("{\"entityTypes\": [{\"id\": " + HUGE + ", \"name\": \"A\"}]}")
                .put("/api/projects/" + projectId + "/schema").then().statusCode(400)
                .body("error", containsString("JSON"));
        as(user).body("{\"entityTypes\": [{\"id\": 99999999999999999999999, \"name\": \"A\"}]}")
                .put("/api/projects/" + projectId + "/schema").then().statusCode(400)
                .body("field", equalTo("$.entityTypes[0].id"));
    }
}
