package org.relata.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.asAdmin;
import static org.relata.testsupport.Api.geoSchema;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;
import static org.relata.testsupport.Api.uniqueName;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProjectApiTest {

    @Test
    void creatorBecomesManagerAndSeesSchema() {
        String manager = newUser("manager");
        String name = uniqueName("Geo");
        long id = ((Number) as(manager).body(Map.of("name", name, "description", "d", "schema", geoSchema()))
                .post("/api/projects")
                .then().statusCode(201)
                .body("name", equalTo(name))
                .extract().path("id")).longValue();
        as(manager).body(Map.of("name", name + " other")).post("/api/projects")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/projects/\\d+$"));

        as(manager).get("/api/projects/" + id).then().statusCode(200)
                .body("role", equalTo("MANAGER"))
                .body("schema.entityTypes.name", containsInAnyOrder("COUNTRY", "PERSON", "ORGANIZATION"))
                .body("schema.relationTypes.find { it.name == 'ALLY_OF' }.directed", equalTo(false))
                .body("schema.relationTypes.find { it.name == 'LEADER_OF' }.allowed[0].head", equalTo("PERSON"))
                .body("schema.attributes.find { it.name == 'Negated' }.values", nullValue())
                .body("schema.attributes.find { it.name == 'Certainty' }.values", equalTo(List.of("low", "high")));
        as(manager).get("/api/projects").then().statusCode(200).body("name", hasItem(name));
    }
}
