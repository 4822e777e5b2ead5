package org.relata.exchange;

import org.relata.testsupport.Exchange;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Exchange.cp;
import static org.relata.testsupport.Exchange.cpEnd;
import static org.relata.testsupport.Exchange.export;
import static org.relata.testsupport.Exchange.files;
import static org.relata.testsupport.Exchange.importFile;
import static org.relata.testsupport.Exchange.importJsonl;
import static org.relata.testsupport.Exchange.json;
import static org.relata.testsupport.Exchange.nativeFixture;
import static org.relata.testsupport.Exchange.unzip;
import static org.relata.testsupport.Exchange.zip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.exchange.store.Splits;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OtherFormatsTest {

    @Inject
    Db db;

    String manager;
    long project;

    @BeforeEach
    void setUp() {
        manager = Api.newUser("pm");
        project = Api.newProject(manager);
    }

    long documents() {
        return db.count("select count(*) from documents where project_id = ?1", project);
    }

    static String doccanoRelations() {
        String t = Exchange.TEXT_1;
        return "{\"id\":7,\"text\":" + json(t) + ",\"entities\":["
                + "{\"id\":1,\"label\":\"COUNTRY\",\"start_offset\":" + cp(t, "North Korea") + ",\"end_offset\":" + cpEnd(t, "North Korea") + "},"
                + "{\"id\":2,\"label\":\"COUNTRY\",\"start_offset\":" + cp(t, "China") + ",\"end_offset\":" + cpEnd(t, "China") + "},"
                + "{\"id\":3,\"label\":\"PERSON\",\"start_offset\":" + cp(t, "Kim") + ",\"end_offset\":" + cpEnd(t, "Kim Jong-un") + "}],"
                + "\"relations\":[{\"id\":1,\"from_id\":1,\"to_id\":2,\"type\":\"ALLY_OF\"},{\"id\":2,\"from_id\":3,\"to_id\":1,\"type\":\"LEADER_OF\"}],"
                + "\"Comments\":[]}\n";
    }

    @Test
    void doccanoRelationShapeRoundTripsEveryEntityAndRelation() {
        importFile(manager, project, "format=doccano", "application/x-ndjson", doccanoRelations().getBytes(StandardCharsets.UTF_8))
                .then().statusCode(200).body("documents", equalTo(1)).body("spans", equalTo(3)).body("relations", equalTo(2));
        String exported = export(manager, project, "format=doccano").then().statusCode(200).extract().asString();
        String t = Exchange.TEXT_1;
        assertEquals("{\"id\":\"7\",\"text\":" + json(t) + ",\"entities\":["
                + "{\"id\":1,\"label\":\"COUNTRY\",\"start_offset\":0,\"end_offset\":11},"
                + "{\"id\":2,\"label\":\"COUNTRY\",\"start_offset\":" + cp(t, "China") + ",\"end_offset\":" + cpEnd(t, "China") + "},"
                + "{\"id\":3,\"label\":\"PERSON\",\"start_offset\":" + cp(t, "Kim") + ",\"end_offset\":" + cpEnd(t, "Kim Jong-un") + "}],"
                + "\"relations\":[{\"id\":1,\"from_id\":1,\"to_id\":2,\"type\":\"ALLY_OF\"},{\"id\":2,\"from_id\":3,\"to_id\":1,\"type\":\"LEADER_OF\"}],"
                + "\"Comments\":[]}\n", exported);
        long copy = Api.newProject(manager);
        importFile(manager, copy, "format=doccano", "application/x-ndjson", exported.getBytes(StandardCharsets.UTF_8))
                .then().statusCode(200).body("spans", equalTo(3)).body("relations", equalTo(2));
        assertEquals(exported, export(manager, copy, "format=doccano").then().extract().asString());
    }

    @Test
    void doccanoSequenceLabellingShapeIsRead() {
        String t = Exchange.TEXT_2;
        importFile(manager, project, "format=doccano", "application/x-ndjson", ("{\"text\":" + json(t) + ",\"label\":[["
                + cp(t, "中国") + "," + cpEnd(t, "中国") + ",\"COUNTRY\"],[" + cp(t, "日本") + "," + cpEnd(t, "日本") + ",\"COUNTRY\"]]}\n")
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(200).body("spans", equalTo(2));
        String exported = export(manager, project, "").then().statusCode(200).extract().asString();
        assertTrue(exported.contains("\"id\":\"doccano-1\""), exported);
        assertTrue(exported.contains("\"text\":\"中国\"") && exported.contains("\"text\":\"日本\""), exported);
    }

    @Test
    void doccanoEntityOutsideTheTextIsRefused() {
        importFile(manager, project, "format=doccano", "application/x-ndjson",
                "{\"text\":\"abc\",\"label\":[[0,9,\"COUNTRY\"]]}\n".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("line", equalTo(1)).body("field", equalTo("$.label[0].end"));
        assertEquals(0, documents());
    }

    @Test
    void plainTextBecomesOneDocumentKeepingCrlf() {
        String text = "Line one 😀\r\nLine two\r\n";
        Api.as(manager).contentType("text/plain").header("Content-Disposition", "attachment; filename=\"memo.txt\"")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/projects/" + project + "/import?format=text")
                .then().statusCode(200).body("documents", equalTo(1)).body("spans", equalTo(0));
        assertEquals(List.of(text), db.column("select text from documents where project_id = ?1", project));
        assertEquals(List.of("memo"), db.column("select external_id from documents where project_id = ?1", project));
        assertEquals(List.of(22), db.column("select length from documents where project_id = ?1", project));
    }

    @Test
    void zipOfTextFilesBecomesOneDocumentPerFile() {
        importFile(manager, project, "format=text", "application/zip",
                zip(files("a.txt", "Alpha", "sub/b.txt", "Beta", "readme.md", "skip me")))
                .then().statusCode(200).body("documents", equalTo(2)).body("skipped", equalTo(List.of("readme.md")));
        assertEquals(List.of("a", "sub/b"), db.column("select external_id from documents where project_id = ?1 order by 1", project));
    }

    @Test
    void invalidUtf8TextIsRefused() {
        importFile(manager, project, "format=text", "text/plain", new byte[] {'o', 'k', '\n', (byte) 0xff, 'x'})
                .then().statusCode(400).body("line", equalTo(2)).body("error", containsString("UTF-8"));
        assertEquals(0, documents());
    }

    @Test
    void documentOverTheSizeLimitIs413() {
        byte[] big = new byte[(10 << 20) + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        importFile(manager, project, "format=text", "text/plain", big).then().statusCode(413);
        assertEquals(0, documents());
    }

    @Test
    void prodigyExportHasTokensAndTokenIndexedSpansAndRelations() {
        importJsonl(manager, project, "", nativeFixture()).then().statusCode(200);
        var response = export(manager, project, "format=prodigy").then().statusCode(200).header("X-Relata-Left-Out", "0");
        String first = response.extract().asString().split("\n")[0];
        var line = io.restassured.path.json.JsonPath.from(first);
        assertEquals("North", line.getString("tokens[0].text"));
        assertEquals(0, line.getInt("spans[0].token_start"));
        assertEquals(1, line.getInt("spans[0].token_end"));
        assertEquals("COUNTRY", line.getString("spans[0].label"));
        // LEADER_OF: Kim Jong-un → North Korea; head and child are the spans' first tokens.
        Map<String, Object> leader = line.getMap("relations.find { it.label == 'LEADER_OF' }");
        assertEquals(line.getInt("spans.find { it.label == 'PERSON' }.token_start"), leader.get("head"));
        assertEquals(0, leader.get("child"));
        assertEquals("doc-1", line.getString("meta.id"));
    }

    @Test
    void prodigyReportsSpansOffTokenEdges() {
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"Koreas\",\"status\":\"done\",\"spans\":[{\"start\":0,\"end\":5,"
                + "\"label\":\"COUNTRY\"}]}\n").then().statusCode(200);
        String out = export(manager, project, "format=prodigy").then().statusCode(200).header("X-Relata-Left-Out", "1")
                .extract().asString();
        assertTrue(out.contains("\"spans\":[]"), out);
    }

    @Test
    void conllWritesBioTagsAndTheLongestOverlappingSpanWins() {
        importJsonl(manager, project, "", "{\"id\":\"d\",\"text\":\"The United States Army left.\\nThen Xi came.\",\"status\":\"done\","
                + "\"spans\":[{\"start\":4,\"end\":17,\"label\":\"COUNTRY\"},{\"start\":4,\"end\":22,\"label\":\"ORGANIZATION\"},"
                + "{\"start\":34,\"end\":36,\"label\":\"PERSON\"}]}\n").then().statusCode(200);
        String out = export(manager, project, "format=conll").then().statusCode(200).header("X-Relata-Left-Out", "1")
                .extract().asString();
        assertEquals("# left out: 1 spans (overlapping a longer span, not on token edges, or discontinuous)\n"
                + "-DOCSTART- -X- -X- O\n\n"
                + "The -X- _ O\nUnited -X- _ B-ORGANIZATION\nStates -X- _ I-ORGANIZATION\nArmy -X- _ I-ORGANIZATION\n"
                + "left -X- _ O\n. -X- _ O\n\n"
                + "Then -X- _ O\nXi -X- _ B-PERSON\ncame -X- _ O\n. -X- _ O\n\n", out);
    }

    @Test
    void splitGivesAZipOfOneFilePerSplitStableAcrossRunsAndAddedDocuments() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            lines.append("{\"id\":\"doc-").append(i).append("\",\"text\":\"Text ").append(i).append("\",\"status\":\"done\"}\n");
        }
        importJsonl(manager, project, "", lines.toString()).then().statusCode(200);
        String query = "split=train:0.8,dev:0.1,test:0.1&seed=42";
        byte[] first = export(manager, project, query).then().statusCode(200).contentType("application/zip").extract().asByteArray();
        byte[] again = export(manager, project, query).then().statusCode(200).extract().asByteArray();
        Map<String, String> files = unzip(first);
        assertEquals(List.of("dev.jsonl", "test.jsonl", "train.jsonl"), List.copyOf(files.keySet()));
        assertEquals(files, unzip(again));
        int total = files.values().stream().mapToInt(f -> f.isEmpty() ? 0 : f.split("\n").length).sum();
        assertEquals(60, total);
        assertTrue(files.get("train.jsonl").split("\n").length > 35);
        // Each document's split is the one Splits.bucket gives, so anyone can recompute it.
        for (String line : files.get("dev.jsonl").split("\n")) {
            String id = io.restassured.path.json.JsonPath.from(line).getString("id");
            long bucket = Splits.bucket(42, id);
            assertTrue(bucket >= (long) (0.8 * Splits.BUCKETS) && bucket < (long) (0.9 * Splits.BUCKETS), id);
        }
        // Adding documents leaves the old ones where they were.
        StringBuilder more = new StringBuilder();
        for (int i = 60; i < 90; i++) {
            more.append("{\"id\":\"doc-").append(i).append("\",\"text\":\"Text ").append(i).append("\",\"status\":\"done\"}\n");
        }
        importJsonl(manager, project, "", more.toString()).then().statusCode(200);
        Map<String, String> later = unzip(export(manager, project, query).then().statusCode(200).extract().asByteArray());
        for (String split : files.keySet()) {
            for (String line : files.get(split).split("\n")) {
                if (!line.isEmpty()) {
                    assertTrue(later.get(split).contains(line), split + ": " + line);
                }
            }
        }
        // Another seed gives another split.
        assertTrue(!files.equals(unzip(export(manager, project, "split=train:0.8,dev:0.1,test:0.1&seed=7").then()
                .extract().asByteArray())));
    }

    @Test
    void splitOfAnEmptyProjectIsAZipOfEmptyFiles() {
        Map<String, String> files = unzip(export(manager, project, "format=conll&split=train:1,test:1").then().statusCode(200)
                .extract().asByteArray());
        assertEquals(Map.of("train.conll", "", "test.conll", ""), files);
    }

    @Test
    void badSplitIsRefused() {
        export(manager, project, "split=train:abc").then().statusCode(400).body("field", equalTo("split"));
    }

    @Test
    void everyFormatExportsAnEmptyProject() {
        for (String format : Formats.exportable().stream().filter(f -> !f.exporter().apply(0).zipped()).map(Formats.Format::name)
                .toList()) {
            assertEquals("", export(manager, project, "format=" + format).then().statusCode(200).extract().asString(), format);
        }
        export(manager, project, "format=xml").then().statusCode(400).body("field", equalTo("format"));
    }
}
