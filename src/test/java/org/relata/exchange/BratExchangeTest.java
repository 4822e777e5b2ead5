package org.relata.exchange;

import org.relata.testsupport.Exchange;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Exchange.export;
import static org.relata.testsupport.Exchange.files;
import static org.relata.testsupport.Exchange.importFile;
import static org.relata.testsupport.Exchange.unzip;
import static org.relata.testsupport.Exchange.zip;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class BratExchangeTest {

    /** A news text with CRLF line ends and an emoji before the annotations. */
    static final String NEWS = "Talks 🤝 in Hanoi.\r\nBiden met Xi Jinping; the United States and China agreed.\r\n";
    static final String NEWS_ANN = String.join("\n",
            "T1\tPerson 19 24\tBiden",
            "T2\tPerson 29 39\tXi Jinping",
            "T3\tGPE 45 58\tUnited States",
            "T4\tGPE 63 68\tChina",
            "R1\tLeader Arg1:T1 Arg2:T3",
            "R2\tAlly Arg1:T3 Arg2:T4",
            "A1\tNegated T4",
            "M2\tCertainty R2 high",
            "N1\tReference T3 Wikidata:Q30\tUnited States of America",
            "N2\tReference T4 Wikidata:Q148\tChina",
            "#1\tAnnotatorNotes T2\tPRC president",
            "#2\tAnnotatorNotes R1\tsee article 2",
            "");
    /** Biomedical, German and Japanese texts in nested folders, as real corpora come. */
    static final String BIO = "IL-2 activates STAT5 in T cells.";
    static final String BIO_ANN = "T1\tProtein 0 4\tIL-2\nT2\tProtein 15 20\tSTAT5\nR1\tActivates Arg1:T1 Arg2:T2\n";
    static final String DE = "Angela Merkel besuchte Paris.";
    static final String DE_ANN = "T1\tPerson 0 13\tAngela Merkel\nT2\tGPE 23 28\tParis\n";
    static final String JA = "東京で安倍晋三が演説した。";
    static final String JA_ANN = "T1\tGPE 0 2\t東京\nT2\tPerson 3 7\t安倍晋三\n";
    static final String CONF = String.join("\n",
            "# a brat configuration",
            "[entities]",
            "Person",
            "Location",
            "\tGPE",
            "Protein",
            "[relations]",
            "Leader Arg1:Person, Arg2:GPE",
            "Ally Arg1:GPE, Arg2:GPE, <REL-TYPE>:symmetric-transitive",
            "Activates Arg1:Protein, Arg2:Protein",
            "<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
            "[events]",
            "[attributes]",
            "Negated Arg:<ENTITY>",
            "Certainty Arg:<RELATION>, Value:low|high",
            "");

    @Inject
    Db db;

    String manager;
    long project;

    @BeforeEach
    void setUp() {
        manager = Api.newUser("pm");
        // A project without a schema: annotation.conf creates it.
        project = ((Number) Api.as(manager).body(Map.of("name", Api.uniqueName("brat"))).post("/api/projects")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    static byte[] corpus() {
        return zip(files("annotation.conf", CONF, "news/en/nk.txt", NEWS, "news/en/nk.ann", NEWS_ANN,
                "bio/pubmed-1.txt", BIO, "bio/pubmed-1.ann", BIO_ANN, "de/merkel.txt", DE, "de/merkel.ann", DE_ANN,
                "ja/abe.txt", JA, "ja/abe.ann", JA_ANN, "visual.conf", "[labels]\n"));
    }

    Response importBrat(byte[] zip) {
        return importFile(manager, project, "format=brat", "application/zip", zip);
    }

    long rows() {
        return db.count("select count(*) from documents where project_id = ?1", project)
                + db.count("select count(*) from spans s join annotation_layers l on l.id = s.layer_id join documents d on d.id = l.document_id where d.project_id = ?1", project)
                + db.count("select count(*) from entity_types where project_id = ?1", project)
                + db.count("select count(*) from relation_types where project_id = ?1", project);
    }

    @Test
    void entityOnOneSideOfARelationKeepsTheOtherSidesRestrictionAndNormTypesBecomeLinkResources() {
        String conf = "[entities]\nPERSON <NORM>:Wikidata\nCITY\nAGE\n[relations]\nKNOWS Arg1:PERSON, Arg2:<ENTITY>\n"
                + "AGE_IS Arg1:<ENTITY>, Arg2:AGE\nRELATED Arg1:<ENTITY>, Arg2:<ENTITY>\n[events]\n[attributes]\n";
        importBrat(zip(files("annotation.conf", conf, "a.txt", "Ivan, 40, Moscow.", "a.ann",
                "T1\tPERSON 0 4\tIvan\nT2\tAGE 6 8\t40\nR1\tAGE_IS Arg1:T1 Arg2:T2\t\n")))
                .then().statusCode(200).body("relations", equalTo(1));
        Api.as(manager).get("/api/projects/" + project).then().statusCode(200)
                .body("schema.relationTypes.find { it.name == 'KNOWS' }.allowed.head", equalTo(List.of("PERSON", "PERSON",
                        "PERSON")))
                .body("schema.relationTypes.find { it.name == 'KNOWS' }.allowed.tail", equalTo(List.of("PERSON", "CITY",
                        "AGE")))
                .body("schema.relationTypes.find { it.name == 'AGE_IS' }.allowed.tail", equalTo(List.of("AGE", "AGE",
                        "AGE")))
                .body("schema.relationTypes.find { it.name == 'RELATED' }.allowed", equalTo(List.of()))
                .body("schema.linkResources", equalTo(List.of("Wikidata")));
    }

    @Test
    void importReadsEveryLineKindAndTheConfigurationMakesTheSchema() {
        importBrat(corpus()).then().statusCode(200).body("documents", equalTo(4)).body("spans", equalTo(10))
                .body("relations", equalTo(3)).body("attributes", equalTo(2)).body("notes", equalTo(2))
                .body("skipped", equalTo(List.of()));
        Api.as(manager).get("/api/projects/" + project).then().statusCode(200)
                .body("schema.entityTypes.name", equalTo(List.of("Person", "Location", "GPE", "Protein")))
                .body("schema.relationTypes.find { it.name == 'Ally' }.directed", equalTo(false))
                .body("schema.relationTypes.find { it.name == 'Leader' }.allowed[0].head", equalTo("Person"))
                .body("schema.attributes.find { it.name == 'Certainty' }.values", equalTo(List.of("low", "high")));
        String jsonl = export(manager, project, "").then().statusCode(200).extract().asString();
        assertTrue(jsonl.contains("\"id\":\"news/en/nk\""), jsonl);
        assertTrue(jsonl.contains("\"label\":\"GPE\",\"text\":\"United States\",\"attributes\":{},\"note\":null,"
                + "\"links\":[{\"resource\":\"Wikidata\",\"id\":\"Q30\",\"text\":\"United States of America\"}]"), jsonl);
        assertTrue(jsonl.contains("\"text\":\"Xi Jinping\",\"attributes\":{},\"note\":\"PRC president\""), jsonl);
    }

    @Test
    void bratToRelataToBratKeepsEveryLine() {
        importBrat(corpus()).then().statusCode(200);
        byte[] exported = export(manager, project, "format=brat").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, String> files = unzip(exported);
        assertEquals(NEWS, files.get("news/en/nk.txt"));
        assertEquals(JA, files.get("ja/abe.txt"));
        assertEquals(shape(NEWS_ANN), shape(files.get("news/en/nk.ann")));
        assertEquals(shape(BIO_ANN), shape(files.get("bio/pubmed-1.ann")));
        assertEquals(shape(JA_ANN), shape(files.get("ja/abe.ann")));
        assertTrue(files.get("annotation.conf").contains("Ally Arg1:GPE, Arg2:GPE, <REL-TYPE>:symmetric"), files.get("annotation.conf"));
        assertTrue(files.get("annotation.conf").contains("Certainty Arg:<RELATION>, Value:low|high"));
        // And back again: the same project content.
        long copy = ((Number) Api.as(manager).body(Map.of("name", Api.uniqueName("brat2"))).post("/api/projects")
                .then().statusCode(201).extract().path("id")).longValue();
        importFile(manager, copy, "format=brat", "application/zip", exported).then().statusCode(200).body("spans", equalTo(10));
        assertEquals(export(manager, project, "").then().extract().asString(), export(manager, copy, "").then().extract().asString());
    }

    /** An .ann file without its ids (which may be renumbered) and with M written as A: the sorted set of lines. */
    static List<String> shape(String ann) {
        return Arrays.stream(ann.split("\n")).filter(l -> !l.isBlank())
                .map(l -> l.replaceFirst("^[TRAMN#]\\d+", l.substring(0, 1).replace("M", "A")))
                .map(l -> l.replaceAll("\\b[TR]\\d+\\b", "ref"))
                .sorted().collect(Collectors.toList());
    }

    @Test
    void textThatDiffersFromTheDocumentIsRefused() {
        long before = rows();
        importBrat(zip(files("a.txt", "Hello world", "a.ann", "T1\tGPE 0 5\tHullo\n")))
                .then().statusCode(400).body("file", equalTo("a.ann")).body("line", equalTo(1)).body("error", containsString("differs"));
        assertEquals(before, rows());
    }

    @Test
    void annWithoutTxtIsRefused() {
        importBrat(zip(files("a.txt", "Hello", "b.ann", "T1\tGPE 0 5\tHello\n")))
                .then().statusCode(400).body("file", equalTo("b.ann")).body("error", containsString("b.txt"));
    }

    @Test
    void unknownLabelWithoutConfigurationIsRefused() {
        importBrat(zip(files("a.txt", "Hello", "a.ann", "T1\tGreeting 0 5\tHello\n")))
                .then().statusCode(400).body("file", equalTo("a.ann")).body("line", equalTo(1));
        importFile(manager, project, "format=brat&createLabels=true", "application/zip",
                zip(files("a.txt", "Hello", "a.ann", "T1\tGreeting 0 5\tHello\n"))).then().statusCode(200);
    }

    @Test
    void entryClimbingOutOfTheZipIsRefused() {
        importBrat(zip(files("../evil.txt", "Hello"))).then().statusCode(400).body("error", containsString(".."));
        importBrat(zip(files("/etc/evil.txt", "Hello"))).then().statusCode(400).body("error", containsString("absolute"));
    }

    @Test
    void zipBombIs413() {
        byte[] zeros = new byte[40 << 20];
        long before = rows();
        importBrat(zip(Map.of("bomb.txt", zeros))).then().statusCode(413).body("error", containsString("zip bomb"));
        assertEquals(before, rows());
    }

    @Test
    void byteOrderMarkInATextFileIsRefused() {
        importBrat(zip(files("a.txt", "\uFEFFHello", "a.ann", ""))).then().statusCode(400)
                .body("file", equalTo("a.txt")).body("error", containsString("byte-order mark"));
    }

    @Test
    void notAZipIsRefused() {
        importFile(manager, project, "format=brat", "application/zip", "hello".getBytes()).then().statusCode(400)
                .body("error", containsString("not a valid zip"));
    }

    @Test
    void exportOfNoDocumentsIsAZipWithOnlyTheConfiguration() {
        byte[] zip = export(manager, project, "format=brat").then().statusCode(200).extract().asByteArray();
        assertEquals(List.of("annotation.conf"), List.copyOf(unzip(zip).keySet()));
    }
}
