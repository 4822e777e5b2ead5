package org.relata.annotation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.relata.testsupport.Api.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.TeamDocument;
import org.relata.testsupport.Exchange;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 13 through the API: discontinuous spans (fragments), entity links, equivalences and events read back. */
@QuarkusTest
class SpanFragmentsApiTest {

    // An emoji first: fragments are code points.
    static final String TEXT = "😀 North and South Korea met China.";
    static final int NORTH = TEXT.codePointCount(0, TEXT.indexOf("North"));
    static final int KOREA = TEXT.codePointCount(0, TEXT.indexOf("Korea"));
    static final int CHINA = TEXT.codePointCount(0, TEXT.indexOf("China"));

    @Inject
    Db db;

    String manager;
    String annotator;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        TeamDocument team = TeamDocument.create(db, "manager", "annotator", "korea", TEXT);
        manager = team.manager();
        annotator = team.annotator();
        projectId = team.projectId();
        docId = team.docId();
    }

    String layer() {
        return "/api/documents/" + docId + "/layers/me";
    }

    @Test
    void discontinuousSpanKeepsItsFragmentsAndTakesARelation() {
        // "North ... Korea": two pieces, one country.
        long north = ((Number) as(annotator).body(Map.of("label", "COUNTRY",
                "fragments", List.of(List.of(NORTH, NORTH + 5), List.of(KOREA, KOREA + 5))))
                .post(layer() + "/spans").then().statusCode(201).extract().path("id")).longValue();
        long china = ((Number) as(annotator).body(Map.of("start", CHINA, "end", CHINA + 5, "label", "COUNTRY"))
                .post(layer() + "/spans").then().statusCode(201).extract().path("id")).longValue();
        as(annotator).body(Map.of("head", north, "tail", china, "label", "ALLY_OF"))
                .post(layer() + "/relations").then().statusCode(201);
        as(annotator).get(layer()).then().statusCode(200)
                .body("spans[0].start", equalTo(NORTH)).body("spans[0].end", equalTo(KOREA + 5))
                .body("spans[0].fragments", equalTo(List.of(List.of(NORTH, NORTH + 5), List.of(KOREA, KOREA + 5))))
                .body("spans[1].fragments", nullValue())
                .body("relations[0].head", equalTo((int) north));
        // The brat export writes the fragments with ';'.
        Map<String, String> files = Exchange.unzip(Exchange.export(manager, projectId, "format=brat&source=user:" + annotator
                + "&status=any").then().statusCode(200).extract().asByteArray());
        org.junit.jupiter.api.Assertions.assertTrue(files.get("korea.ann").contains("COUNTRY " + NORTH + " " + (NORTH + 5) + ";"
                + KOREA + " " + (KOREA + 5) + "\tNorth Korea\n"), files.get("korea.ann"));
        // CoNLL cannot hold it: it says so in the header and in its first line.
        String conll = Exchange.export(manager, projectId, "format=conll&source=user:" + annotator + "&status=any")
                .then().statusCode(200).header("X-Relata-Left-Out", "1").extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(conll.startsWith("# left out: 1 spans"), conll);
        // Prodigy leaves out the span and the relation that stands on it.
        Exchange.export(manager, projectId, "format=prodigy&source=user:" + annotator + "&status=any")
                .then().statusCode(200).header("X-Relata-Left-Out", "2");
    }

    @Test
    void overlappingOrMisplacedFragmentsAreRefusedNamingTheField() {
        as(annotator).body(Map.of("label", "COUNTRY", "fragments", List.of(List.of(NORTH, NORTH + 9), List.of(NORTH + 6, KOREA + 5))))
                .post(layer() + "/spans").then().statusCode(400).body("field", equalTo("fragments"))
                .body("error", containsString("overlap"));
        as(annotator).body(Map.of("label", "COUNTRY", "start", 0, "end", KOREA + 5,
                "fragments", List.of(List.of(NORTH, NORTH + 5), List.of(KOREA, KOREA + 5))))
                .post(layer() + "/spans").then().statusCode(400).body("field", equalTo("fragments"))
                .body("error", containsString("outer bounds"));
        as(annotator).body(Map.of("label", "COUNTRY", "fragments", List.of(List.of(NORTH, NORTH + 5), List.of(KOREA, 999))))
                .post(layer() + "/spans").then().statusCode(400).body("field", equalTo("fragments"));
    }

    @Test
    void linksAreEditedOnASpanWithinTheSchemasResources() {
        long china = ((Number) as(annotator).body(Map.of("start", CHINA, "end", CHINA + 5, "label", "COUNTRY",
                "links", List.of(Map.of("resource", "Wikidata", "id", "Q148", "text", "People's Republic of China"))))
                .post(layer() + "/spans").then().statusCode(201).extract().path("id")).longValue();
        as(annotator).get(layer()).then().body("spans[0].links[0].id", equalTo("Q148"))
                .body("spans[0].links[0].text", equalTo("People's Republic of China"));
        Map<String, Object> noText = new HashMap<>();
        noText.put("resource", "Wikidata");
        noText.put("id", "Q29520");
        noText.put("text", null);
        as(annotator).body(Map.of("links", List.of(noText))).patch(layer() + "/spans/" + china).then().statusCode(200);
        as(annotator).get(layer()).then().body("spans[0].links[0].id", equalTo("Q29520"))
                .body("spans[0].links[0].text", nullValue());
        // The manager limits links to GeoNames: Wikidata is refused, naming the field.
        Map<String, Object> schema = new HashMap<>(Api.geoSchema());
        schema.put("linkResources", List.of("GeoNames"));
        as(manager).body(schema).put("/api/projects/" + projectId + "/schema").then().statusCode(200)
                .body("linkResources", equalTo(List.of("GeoNames")));
        as(annotator).body(Map.of("links", List.of(Map.of("resource", "Wikidata", "id", "Q148"))))
                .patch(layer() + "/spans/" + china).then().statusCode(400).body("field", equalTo("links[0].resource"));
        as(annotator).body(Map.of("links", List.of())).patch(layer() + "/spans/" + china).then().statusCode(200);
        as(annotator).get(layer()).then().body("spans[0].links", equalTo(List.of()));
    }
}
