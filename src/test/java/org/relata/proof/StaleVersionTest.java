package org.relata.proof;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every write to a layer honours If-Match (issue 12): with the version the client saw before someone else's edit,
 * each route answers 412 and the layer stays exactly as it was. Without this test, a route that ignores a stale
 * If-Match would silently overwrite the other edit.
 */
@QuarkusTest
class StaleVersionTest {

    static final String TEXT = "Kim Jong-un met Xi Jinping in Beijing.";

    @Inject
    Db db;

    String manager;
    String gold;
    long spanA;
    long spanB;
    long spanC;
    long relation;
    String stale;

    /** Gold holds two spans and a relation; the client saw version {@code stale}; then one more edit happened. */
    @BeforeEach
    void layerEditedBehindTheClientsBack() {
        manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        long doc = db.document(project, "stale", TEXT);
        gold = "/api/documents/" + doc + "/layers/gold";
        spanA = create(gold + "/spans", Map.of("start", 0, "end", 11, "label", "PERSON"));
        spanB = create(gold + "/spans", Map.of("start", 16, "end", 26, "label", "PERSON"));
        spanC = create(gold + "/spans", Map.of("start", 30, "end", 37, "label", "COUNTRY"));
        relation = create(gold + "/relations", Map.of("head", spanA, "tail", spanC, "label", "LEADER_OF"));
        stale = Api.as(manager).get(gold).then().statusCode(200).extract().header("ETag");
        Api.as(manager).body(Map.of("note", "someone else's edit")).patch(gold + "/spans/" + spanB).then().statusCode(200);
    }

    @Test
    void everyWriteRouteRefusesAStaleVersionAndChangesNothing() {
        Map<String, Function<RequestSpecification, Response>> routes = Map.of(
                "add span", r -> r.body(Map.of("start", 12, "end", 15, "label", "PERSON")).post(gold + "/spans"),
                "change span", r -> r.body(Map.of("label", "COUNTRY")).patch(gold + "/spans/" + spanA),
                "delete span", r -> r.delete(gold + "/spans/" + spanA),
                "add relation", r -> r.body(Map.of("head", spanB, "tail", spanC, "label", "LEADER_OF")).post(gold + "/relations"),
                "change relation", r -> r.body(Map.of("note", "stale")).patch(gold + "/relations/" + relation),
                "delete relation", r -> r.delete(gold + "/relations/" + relation),
                "set status", r -> r.body(Map.of("status", "DONE")).put(gold + "/status"));
        String before = Api.as(manager).get(gold).then().statusCode(200).extract().asString();
        for (Map.Entry<String, Function<RequestSpecification, Response>> route : routes.entrySet()) {
            Response answer = route.getValue().apply(Api.as(manager).header("If-Match", stale));
            assertEquals(412, answer.statusCode(), route.getKey() + ": " + answer.asString());
            assertEquals(before, Api.as(manager).get(gold).then().extract().asString(), route.getKey() + " changed the layer");
        }
    }

    @Test
    void theCurrentVersionIsAccepted() {
        String current = Api.as(manager).get(gold).then().extract().header("ETag");
        Api.as(manager).header("If-Match", current).delete(gold + "/relations/" + relation).then().statusCode(200);
        Api.as(manager).get(gold).then().body("relations", equalTo(List.of()));
    }

    private long create(String path, Map<String, Object> body) {
        return ((Number) Api.as(manager).body(body).post(path).then().statusCode(201).extract().path("id")).longValue();
    }
}
