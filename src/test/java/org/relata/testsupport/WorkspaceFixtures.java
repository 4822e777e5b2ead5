package org.relata.testsupport;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.relata.testsupport.Api;

import io.restassured.path.json.JsonPath;

/** Spans and relations through the public API, and the one setting (guidelines) that only a form sets. */
@ApplicationScoped
public class WorkspaceFixtures {

    @Inject
    EntityManager em;

    @Transactional
    public void guidelines(long projectId, String markdown) {
        em.createNativeQuery("update projects set guidelines = ?1 where id = ?2")
                .setParameter(1, markdown).setParameter(2, projectId).executeUpdate();
    }

    /** A span on {@code user}'s own layer, at code points [start, end); returns its id. */
    public static long span(String user, long docId, int start, int end, String label) {
        return ((Number) Api.as(user).body(Map.of("start", start, "end", end, "label", label))
                .post("/api/documents/" + docId + "/layers/me/spans")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    public static long relation(String user, long docId, long head, long tail, String label) {
        return ((Number) Api.as(user).body(Map.of("head", head, "tail", tail, "label", label))
                .post("/api/documents/" + docId + "/layers/me/relations")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    /** The user's layer as the API answers it. */
    public static JsonPath layer(String user, long docId) {
        return Api.as(user).get("/api/documents/" + docId + "/layers/me").then().statusCode(200).extract().jsonPath();
    }

    /** Code point offset of the first occurrence of {@code phrase}, as the API counts. */
    public static int at(String text, String phrase) {
        int i = text.indexOf(phrase);
        if (i < 0) {
            throw new IllegalArgumentException(phrase);
        }
        return text.codePointCount(0, i);
    }

    public static int end(String text, String phrase) {
        return at(text, phrase) + phrase.codePointCount(0, phrase.length());
    }

}
