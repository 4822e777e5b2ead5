package org.relata.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AnonymousAccessTest {

    @Test
    void pagesSendAnonymousVisitorsToTheLoginForm() {
        given().redirects().follow(false).when().get("/").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void apiAnswersAnonymousCallersWith401AndAnErrorBody() {
        given().redirects().follow(false).when().get("/api/projects").then().statusCode(401)
                .body("error", org.hamcrest.Matchers.notNullValue()).body("field", equalTo(null));
    }
}
