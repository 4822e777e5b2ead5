package org.relata.schema;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.PASSWORD;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;
import org.relata.testsupport.Exchange;
import org.relata.testsupport.Sessions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Guards issue 19 finding 2: the schema and free text are bounded (relata.limits.*), checked before anything is
 * written, on the API and the import alike; at the limit the schema page stays small.
 */
@QuarkusTest
class SchemaLimitsTest {

    @Inject
    Db db;

    private static List<Map<String, Object>> types(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> Map.<String, Object> of("name", prefix + i)).toList();
    }

    @Test
    void aSchemaOverTheLimitsIsRefusedWhole() {
        String manager = newUser("limits");
        long projectId = newProject(manager);
        String url = "/api/projects/" + projectId + "/schema";
        as(manager).body(Map.of("entityTypes", types("E", 1001))).put(url).then().statusCode(400)
                .body("field", equalTo("$.entityTypes")).body("error", containsString("at most 1000 entity types"));
        as(manager).body(Map.of("entityTypes", types("E", 1), "relationTypes", types("R", 1001))).put(url).then()
                .statusCode(400).body("field", equalTo("$.relationTypes"));
        List<Map<String, Object>> attributes = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> attributes.add(Map.of("name", "A" + i, "on", "span")));
        as(manager).body(Map.of("attributes", attributes)).put(url).then().statusCode(400)
                .body("field", equalTo("$.attributes"));
        as(manager).body(Map.of("entityTypes", List.of(Map.of("name", "X".repeat(101))))).put(url).then()
                .statusCode(400).body("field", equalTo("$.entityTypes[0].name"));
        as(manager).get(url).then().body("entityTypes.name", equalTo(List.of("COUNTRY", "PERSON", "ORGANIZATION")));
    }

    @Test
    void atTheLimitTheSchemaPageStaysSmallAndFast() {
        String manager = newUser("atlimit");
        long projectId = newProject(manager);
        String url = "/api/projects/" + projectId + "/schema";
        String etag = as(manager).get(url).header("ETag");
        as(manager).header("If-Match", etag).body(Map.of("entityTypes", types("TYPE_", 1000))).put(url).then()
                .statusCode(200);
        Map<String, String> session = Sessions.login(manager, PASSWORD);
        given().cookies(session).get("/projects/" + projectId + "/schema").then().statusCode(200); // warm
        long[] millis = new long[5]; // the ≤ 1 s of issue 19 is read from these, not asserted: the machine is shared
        Response page = null;
        for (int i = 0; i < millis.length; i++) {
            long t0 = System.nanoTime();
            page = given().cookies(session).get("/projects/" + projectId + "/schema");
            page.asByteArray();
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        int bytes = page.asByteArray().length;
        if (Boolean.getBoolean("relata.dumpSchemaPage")) { // to see where the bytes go
            try {
                Files.write(Path.of("target/schema-page.html"), page.asByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long t1 = System.nanoTime();
        given().cookies(session).get("/projects/" + projectId).then().statusCode(200);
        long projectMillis = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("schema page with 1000 entity types: %d bytes in %s ms; project page %d ms%n", bytes,
                Arrays.toString(millis), projectMillis);
        page.then().statusCode(200);
        assertTrue(bytes <= 1_000_000, bytes + " bytes"); // issue 19: at most 1 MB of HTML at the limit
        // One more type through the API is refused.
        etag = as(manager).get(url).header("ETag");
        Map<String, Object> schema = as(manager).get(url).as(Map.class);
        List<Object> more = new ArrayList<>((List<?>) schema.get("entityTypes"));
        more.add(Map.of("name", "ONE_TOO_MANY"));
        as(manager).header("If-Match", etag).body(Map.of("entityTypes", more)).put(url).then().statusCode(400);
    }

    @Test
    void notesAreBoundedOnTheApiAndTheImport() {
        String user = newUser("notes");
        long projectId = newProject(user);
        long docId = db.document(projectId, "n-1", "Laos and Vietnam");
        String spans = "/api/documents/" + docId + "/layers/me/spans";
        as(user).body(Map.of("start", 0, "end", 4, "label", "COUNTRY", "note", "n".repeat(10_001))).post(spans).then()
                .statusCode(400).body("field", equalTo("note")).body("error", containsString("10000"));
        long spanId = ((Number) as(user).body(Map.of("start", 0, "end", 4, "label", "COUNTRY", "note", "n".repeat(10_000)))
                .post(spans).then().statusCode(201).extract().path("id")).longValue();
        as(user).body(Map.of("note", "n".repeat(10_001))).patch(spans + "/" + spanId).then().statusCode(400)
                .body("field", equalTo("note"));

        String line = "{\"id\":\"d1\",\"text\":\"Laos\",\"spans\":[{\"id\":\"T1\",\"start\":0,\"end\":4,"
                + "\"label\":\"COUNTRY\",\"note\":\"" + "n".repeat(10_001) + "\"}],\"relations\":[]}\n";
        Exchange.importJsonl(user, projectId, "", line).then().statusCode(400).body("error", containsString("note"));
    }

    @Test
    void anImportMayNotGrowTheSchemaPastItsLimit() {
        String user = newUser("importlimit");
        long projectId = newProject(user);
        StringBuilder spans = new StringBuilder();
        String text = "x".repeat(1000);
        for (int i = 0; i < 1000; i++) {
            spans.append(i == 0 ? "" : ",").append("{\"id\":\"T").append(i).append("\",\"start\":").append(i)
                    .append(",\"end\":").append(i + 1).append(",\"label\":\"L").append(i).append("\"}");
        }
        String line = "{\"id\":\"d1\",\"text\":\"" + text + "\",\"spans\":[" + spans + "],\"relations\":[]}\n";
        Exchange.importJsonl(user, projectId, "createLabels=true", line).then().statusCode(400)
                .body("error", containsString("most entity types"));
        assertEquals(3, db.count("select count(*) from entity_types where project_id = ?1", projectId));
    }
}
