package org.relata.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ApiDocsTest {

    @Test
    void openApiDescribesTheContractCallsAndBothLogins() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/users"))
                .body("paths", hasKey("/api/tokens"))
                .body("paths", hasKey("/api/projects"))
                .body("paths", hasKey("/api/projects/{id}"))
                .body("paths", hasKey("/api/projects/{id}/schema"))
                .body("paths", hasKey("/api/projects/{id}/members/{username}"))
                .body("components.securitySchemes.basic.scheme", equalTo("basic"))
                .body("components.securitySchemes.token.scheme", equalTo("bearer"));
    }

    @Test
    void theHtmlPagesStayOutOfTheApiDocument() {
        // Pages are left out by their class names (*Pages, application.properties), not one method at a time.
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet().findAll { !it.startsWith('/api/') }", empty())
                .body("paths", not(hasKey("/projects/{id}/schema")));
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // Metrics are for admins (docs/security.md); MetricsAccessTest checks the others are refused.
        org.relata.testsupport.Api.asAdmin().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void pagesCarrySecurityHeaders() {
        given().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }
}
