package org.relata.exchange;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Exchange;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Export fidelity against golden files (issue 12): a fixture typed by hand (src/test/resources/golden/input) is
 * imported through the API and exported in every format the export offers; each answer must equal, byte for byte
 * (a zip: entry by entry, in order), the file written by hand under golden/expected. golden/README.md holds the
 * working (code point offsets, tokens, what each format keeps). Unlike a round trip, this fails when an exporter
 * drops something in every format at once, such as relation attributes or notes.
 */
@QuarkusTest
class GoldenExportTest {

    private static final String GOLDEN = "/golden/";

    String manager;
    long project;

    @BeforeEach
    void importFixture() {
        manager = Api.newUser("golden");
        project = emptyProject();
        // The schema first, as brat's annotation.conf (the only way to give event types their roles), then the documents.
        Exchange.importFile(manager, project, "format=brat", "application/zip",
                Exchange.zip(Map.of("annotation.conf", resource("input/annotation.conf"))))
                .then().statusCode(200).body("documents", equalTo(0));
        Exchange.importFile(manager, project, "format=jsonl", "application/x-ndjson", resource("input/documents.jsonl"))
                .then().statusCode(200).body("documents", equalTo(2)).body("spans", equalTo(13))
                .body("relations", equalTo(3));
    }

    @Test
    void everyFormatTheExportOffersHasAGoldenFile() {
        // A format added to the export without a golden file here fails this test.
        assertEquals(List.of("jsonl", "doccano", "brat", "prodigy", "conll"),
                Formats.exportable().stream().map(Formats.Format::name).toList());
    }

    @Test
    void nativeJsonlKeepsEveryAttributeNoteLinkFragmentEquivalenceAndEvent() {
        assertSameBytes("expected/export.jsonl", export("jsonl").then().statusCode(200)
                .header("X-Relata-Left-Out", (String) null).extract().asByteArray());
    }

    @Test
    void doccanoWritesTheDiscontinuousSpanAsItsOuterBoundsAndSaysSo() {
        assertSameBytes("expected/export-doccano.jsonl", export("doccano").then().statusCode(200)
                .header("X-Relata-Approximated", "1").extract().asByteArray());
    }

    @Test
    void bratZipHoldsTheConfAndEachDocumentsTextAndAnnotationsExactly() {
        byte[] zip = export("brat").then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertEquals(List.of("annotation.conf", "a-odd.txt", "a-odd.ann", "b-rich.txt", "b-rich.ann"),
                new ArrayList<>(entries.keySet()));
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            assertSameBytes("expected/brat/" + entry.getKey(), entry.getValue());
        }
    }

    @Test
    void prodigyKeepsTheSpansOnTokenEdgesAndCountsTheRest() {
        assertSameBytes("expected/export-prodigy.jsonl", export("prodigy").then().statusCode(200)
                .header("X-Relata-Left-Out", "3").extract().asByteArray());
    }

    @Test
    void conllTagsTheLongestSpansAndCountsTheRest() {
        assertSameBytes("expected/export.conll", export("conll").then().statusCode(200)
                .header("X-Relata-Left-Out", "3").extract().asByteArray());
    }

    @Test
    void theGoldenJsonlImportsBackToTheSameBytes() {
        long copy = emptyProject();
        Exchange.importFile(manager, copy, "format=brat", "application/zip",
                Exchange.zip(Map.of("annotation.conf", resource("input/annotation.conf")))).then().statusCode(200);
        Exchange.importFile(manager, copy, "format=jsonl", "application/x-ndjson", resource("expected/export.jsonl"))
                .then().statusCode(200);
        assertSameBytes("expected/export.jsonl", Exchange.export(manager, copy, "format=jsonl").then().statusCode(200)
                .extract().asByteArray());
    }

    /** A project without labels: the fixture's annotation.conf is all its schema. */
    private long emptyProject() {
        return ((Number) Api.as(manager).body(Map.of("name", Api.uniqueName("Golden"), "description", "golden files"))
                .post("/api/projects").then().statusCode(201).extract().path("id")).longValue();
    }

    private Response export(String format) {
        return Exchange.export(manager, project, "format=" + format);
    }

    /** Compared as text first, for a readable difference, then as bytes (what a user's tool reads). */
    private static void assertSameBytes(String expectedFile, byte[] actual) {
        byte[] expected = resource(expectedFile);
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8), expectedFile);
        assertArrayEquals(expected, actual, expectedFile);
    }

    private static byte[] resource(String name) {
        try (InputStream in = GoldenExportTest.class.getResourceAsStream(GOLDEN + name)) {
            if (in == null) {
                throw new IllegalStateException("No golden file " + GOLDEN + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The zip's entries as bytes, in the zip's order. */
    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
