package org.relata.exchange;

import org.relata.testsupport.Exchange;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Exchange.TEXT_1;
import static org.relata.testsupport.Exchange.cp;
import static org.relata.testsupport.Exchange.export;
import static org.relata.testsupport.Exchange.importFile;
import static org.relata.testsupport.Exchange.importJsonl;
import static org.relata.testsupport.Exchange.nativeFixture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JsonlExchangeTest {

    @Inject
    Db db;

    String manager;
    long project;

    @BeforeEach
    void setUp() {
        manager = Api.newUser("pm");
        project = Api.newProject(manager);
    }

    long rows() {
        return db.count("select count(*) from documents where project_id = ?1", project)
                + db.count("select count(*) from annotation_layers l join documents d on d.id = l.document_id where d.project_id = ?1", project)
                + db.count("select count(*) from spans s join annotation_layers l on l.id = s.layer_id join documents d on d.id = l.document_id where d.project_id = ?1", project)
                + db.count("select count(*) from relations r join annotation_layers l on l.id = r.layer_id join documents d on d.id = l.document_id where d.project_id = ?1", project)
                + db.count("select count(*) from entity_types where project_id = ?1", project)
                + db.count("select count(*) from relation_types where project_id = ?1", project)
                + db.count("select count(*) from attribute_defs where project_id = ?1", project);
    }

    @Test
    void importCountsWhatItStored() {
        importJsonl(manager, project, "", nativeFixture()).then().statusCode(200)
                .body("documents", equalTo(2)).body("spans", equalTo(6)).body("relations", equalTo(2))
                .body("attributes", equalTo(2)).body("notes", equalTo(2)).body("skipped.size()", equalTo(0));
    }

    @Test
    void offsetsAreCodePointsWithEmojiCombiningMarksCjkAndCrlf() {
        importJsonl(manager, project, "", nativeFixture()).then().statusCode(200);
        // "Kim Jong-un" comes after a flag (two code points outside the BMP) and a CRLF, which count as they are.
        long start = db.count("select s.start_offset from spans s join annotation_layers l on l.id = s.layer_id"
                + " join documents d on d.id = l.document_id join entity_types t on t.id = s.entity_type_id"
                + " where d.project_id = ?1 and t.name = 'PERSON'", project);
        assertEquals(cp(TEXT_1, "Kim Jong-un"), start);
        assertEquals(TEXT_1.codePointCount(0, TEXT_1.indexOf("Kim")), start);
        String exported = export(manager, project, "").then().statusCode(200).extract().asString();
        assertTrue(exported.contains("\"start\":" + start + ",\"end\":" + (start + 11) + ",\"label\":\"PERSON\",\"text\":\"Kim Jong-un\""),
                exported);
        assertTrue(exported.contains("North Korea 🇰🇵 and China met.\\r\\nKim"), exported);
    }

    @Test
    void exportImportExportIsByteIdentical() {
        importJsonl(manager, project, "", nativeFixture()).then().statusCode(200);
        byte[] first = export(manager, project, "").then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asByteArray();
        long copy = Api.newProject(manager);
        importFile(manager, copy, "format=jsonl", "application/x-ndjson", first).then().statusCode(200);
        byte[] second = export(manager, copy, "").then().statusCode(200).extract().asByteArray();
        assertEquals(new String(first, StandardCharsets.UTF_8), new String(second, StandardCharsets.UTF_8));
    }

    @Test
    void exportHasEveryKeyInTheContractsOrder() {
        importJsonl(manager, project, "", nativeFixture()).then().statusCode(200);
        String line = export(manager, project, "").then().statusCode(200).extract().asString().split("\n")[1];
        assertEquals("{\"id\":\"doc-2\",\"text\":" + Exchange.json(Exchange.TEXT_2) + ",\"meta\":{},\"annotator\":\"gold\","
                + "\"status\":\"done\",\"spans\":[{\"id\":\"T1\",\"start\":0,\"end\":5,\"label\":\"ORGANIZATION\","
                + "\"text\":\"Cafe\u0301\",\"attributes\":{},\"note\":null,\"links\":[]},"
                + "{\"id\":\"T2\",\"start\":13,\"end\":15,\"label\":\"COUNTRY\",\"text\":\"中国\",\"attributes\":{},\"note\":null,\"links\":[]},"
                + "{\"id\":\"T3\",\"start\":20,\"end\":22,\"label\":\"COUNTRY\",\"text\":\"日本\",\"attributes\":{},\"note\":null,\"links\":[]}],"
                + "\"relations\":[]}", line);
    }

    @Test
    void gzipBodyIsUnpacked() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(nativeFixture().getBytes(StandardCharsets.UTF_8));
        }
        Api.as(manager).contentType("application/x-ndjson").header("Content-Encoding", "gzip").body(bytes.toByteArray())
                .post("/api/projects/" + project + "/import?format=jsonl").then().statusCode(200).body("documents", equalTo(2));
    }

    @Test
    void truncatedGzipIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(nativeFixture().getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        long before = rows();
        Api.as(manager).contentType("application/x-ndjson").header("Content-Encoding", "gzip").body(cut)
                .post("/api/projects/" + project + "/import?format=jsonl").then().statusCode(400)
                .body("error", containsString("gzip"));
        assertEquals(before, rows());
    }

    @Test
    void spanOutsideTheTextIsRefusedWithLineAndFieldAndNothingIsStored() {
        long before = rows();
        String bad = nativeFixture() + "{\"id\":\"doc-3\",\"text\":\"short\",\"spans\":[{\"start\":1,\"end\":9,\"label\":\"COUNTRY\"}]}\n";
        importJsonl(manager, project, "", bad).then().statusCode(400)
                .body("line", equalTo(3)).body("field", equalTo("$.spans[0].end")).body("file", nullValue())
                .body("error", containsString("at most the text's length 5"));
        assertEquals(before, rows());
    }

    @Test
    void spanTextThatDiffersFromTheDocumentIsRefused() {
        long before = rows();
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"Hello world\",\"spans\":[{\"start\":0,\"end\":5,"
                + "\"label\":\"COUNTRY\",\"text\":\"Howdy\"}]}\n").then().statusCode(400)
                .body("line", equalTo(1)).body("field", equalTo("$.spans[0].text"));
        assertEquals(before, rows());
    }

    @Test
    void unknownLabelIsRefusedUnlessCreateLabels() {
        String line = "{\"id\":\"d\",\"text\":\"Hello world\",\"spans\":[{\"id\":\"T1\",\"start\":0,\"end\":5,\"label\":\"GREETING\"},"
                + "{\"id\":\"T2\",\"start\":6,\"end\":11,\"label\":\"COUNTRY\",\"attributes\":{\"Mood\":\"calm\"}}],"
                + "\"relations\":[{\"head\":\"T1\",\"tail\":\"T2\",\"label\":\"GREETS\"}]}\n";
        long before = rows();
        importJsonl(manager, project, "", line).then().statusCode(400)
                .body("field", equalTo("$.spans[0].label")).body("error", containsString("GREETING"));
        assertEquals(before, rows());
        importJsonl(manager, project, "createLabels=true", line).then().statusCode(200).body("spans", equalTo(2));
        Api.as(manager).get("/api/projects/" + project).then().statusCode(200)
                .body("schema.entityTypes.name", org.hamcrest.Matchers.hasItem("GREETING"))
                .body("schema.relationTypes.name", org.hamcrest.Matchers.hasItem("GREETS"))
                .body("schema.attributes.find { it.name == 'Mood' }.values", equalTo(List.of("calm")));
    }

    @Test
    void relationTypeThatDoesNotAllowThePairIsRefused() {
        long before = rows();
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"Kim Korea\",\"spans\":[{\"id\":\"a\",\"start\":0,\"end\":3,"
                + "\"label\":\"PERSON\"},{\"id\":\"b\",\"start\":4,\"end\":9,\"label\":\"COUNTRY\"}],"
                + "\"relations\":[{\"head\":\"b\",\"tail\":\"a\",\"label\":\"LEADER_OF\"}]}\n").then().statusCode(400)
                .body("field", equalTo("$.relations[0]")).body("error", containsString("does not allow COUNTRY → PERSON"));
        assertEquals(before, rows());
    }

    @Test
    void relationToAMissingSpanIsRefused() {
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"Kim Korea\",\"spans\":[{\"id\":\"a\",\"start\":0,\"end\":3,"
                + "\"label\":\"PERSON\"}],\"relations\":[{\"head\":\"a\",\"tail\":\"zz\",\"label\":\"LEADER_OF\"}]}\n")
                .then().statusCode(400).body("field", equalTo("$.relations[0].tail"));
    }

    @Test
    void duplicateDocumentIdInTheFileIsRefused() {
        long before = rows();
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"a\"}\n{\"id\":\"d\",\"text\":\"b\"}\n").then().statusCode(400)
                .body("line", equalTo(2)).body("field", equalTo("$.id")).body("error", containsString("appears twice"));
        assertEquals(before, rows());
    }

    @Test
    void documentAlreadyInTheProjectIsAConflict() {
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"a\"}\n").then().statusCode(200);
        long before = rows();
        importJsonl(manager, project, "", "{\"id\":\"e\",\"text\":\"b\"}\n{\"id\":\"d\",\"text\":\"a\"}\n").then().statusCode(409)
                .body("line", equalTo(2)).body("error", containsString("already in the project"));
        assertEquals(before, rows());
    }

    @Test
    void duplicateSpanIdIsRefused() {
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"Kim Korea\",\"spans\":[{\"id\":\"a\",\"start\":0,\"end\":3,"
                + "\"label\":\"PERSON\"},{\"id\":\"a\",\"start\":4,\"end\":9,\"label\":\"COUNTRY\"}]}\n")
                .then().statusCode(400).body("field", equalTo("$.spans[1].id"));
    }

    @Test
    void blankLineIsRefused() {
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"a\"}\n\n{\"id\":\"e\",\"text\":\"b\"}\n").then().statusCode(400)
                .body("line", equalTo(2)).body("error", containsString("blank"));
    }

    @Test
    void crlfLineEndsAreAccepted() {
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"a\"}\r\n{\"id\":\"e\",\"text\":\"b\"}\r\n").then().statusCode(200)
                .body("documents", equalTo(2));
    }

    @Test
    void byteOrderMarkIsRefused() {
        importJsonl(manager, project, "", "\uFEFF{\"id\":\"d\",\"text\":\"a\"}\n").then().statusCode(400)
                .body("line", equalTo(1)).body("error", containsString("byte-order mark"));
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() {
        byte[] good = "{\"id\":\"d\",\"text\":\"a\"}\n{\"id\":\"e\",\"text\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[good.length + 4];
        System.arraycopy(good, 0, body, 0, good.length);
        body[good.length] = (byte) 0xC3;
        body[good.length + 1] = (byte) 0x28;
        body[good.length + 2] = '"';
        body[good.length + 3] = '}';
        long before = rows();
        importFile(manager, project, "format=jsonl", "application/x-ndjson", body).then().statusCode(400)
                .body("line", equalTo(2)).body("error", containsString("not valid UTF-8"));
        assertEquals(before, rows());
    }

    @Test
    void invalidJsonIsRefusedWithItsLine() {
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"a\"}\n{\"id\":\"e\",\"text\":}\n").then().statusCode(400)
                .body("line", equalTo(2)).body("error", containsString("not valid JSON"));
    }

    @Test
    void fileNameFromContentDispositionIsNamedInErrors() {
        Api.as(manager).contentType("application/x-ndjson").header("Content-Disposition", "attachment; filename=\"gold.jsonl\"")
                .body("{\"id\":\"d\"}\n".getBytes()).post("/api/projects/" + project + "/import?format=jsonl").then().statusCode(400)
                .body("file", equalTo("gold.jsonl")).body("line", equalTo(1)).body("field", equalTo("$.text"));
    }

    @Test
    void unknownFormatIs415() {
        importFile(manager, project, "format=xml", "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)).then().statusCode(415)
                .body("field", equalTo("format"));
    }

    @Test
    void exportOfNoDocumentsIsEmpty() {
        assertEquals("", export(manager, project, "").then().statusCode(200).extract().asString());
    }

    @Test
    void exportDefaultsToFinishedGoldLayersAndAnyIncludesTheRest() {
        importJsonl(manager, project, "", nativeFixture() + "{\"id\":\"doc-3\",\"text\":\"Plain\"}\n"
                + "{\"id\":\"doc-4\",\"text\":\"Open\",\"status\":\"in_progress\"}\n").then().statusCode(200);
        assertEquals(2, export(manager, project, "").then().statusCode(200).extract().asString().split("\n").length);
        String any = export(manager, project, "status=any").then().statusCode(200).extract().asString();
        assertEquals(4, any.split("\n").length);
        assertTrue(any.contains("{\"id\":\"doc-3\",\"text\":\"Plain\",\"meta\":{},\"annotator\":\"gold\",\"status\":\"new\",\"spans\":[],\"relations\":[]}"), any);
        assertTrue(any.contains("\"id\":\"doc-4\",\"text\":\"Open\",\"meta\":{},\"annotator\":\"gold\",\"status\":\"in_progress\""), any);
    }

    @Test
    void importIntoAUserLayerExportsWithThatAnnotator() {
        String annotator = Api.newUser("ann");
        Api.addMember(project, manager, annotator, "ANNOTATOR");
        importJsonl(manager, project, "target=user:" + annotator, nativeFixture()).then().statusCode(200);
        assertEquals("", export(manager, project, "").then().statusCode(200).extract().asString());
        String mine = export(manager, project, "source=user:" + annotator).then().statusCode(200).extract().asString();
        assertTrue(mine.contains("\"annotator\":\"" + annotator + "\""), mine);
        String all = export(manager, project, "source=all").then().statusCode(200).extract().asString();
        assertEquals(2, all.split("\n").length);
    }

    @Test
    void importTargetMustBeAMember() {
        String stranger = Api.newUser("x");
        importJsonl(manager, project, "target=user:" + stranger, nativeFixture()).then().statusCode(400)
                .body("field", equalTo("target"));
    }

    @Test
    void exportOfManyDocumentsKeepsTheirOrderAndEachOneItsOwnAnnotations() {
        // More documents than the export reads in one batch, imported out of order, each with spans and a relation
        // that name it: the batches go through several readers at once and must come out in order and unmixed.
        int documents = 230;
        List<Integer> order = new java.util.ArrayList<>();
        for (int n = 0; n < documents; n++) {
            order.add(n);
        }
        java.util.Collections.shuffle(order, new java.util.Random(5));
        StringBuilder file = new StringBuilder();
        for (int n : order) {
            String text = "Report " + n + " 😀 from Seoul\r\nabout item-" + n + ".";
            file.append("{\"id\":\"d").append(n).append("\",\"text\":").append(Exchange.json(text))
                    .append(",\"status\":\"done\",\"spans\":[")
                    .append(Exchange.span("b", text, "item-" + n, "ORGANIZATION", "{}", null, "[]")).append(",")
                    .append(Exchange.span("a", text, "Report " + n, "ORGANIZATION", "{}", null, "[]"))
                    .append("],\"relations\":[{\"id\":\"R1\",\"label\":\"PART_OF\",\"head\":\"b\",\"tail\":\"a\"}]}\n");
        }
        importJsonl(manager, project, "createLabels=true", file.toString()).then().statusCode(200)
                .body("documents", equalTo(documents));
        String exported = export(manager, project, "").then().statusCode(200).extract().asString();
        String[] lines = exported.split("\n");
        assertEquals(documents, lines.length);
        List<String> ids = new java.util.ArrayList<>();
        for (String line : lines) {
            String id = line.substring("{\"id\":\"".length(), line.indexOf('"', "{\"id\":\"".length()));
            ids.add(id);
            String n = id.substring(1);
            assertTrue(line.contains("\"spans\":[{\"id\":\"T1\",\"start\":0,\"end\":" + ("Report " + n).length()
                    + ",\"label\":\"ORGANIZATION\",\"text\":\"Report " + n + "\""), line);
            assertTrue(line.contains("\"label\":\"ORGANIZATION\",\"text\":\"item-" + n + "\""), line);
            assertTrue(line.contains("\"relations\":[{\"id\":\"R1\",\"label\":\"PART_OF\",\"head\":\"T2\",\"tail\":\"T1\""), line);
        }
        List<String> sorted = new java.util.ArrayList<>(ids);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, ids);
    }

    @Test
    void aLargeImportLeavesThePlannerFreshStatistics() {
        // Without them, an export right after a bulk load scanned every span once per batch of documents.
        StringBuilder file = new StringBuilder();
        for (int n = 0; n < 1000; n++) {
            file.append("{\"id\":\"bulk-").append(n).append("\",\"text\":\"Line ").append(n).append("\"}\n");
        }
        importJsonl(manager, project, "", file.toString()).then().statusCode(200).body("documents", equalTo(1000));
        // ANALYZE reads every row of a table this small, so its row estimate is the exact count. The table is
        // all_documents: "documents" is the view without the trash (V5).
        assertEquals(db.count("select count(*) from all_documents"),
                db.count("select reltuples::bigint from pg_class where relname = 'all_documents'"));
    }

    @Test
    void concurrentExportsEachGetTheWholeProject() throws Exception {
        // Each export holds three connections of the pool (a reader and two annotation workers): several at once
        // must neither starve one another nor mix their batches.
        StringBuilder file = new StringBuilder(nativeFixture());
        for (int n = 0; n < 120; n++) {
            String text = "Note " + n + " on 北京 😀.";
            file.append("{\"id\":\"n").append(n).append("\",\"text\":").append(Exchange.json(text))
                    .append(",\"status\":\"done\",\"spans\":[")
                    .append(Exchange.span("a", text, "北京", "COUNTRY", "{}", null, "[]")).append("]}\n");
        }
        importJsonl(manager, project, "createLabels=true", file.toString()).then().statusCode(200);
        String expected = export(manager, project, "").then().statusCode(200).extract().asString();
        assertEquals(122, expected.split("\n").length);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            List<java.util.concurrent.Future<String>> exports = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                exports.add(pool.submit(() -> export(manager, project, "").then().statusCode(200).extract().asString()));
            }
            for (java.util.concurrent.Future<String> exported : exports) {
                assertEquals(expected, exported.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
