package org.relata.exchange;

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
import static org.relata.testsupport.Exchange.unzip;
import static org.relata.testsupport.Exchange.zip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13: every brat line kind survives brat → Relata → brat and brat → JSONL → brat, compared by offsets and
 * types (not ids): discontinuous spans, equivalences, events (one the argument of another), typed notes, links.
 */
@QuarkusTest
class BratCompleteTest {

    /** An emoji first, so that code points and UTF-16 indexes differ. */
    static final String TEXT = "😀 IL-2 binds STAT5 and STAT3, which activates genes in T cells.\n"
            + "New York, the Big Apple, is a city.";

    static final String CONF = String.join("\n",
            "[entities]",
            "Protein",
            "Cell",
            "GPE",
            "[relations]",
            "Located Arg1:Cell, Arg2:GPE",
            "Alias Arg1:GPE, Arg2:GPE, <REL-TYPE>:symmetric",
            "[events]",
            "Binding Theme+:Protein",
            "Positive_regulation Theme:Protein|<EVENT>, Cause?:Protein|<EVENT>",
            "[attributes]",
            "Negation Arg:<EVENT>",
            "Speculation Arg:<EVENT>",
            "Certain Arg:<ENTITY>",
            "Certainty Arg:<RELATION>, Value:low|high",
            "");

    static final String VISUAL = String.join("\n",
            "[labels]",
            "Protein | Protein molecule | Pro",
            "GPE | Geo-political entity | GPE",
            "Located | Is located in | Loc",
            "[drawing]",
            "Protein\tbgColor:#7fa2ff",
            "GPE\tbgColor:#AAEE00, fgColor:black",
            "Located\tcolor:#3366cc",
            "");

    static final String TOOLS = String.join("\n",
            "[options]",
            "Tokens tokenizer:whitespace",
            "[normalization]",
            "UniProt DB:dbs/uniprot, <URL>:http://www.uniprot.org/uniprot/%s",
            "Wikidata DB:none, <URL>:https://www.wikidata.org/wiki/%s",
            "");

    static String t(String id, String type, String part) {
        return id + "\t" + type + " " + cp(TEXT, part) + " " + cpEnd(TEXT, part) + "\t" + part;
    }

    /** Every line kind and edge case: a discontinuous span with a relation, nested events, three-way equivalence. */
    static String ann() {
        return String.join("\n",
                t("T1", "Protein", "IL-2"),
                t("T2", "Protein", "STAT5"),
                t("T3", "Protein", "STAT3"),
                t("T4", "Binding", "binds"),
                t("T5", "Positive_regulation", "activates"),
                t("T6", "Cell", "T cells"),
                t("T7", "GPE", "New York"),
                t("T8", "GPE", "the Big Apple"),
                "T9\tGPE " + cp(TEXT, "New York") + " " + cpEnd(TEXT, "New York") + ";" + cpEnd(TEXT, "New York, the Big Apple, is a ")
                        + " " + (cpEnd(TEXT, "New York, the Big Apple, is a ") + 4) + "\tNew York city",
                "R1\tLocated Arg1:T6 Arg2:T9",
                "R2\tAlias Arg1:T7 Arg2:T8",
                "E1\tBinding:T4 Theme:T1 Theme2:T2 Theme3:T3",
                "E2\tPositive_regulation:T5 Theme:E1 Cause:T1",
                "*\tEquiv T7 T8 T9",
                "A1\tNegation E1",
                "M2\tSpeculation E2",
                "A3\tCertain T1",
                "A4\tCertainty R1 low",
                "N1\tReference T1 UniProt:P60568\tInterleukin-2",
                "N2\tReference T7 Wikidata:Q60\t",
                "#1\tAnnotatorNotes T1\ta cytokine",
                "#2\tLemma T2\tstat5",
                "#3\tAnnotatorNotes E1\tcheck this",
                "#4\tComment R1\tlocated?",
                "#5\tAnnotatorNotes T1\tsecond note",
                "");
    }

    static byte[] corpus() {
        return zip(files("annotation.conf", CONF, "visual.conf", VISUAL, "tools.conf", TOOLS, "bio/doc1.txt", TEXT,
                "bio/doc1.ann", ann()));
    }

    String manager;
    long project;

    @BeforeEach
    void setUp() {
        manager = Api.newUser("pm");
        project = newProject();
    }

