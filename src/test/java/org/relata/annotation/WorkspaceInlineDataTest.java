package org.relata.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.WorkspaceFixtures.span;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The workspace page carries the API's answers (document, project, layer, queue) as inline JSON, safely. */
@QuarkusTest
class WorkspaceInlineDataTest {

    static final Pattern DATA = Pattern.compile("<script type=\"application/json\" id=\"ws-data\">(.*?)</script>",
            Pattern.DOTALL);
    static final String TEXT = "Kim said </script><script>alert(1)</script> & <!-- 😀 North Korea.";

    @Inject
    Db db;

    @Inject
    ObjectMapper json;

    @Test
    @SuppressWarnings("unchecked")
    void thePageCarriesWhatTheApiAnswersAndNoTextCanEndItsScriptElement() throws Exception {
        String user = Api.newUser("ann");
        long project = Api.newProject(user);
        long doc = db.document(project, "inline", TEXT);
        int start = TEXT.codePointCount(0, TEXT.indexOf("North Korea"));
        span(user, doc, start, start + "North Korea".length(), "COUNTRY");

        Response page = Api.as(user).get("/documents/" + doc + "/annotate");
        page.then().statusCode(200);
        Matcher m = DATA.matcher(page.asString());
        assertTrue(m.find(), page.asString());
        String inline = m.group(1);
        assertFalse(inline.contains("<") || inline.contains(">") || inline.contains("&"), inline);
        Map<String, Object> data = json.readValue(inline, Map.class);

        Map<String, Object> document = (Map<String, Object>) data.get("document");
        assertEquals(TEXT, document.get("text"));
        assertEquals(json.readValue(Api.as(user).get("/api/documents/" + doc).asString(), Map.class), document);
        assertEquals(json.readValue(Api.as(user).get("/api/projects/" + project).asString(), Map.class), data.get("project"));
        Map<String, Object> layer = (Map<String, Object>) data.get("layer");
        assertEquals(json.readValue(Api.as(user).get("/api/documents/" + doc + "/layers/me").asString(), Map.class), layer);
        assertEquals(1, ((List<?>) layer.get("spans")).size());
        assertNotNull(data.get("queue"));
        assertEquals(json.readValue(Api.as(user).get("/api/projects/" + project + "/queue?after=" + doc).asString(), Map.class),
                data.get("queue"));
    }

    @Test
    void pagesAndJsonAnswersAreGzippedForClientsThatAcceptIt() {
        String user = Api.newUser("ann");
        long project = Api.newProject(user);
        long doc = db.document(project, "gz", TEXT);
        Api.as(user).header("Accept-Encoding", "gzip").get("/documents/" + doc + "/annotate").then().statusCode(200)
                .header("Content-Encoding", "gzip");
        Api.as(user).header("Accept-Encoding", "gzip").get("/api/documents/" + doc + "/layers/me").then().statusCode(200)
                .header("Content-Encoding", "gzip");
    }
}
