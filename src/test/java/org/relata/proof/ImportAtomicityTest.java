package org.relata.proof;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.relata.testsupport.Exchange.importJsonl;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Imports are all-or-nothing however far into the file the error lies (issue 12): the writer stores documents in
 * batches of 500, so an error after one or two batches were written, or on the last line (stored only when the file
 * ends), must still leave no document and no label of the file behind.
 */
@QuarkusTest
class ImportAtomicityTest {

    String manager;
    long project;

    @BeforeEach
    void project() {
        manager = Api.newUser("pm");
        project = Api.newProject(manager);
    }

    @Test
    void anErrorAfterTwoWrittenBatchesLeavesNothing() {
        refused(1_100, 1_001);
    }

    @Test
    void anErrorOnTheLastLineLeavesNothing() {
        refused(601, 601);
    }

    @Test
    void theSameFileWithoutTheErrorIsStoredWhole() {
        importJsonl(manager, project, "createLabels=true", file(601, 0)).then().statusCode(200).body("documents", equalTo(601));
        Api.as(manager).get("/api/projects/" + project + "/documents?size=1").then().body("total", equalTo(601));
        Api.as(manager).get("/api/projects/" + project + "/schema").then().body("entityTypes.name", hasItem("IMPORTED_ONLY"));
    }

    private void refused(int lines, int badLine) {
        importJsonl(manager, project, "createLabels=true", file(lines, badLine)).then().statusCode(400)
                .body("line", equalTo(badLine)).body("field", equalTo("$.spans[0].end"));
        Api.as(manager).get("/api/projects/" + project + "/documents?size=1").then().statusCode(200).body("total", equalTo(0));
        Api.as(manager).get("/api/projects/" + project + "/schema").then()
                .body("entityTypes.name", not(hasItem("IMPORTED_ONLY")));
    }

    /** {@code lines} documents, each with a span of a label the schema lacks; on {@code badLine} the span overruns the text. */
    private static String file(int lines, int badLine) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            int end = i == badLine ? 99 : 5;
            out.append("{\"id\":\"doc-").append(i).append("\",\"text\":\"Korea and China\",\"spans\":[{\"start\":0,\"end\":")
                    .append(end).append(",\"label\":\"IMPORTED_ONLY\"}]}\n");
        }
        return out.toString();
    }
}