    long newProject() {
        return ((Number) Api.as(manager).body(Map.of("name", Api.uniqueName("bratx"))).post("/api/projects")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void everyLineKindSurvivesBratToRelataToBrat() {
        importFile(manager, project, "format=brat", "application/zip", corpus()).then().statusCode(200)
                .body("spans", equalTo(9)).body("relations", equalTo(2)).body("events", equalTo(2))
                .body("equivalences", equalTo(1)).body("attributes", equalTo(4)).body("notes", equalTo(4));
        byte[] exported = export(manager, project, "format=brat").then().statusCode(200).extract().asByteArray();
        Map<String, String> files = unzip(exported);
        assertEquals(normalised(ann()), normalised(files.get("bio/doc1.ann")));
        String conf = files.get("annotation.conf");
        assertTrue(conf.contains("Binding\tTheme+:Protein"), conf);
        assertTrue(conf.contains("Positive_regulation\tTheme:Protein|<EVENT>, Cause?:Protein|<EVENT>"), conf);
        // And the exported zip imports into a new project as the same annotations.
        long copy = newProject();
        importFile(manager, copy, "format=brat", "application/zip", exported).then().statusCode(200);
        Map<String, String> again = unzip(export(manager, copy, "format=brat").then().statusCode(200).extract().asByteArray());
        assertEquals(normalised(ann()), normalised(again.get("bio/doc1.ann")));
    }

    @Test
    void everyLineKindSurvivesBratToJsonlToBrat() {
        importFile(manager, project, "format=brat", "application/zip", corpus()).then().statusCode(200);
        String jsonl = export(manager, project, "").then().statusCode(200).extract().asString();
        assertTrue(jsonl.contains("\"fragments\":[[" + cp(TEXT, "New York") + "," + cpEnd(TEXT, "New York") + "],"), jsonl);
        assertTrue(jsonl.contains("\"equivalences\":[{\"type\":\"Equiv\",\"spans\":["), jsonl);
        assertTrue(jsonl.contains("\"notes\":[{\"type\":\"Lemma\",\"text\":\"stat5\"}]"), jsonl);
        assertTrue(jsonl.contains("\"label\":\"Positive_regulation\",\"trigger\":"), jsonl);
        long copy = newProject();
        importJsonl(manager, copy, "createLabels=true", jsonl).then().statusCode(200).body("events", equalTo(2));
        Map<String, String> files = unzip(export(manager, copy, "format=brat").then().statusCode(200).extract().asByteArray());
        assertEquals(normalised(ann()), normalised(files.get("bio/doc1.ann")));
        // JSONL → JSONL is byte-identical with the new keys too.
        assertEquals(jsonl, export(manager, copy, "").then().statusCode(200).extract().asString());
    }

    @Test
    void theLayerShowsEquivalencesAndEventsWithAnEventAsArgument() {
        importFile(manager, project, "format=brat", "application/zip", corpus()).then().statusCode(200);
        int doc = Api.as(manager).get("/api/projects/" + project + "/documents").then().statusCode(200)
                .extract().path("items[0].id");
        io.restassured.path.json.JsonPath layer = Api.as(manager).get("/api/documents/" + doc + "/layers/gold").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("Equiv"), layer.getList("equivalences.type"));
        assertEquals(3, layer.getList("equivalences[0].spans").size());
        assertEquals(List.of("Binding", "Positive_regulation"), layer.getList("events.type"));
        assertEquals(List.of("Theme", "Theme2", "Theme3"), layer.getList("events[0].arguments.role"));
        assertEquals(layer.getLong("events[0].id"), layer.getLong("events[1].arguments[0].event"));
        assertEquals(Boolean.TRUE, layer.get("events[0].attributes.Negation"));
        List<List<Integer>> fragments = layer.getList("spans.findAll { it.fragments != null }.fragments");
        assertEquals(1, fragments.size());
        assertEquals(List.of(cp(TEXT, "New York"), cpEnd(TEXT, "New York")), fragments.get(0).get(0));
    }

    @Test
    void noteTypesAreKept() {
        importFile(manager, project, "format=brat", "application/zip", corpus()).then().statusCode(200);
        String ann = unzip(export(manager, project, "format=brat").then().extract().asByteArray()).get("bio/doc1.ann");
        assertTrue(ann.matches("(?s).*#\\d+\tLemma T\\d+\tstat5\n.*"), ann);
        assertTrue(ann.matches("(?s).*#\\d+\tComment R\\d+\tlocated\\?\n.*"), ann);
    }

    @Test
    void overlappingFragmentsAreRefusedNamingFileLineAndField() {
        importFile(manager, project, "format=brat&createLabels=true", "application/zip",
                zip(files("a.txt", "Hello big world", "a.ann", "T1\tGPE 0 5\tHello\nT2\tGPE 0 9;6 15\tHello big big world\n")))
                .then().statusCode(400).body("file", equalTo("a.ann")).body("line", equalTo(2))
                .body("field", equalTo("fragments")).body("error", containsString("overlap"));
        importJsonl(manager, project, "createLabels=true", "{\"id\":\"d\",\"text\":\"Hello big world\",\"spans\":[{\"start\":0,"
                + "\"end\":15,\"label\":\"GPE\",\"fragments\":[[0,9],[6,15]]}]}\n")
                .then().statusCode(400).body("line", equalTo(1)).body("field", equalTo("$.spans[0].fragments"))
                .body("error", containsString("overlap"));
        Api.as(manager).get("/api/projects/" + project + "/documents").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void eventArgumentsAreValidatedByTheConfiguration() {
        String bad = t("T1", "Protein", "IL-2") + "\n" + t("T4", "Binding", "binds") + "\n" + t("T6", "Cell", "T cells")
                + "\nE1\tBinding:T4 Theme:T6\n";
        importFile(manager, project, "format=brat", "application/zip",
                zip(files("annotation.conf", CONF, "d.txt", TEXT, "d.ann", bad)))
                .then().statusCode(400).body("file", equalTo("d.ann")).body("line", equalTo(4))
                .body("error", containsString("role 'Theme' takes Protein, not Cell"));
        String unknownRole = t("T1", "Protein", "IL-2") + "\n" + t("T4", "Binding", "binds") + "\nE1\tBinding:T4 Site:T1\n";
        importFile(manager, project, "format=brat", "application/zip",
                zip(files("annotation.conf", CONF, "d.txt", TEXT, "d.ann", unknownRole)))
                .then().statusCode(400).body("error", containsString("role 'Site' is not one of [Theme]"));
    }

    @Test
    void visualConfGivesDisplayNamesAndColoursAndToolsConfTheLinkResources() {
        importFile(manager, project, "format=brat", "application/zip", corpus()).then().statusCode(200)
                .body("skipped", equalTo(List.of()));
        Api.as(manager).get("/api/projects/" + project).then().statusCode(200)
                .body("schema.linkResources", equalTo(List.of("UniProt", "Wikidata")))
                .body("schema.entityTypes.find { it.name == 'Protein' }.color", equalTo("#7fa2ff"))
                .body("schema.entityTypes.find { it.name == 'Protein' }.displayName", equalTo("Protein molecule"))
                .body("schema.entityTypes.find { it.name == 'GPE' }.color", equalTo("#aaee00"))
                .body("schema.relationTypes.find { it.name == 'Located' }.displayName", equalTo("Is located in"))
                .body("schema.relationTypes.find { it.name == 'Located' }.color", equalTo("#3366cc"));
    }

    /**
     * An .ann file as a sorted list of lines in which every id is replaced by what it stands for (a T by its type and
     * fragments, an E by its type, trigger and arguments), so files compare by content whatever their numbering.
     */
    static List<String> normalised(String ann) {
        Map<String, String[]> byId = new HashMap<>();
        List<String[]> lines = new ArrayList<>();
        for (String line : ann.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            lines.add(fields);
            if ("TRE".indexOf(fields[0].charAt(0)) >= 0) {
                byId.put(fields[0], fields);
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] fields : lines) {
            char kind = fields[0].charAt(0);
            String[] parts = fields[1].split(" ");
            String rest = fields.length > 2 ? fields[2] : "";
            switch (kind) {
                case 'T', 'E' -> out.add(key(fields[0], byId) + " | " + (kind == 'T' ? rest : ""));
                case 'R' -> out.add(key(fields[0], byId));
                case '*' -> out.add("* " + parts[0] + " " + String.join(" ",
                        java.util.Arrays.stream(parts).skip(1).map(id -> key(id, byId)).toList()));
                case 'A', 'M' -> out.add("A " + parts[0] + " " + key(parts[1], byId) + (parts.length > 2 ? " " + parts[2] : ""));
                case 'N' -> out.add("N " + parts[0] + " " + key(parts[1], byId) + " " + parts[2] + " | " + rest);
                case '#' -> out.add("# " + parts[0] + " " + key(parts[1], byId) + " | " + rest);
                default -> throw new AssertionError(String.join("\t", fields));
            }
        }
        out.sort(null);
        return out;
    }

    private static String key(String id, Map<String, String[]> byId) {
        String[] fields = byId.get(id);
        if (fields == null) {
            throw new AssertionError("dangling id " + id);
        }
        String[] parts = fields[1].split(" ");
        return switch (id.charAt(0)) {
            case 'T' -> "T(" + fields[1] + ")";
            case 'R' -> "R(" + parts[0] + " " + key(parts[1].split(":")[1], byId) + " " + key(parts[2].split(":")[1], byId) + ")";
            default -> {
                StringBuilder event = new StringBuilder("E(" + parts[0].split(":")[0] + " " + key(parts[0].split(":")[1], byId));
                for (int i = 1; i < parts.length; i++) {
                    String[] arg = parts[i].split(":");
                    event.append(' ').append(arg[0]).append(':').append(key(arg[1], byId));
                }
                yield event.append(')').toString();
            }
        };
    }
}
