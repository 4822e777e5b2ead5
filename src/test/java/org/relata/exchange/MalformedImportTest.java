package org.relata.exchange;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Exchange.files;
import static org.relata.testsupport.Exchange.zip;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 12, item 2: each kind of malformed doccano line, brat .ann line and annotation.conf line is refused with 400
 * naming the file, the line and the field, and nothing of the import is stored (no document, span or label). The
 * malformed line comes after good ones, so that a refusal is seen to undo what was read before it.
 */
@QuarkusTest
class MalformedImportTest {

    private static final String GOOD_DOCCANO = "{\"id\":1,\"text\":\"Seoul met Beijing.\",\"entities\":[{\"id\":1,"
            + "\"start_offset\":0,\"end_offset\":5,\"label\":\"COUNTRY\"}]}\n";
    private static final String TEXT = "Seoul met Beijing.";
    private static final String GOOD_ANN = "T1\tCOUNTRY 0 5\tSeoul\nT2\tCOUNTRY 10 17\tBeijing\n";

    @Inject
    Db db;

    String manager;
    long project;
    long before;

    @BeforeEach
    void project() {
        manager = Api.newUser("pm");
        project = Api.newProject(manager);
        before = rows();
    }

    // doccano

    @Test
    void doccanoLineThatIsNotJson() {
        doccano("{\"id\":2,\"text\":\"Seoul\"", 2, "$").body("error", containsString("not valid JSON"));
    }

    @Test
    void doccanoLineThatIsNotAnObject() {
        doccano("[1, 2]", 2, "$").body("error", containsString("not a JSON object"));
    }

    @Test
    void doccanoWithoutText() {
        doccano("{\"id\":2,\"entities\":[]}", 2, "$.text");
    }

    @Test
    void doccanoEntityWithoutEndOffset() {
        doccano("{\"id\":2,\"text\":\"Seoul\",\"entities\":[{\"id\":1,\"start_offset\":0,\"label\":\"COUNTRY\"}]}", 2,
                "$.entities[0].end_offset");
    }

    @Test
    void doccanoOffsetThatIsNotAWholeNumber() {
        doccano("{\"id\":2,\"text\":\"Seoul\",\"entities\":[{\"id\":1,\"start_offset\":0.5,\"end_offset\":3,"
                + "\"label\":\"COUNTRY\"}]}", 2, "$.entities[0].start_offset");
    }

    @Test
    void doccanoEntityLabelThatIsNotAString() {
        doccano("{\"id\":2,\"text\":\"Seoul\",\"entities\":[{\"id\":1,\"start_offset\":0,\"end_offset\":5,\"label\":7}]}",
                2, "$.entities[0].label");
    }

    @Test
    void doccanoEntitiesThatAreNotAnArray() {
        doccano("{\"id\":2,\"text\":\"Seoul\",\"entities\":{\"id\":1}}", 2, "$.entities");
    }

    @Test
    void doccanoEntityOutsideTheText() {
        doccano("{\"id\":2,\"text\":\"Seoul\",\"entities\":[{\"id\":1,\"start_offset\":2,\"end_offset\":50,"
                + "\"label\":\"COUNTRY\"}]}", 2, "$.entities[0].end");
    }

    @Test
    void doccanoSequenceLabelThatIsNoTriple() {
        doccano("{\"id\":2,\"text\":\"Seoul\",\"label\":[[0,5]]}", 2, "$.label[0]");
    }

    @Test
    void doccanoSequenceLabelWithAnOffsetBeyondAnInteger() {
        doccano("{\"id\":2,\"text\":\"Seoul\",\"label\":[[0,99999999999,\"COUNTRY\"]]}", 2, "$.label[0]");
    }

    @Test
    void doccanoRelationWithoutFromId() {
        doccano("{\"id\":2,\"text\":\"Seoul\",\"entities\":[{\"id\":1,\"start_offset\":0,\"end_offset\":5,"
                + "\"label\":\"COUNTRY\"}],\"relations\":[{\"id\":1,\"to_id\":1,\"type\":\"ALLY_OF\"}]}", 2,
                "$.relations[0].from_id");
    }

    @Test
    void doccanoRelationToAnUnknownEntity() {
        doccano("{\"id\":2,\"text\":\"Seoul\",\"entities\":[{\"id\":1,\"start_offset\":0,\"end_offset\":5,"
                + "\"label\":\"COUNTRY\"}],\"relations\":[{\"id\":1,\"from_id\":1,\"to_id\":9,\"type\":\"ALLY_OF\"}]}", 2,
                "$.relations[0].tail");
    }

    @Test
    void doccanoUnknownLabel() {
        doccano("{\"id\":2,\"text\":\"Seoul\",\"entities\":[{\"id\":1,\"start_offset\":0,\"end_offset\":5,"
                + "\"label\":\"PLANET\"}]}", 2, "$.entities[0].label");
    }

    // brat .ann lines

    @Test
    void bratOffsetsThatAreNotNumbers() {
        ann("T3\tCOUNTRY zero 5\tSeoul", 3, "T3");
    }

