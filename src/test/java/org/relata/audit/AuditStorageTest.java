package org.relata.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Audit rows must not dominate storage (issue 12, item 6): a burst of span writes once left 25 MB of audit rows
 * beside 6 MB of spans. Measures the bytes the audit table (with its indexes) grows by per span write, over a
 * mix of creations, relabels and deletions, and holds it under a bound the full-row format exceeded (403 bytes per
 * write before V17, about 245 after; the bound leaves room for page granularity).
 */
@QuarkusTest
class AuditStorageTest {

    static final int ROUNDS = 200;

    @Inject
    Db db;

    @Test
    void aSpanWriteAddsAFewHundredBytesOfAuditAtMost() {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        long doc = db.document(project, "burst", "North Korea and China and Russia and Iran.");
        String spans = "/api/documents/" + doc + "/layers/gold/spans";
        long before = auditBytes();
        for (int i = 0; i < ROUNDS; i++) {
            long id = ((Number) as(manager).body(Map.of("start", 16, "end", 21, "label", "COUNTRY"))
                    .post(spans).then().statusCode(201).extract().path("id")).longValue();
            as(manager).body(Map.of("label", "ORGANIZATION")).patch(spans + "/" + id).then().statusCode(200);
            as(manager).delete(spans + "/" + id).then().statusCode(200);
        }
        double perWrite = (auditBytes() - before) / (3.0 * ROUNDS);
        System.out.printf("audit bytes per span write: %.0f%n", perWrite);
        assertTrue(perWrite < 280, "audit bytes per span write: " + perWrite);
    }

    private static RequestSpecification as(String user) {
        return Api.as(user);
    }

    private long auditBytes() {
        return db.count("select pg_total_relation_size('audit_events')");
    }
}
