package org.relata.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Exchange.importJsonl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 17, finding 8 (the import parts): a NUL in any field of a JSONL line, and two imports of one document id at
 * the same moment, answered 500. Now a 400 naming file, line and field, and a 409 for the import that came second.
 */
@QuarkusTest
class ImportFaultsTest {

    String manager;
    long project;

    @BeforeEach
    void project() {
        manager = Api.newUser("pm");
        project = Api.newProject(manager);
    }

    @Test
    void aNulCharacterInAnyFieldIsRefusedWithItsField() {
        String ok = "{\"id\":\"d1\",\"text\":\"Seoul met Beijing.\"}\n";
        refused(ok + "{\"id\":\"d\\u00002\",\"text\":\"Seoul.\"}\n", 2, "$.id");
        refused(ok + "{\"id\":\"d2\",\"text\":\"Seoul.\",\"meta\":{\"source\":\"a\\u0000b\"}}\n", 2, "$.meta.source");
        refused("{\"id\":\"d2\",\"text\":\"Seoul.\",\"meta\":{\"tags\":[\"x\",\"\\u0000\"]}}\n", 1, "$.meta.tags[1]");
        refused("{\"id\":\"d2\",\"text\":\"Seoul.\",\"spans\":[{\"start\":0,\"end\":5,\"label\":\"CITY\","
                + "\"note\":\"bad\\u0000note\"}]}\n", 1, "$.spans[0].note");
        refused("{\"id\":\"d2\",\"text\":\"Seoul.\",\"spans\":[{\"start\":0,\"end\":5,\"label\":\"CITY\","
                + "\"attributes\":{\"Source\":\"x\\u0000\"}}]}\n", 1, "$.spans[0].attributes.Source");
        Api.as(manager).get("/api/projects/" + project + "/documents").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void concurrentImportsOfOneIdStoreItOnceAndTellTheOthers409() throws Exception {
        String file = "{\"id\":\"same\",\"text\":\"Pyongyang and Moscow signed a treaty.\",\"spans\":[{\"start\":0,"
                + "\"end\":9,\"label\":\"CITY\"}]}\n";
        int imports = 8;
        ExecutorService pool = Executors.newFixedThreadPool(imports);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < imports; i++) {
                Callable<Integer> upload = () -> importJsonl(manager, project, "createLabels=true", file).statusCode();
                answers.add(pool.submit(upload));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        Api.as(manager).get("/api/projects/" + project + "/documents").then().statusCode(200).body("total", equalTo(1));
    }

    private void refused(String jsonl, int line, String field) {
        importJsonl(manager, project, "createLabels=true", jsonl).then().statusCode(400)
                .body("line", equalTo(line)).body("field", equalTo(field)).body("error", containsString("NUL"));
    }
}