    @Test
    void bratSpanTextThatDiffersFromTheDocument() {
        ann("T3\tCOUNTRY 0 5\tSeul", 3, "T3").body("error", containsString("differs"));
    }

    @Test
    void bratOffsetsOutsideTheText() {
        ann("T3\tCOUNTRY 10 99\tBeijing.", 3, "T3").body("error", containsString("outside"));
    }

    @Test
    void bratOffsetsBeyondAnInteger() {
        ann("T3\tCOUNTRY 0 99999999999\tSeoul", 3, "T3").body("error", containsString("too large"));
    }

    @Test
    void bratIdUsedTwice() {
        ann("T1\tCOUNTRY 10 17\tBeijing", 3, "T1").body("error", containsString("twice"));
    }

    @Test
    void bratRelationWithoutItsSecondArgument() {
        ann("R1\tALLY_OF Arg1:T1", 3, "R1");
    }

    @Test
    void bratEventWithoutTrigger() {
        ann("E1\tMeeting", 3, "E1");
    }

    @Test
    void bratAttributeOfAnUnknownAnnotation() {
        ann("A1\tNegated T9", 3, "A1").body("error", containsString("T9"));
    }

    @Test
    void bratNormalizationWithoutResource() {
        ann("N1\tReference T1 Q423\tSeoul", 3, "N1");
    }

    @Test
    void bratNoteOnAnUnknownAnnotation() {
        ann("#1\tAnnotatorNotes T9\tnote", 3, "#1");
    }

    @Test
    void bratUnknownLineKind() {
        ann("X1\tsomething", 3, "X1").body("error", containsString("Unknown"));
    }

    @Test
    void bratLineWithoutId() {
        ann("\tCOUNTRY 0 5\tSeoul", 3, "id");
    }

    @Test
    void bratUnknownLabel() {
        ann("T3\tPLANET 0 5\tSeoul", 3, "T3.label");
    }

    // annotation.conf

    @Test
    void confRelationWithoutSecondArgument() {
        conf("[entities]\nCOUNTRY\n[relations]\nBORDERS Arg1:COUNTRY\n", 4, "[relations]");
    }

    @Test
    void confEventRoleWithABadCount() {
        conf("[entities]\nCOUNTRY\n[events]\nMeeting Theme{x}:COUNTRY\n", 4, "[events]");
    }

    @Test
    void confEventRoleWithACountBeyondAnInteger() {
        conf("[entities]\nCOUNTRY\n[events]\nMeeting Theme{99999999999}:COUNTRY\n", 4, "[events]")
                .body("error", containsString("too large"));
    }

    @Test
    void confEntityNameWithAnInvisibleCharacter() {
        conf("[entities]\nCOUNTRY\nCI\u200BTY\n", 3, "[entities]");
    }

    // helpers

    private ValidatableResponse doccano(String badLine, int line, String field) {
        ValidatableResponse refused = Api.as(manager).contentType("application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"data.jsonl\"")
                .body((GOOD_DOCCANO + badLine + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + project + "/import?format=doccano")
                .then().statusCode(400).body("file", equalTo("data.jsonl")).body("line", equalTo(line))
                .body("field", equalTo(field));
        assertEquals(before, rows(), "nothing of the import is stored");
        return refused;
    }

    private ValidatableResponse ann(String badLine, int line, String field) {
        byte[] upload = zip(files("ok.txt", TEXT, "ok.ann", GOOD_ANN, "z/bad.txt", TEXT, "z/bad.ann", GOOD_ANN + badLine + "\n"));
        ValidatableResponse refused = brat(upload).body("file", equalTo("z/bad.ann")).body("line", equalTo(line))
                .body("field", equalTo(field));
        assertEquals(before, rows(), "nothing of the import is stored");
        return refused;
    }

    private ValidatableResponse conf(String conf, int line, String field) {
        byte[] upload = zip(files("annotation.conf", conf, "ok.txt", TEXT, "ok.ann", GOOD_ANN));
        ValidatableResponse refused = Api.as(manager).contentType("application/zip").body(upload)
                .post("/api/projects/" + project + "/import?format=brat&createLabels=true")
                .then().statusCode(400).body("file", equalTo("annotation.conf")).body("line", equalTo(line))
                .body("field", equalTo(field));
        assertEquals(before, rows(), "nothing of the import is stored, not even the conf's labels");
        return refused;
    }

    private ValidatableResponse brat(byte[] upload) {
        return Api.as(manager).contentType("application/zip").body(upload)
                .post("/api/projects/" + project + "/import?format=brat").then().statusCode(400);
    }

    /** Documents, spans and labels of the project. */
    private long rows() {
        return db.count("select count(*) from all_documents where project_id = ?1", project)
                + db.count("select count(*) from spans s join annotation_layers l on l.id = s.layer_id"
                        + " join all_documents d on d.id = l.document_id where d.project_id = ?1", project)
                + db.count("select count(*) from entity_types where project_id = ?1", project)
                + db.count("select count(*) from relation_types where project_id = ?1", project)
                + db.count("select count(*) from event_types where project_id = ?1", project);
    }
}
