package org.relata.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

/**
 * The jar that `./mvnw package` builds, started as operators start it: a browser logs in, a script imports a
 * document with code points outside the BMP and CRLF line ends, and the export gives back the same offsets.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT {

    // "😀 North Korea\r\nand China": COUNTRY at code points 2..13 and 19..24.
    private static final String TEXT = "\uD83D\uDE00 North Korea\\r\\nand China";

    @Test
    void aBrowserLogsInWithTheFormAndGetsASession() {
        Map<String, String> session = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", Api.ADMIN).formParam("j_password", Api.ADMIN_PASSWORD)
                .post("/j_security_check")
                .then().statusCode(302).cookie("relata-session", notNullValue()).cookie("relata-sid", notNullValue())
                .extract().cookies();

        given().cookies(session).accept(ContentType.HTML).get("/")
                .then().statusCode(200);
    }

    @Test
    void aScriptImportsAndExportsWithCodePointOffsets() {
        String name = Api.uniqueName("Packaged");
        int projectId = Api.asAdmin().body(Map.of("name", name, "description", "", "schema", Api.geoSchema()))
                .post("/api/projects").then().statusCode(201).extract().path("id");
        String line = "{\"id\":\"doc-1\",\"text\":\"" + TEXT + "\",\"spans\":["
                + "{\"id\":\"T1\",\"start\":2,\"end\":13,\"label\":\"COUNTRY\"},"
                + "{\"id\":\"T2\",\"start\":19,\"end\":24,\"label\":\"COUNTRY\"}]}\n";

        Api.asAdmin().contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/{id}/import?format=jsonl&target=gold", projectId)
                .then().statusCode(200).body("documents", equalTo(1)).body("spans", equalTo(2));

        String exported = Api.asAdmin().get("/api/projects/{id}/export?format=jsonl&source=gold&status=any", projectId)
                .then().statusCode(200).extract().asString();
        assertEquals(1, exported.lines().count());
        JsonPath json = JsonPath.from(exported);
        assertEquals("North Korea", json.getString("spans[0].text"));
        assertEquals(2, json.getInt("spans[0].start"));
        assertEquals("China", json.getString("spans[1].text"));
        assertEquals(19, json.getInt("spans[1].start"));
        Api.asAdmin().get("/api/projects").then().statusCode(200).body("name", hasItem(name));
    }
}
