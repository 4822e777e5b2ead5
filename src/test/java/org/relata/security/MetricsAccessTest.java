package org.relata.security;

import static io.restassured.RestAssured.given;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.asAdmin;
import static org.relata.testsupport.Api.newUser;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Guards issue 17 finding 7: the metrics (JVM, requests, pool) are for admins only. */
@QuarkusTest
class MetricsAccessTest {

    @Test
    void onlyAdminsReadTheMetrics() {
        given().redirects().follow(false).get("/q/metrics").then().statusCode(302);
        as(newUser("metrics")).get("/q/metrics").then().statusCode(403);
        asAdmin().get("/q/metrics").then().statusCode(200);
    }
}
