package org.relata.testsupport;

import static org.relata.testsupport.WorkspaceFixtures.at;
import static org.relata.testsupport.WorkspaceFixtures.end;
import static org.relata.testsupport.WorkspaceFixtures.span;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Page;

import io.restassured.path.json.JsonPath;

/**
 * Base of the workspace browser tests: a manager and an annotator assigned one document ({@link #TEXT}), one
 * Chromium per test class ({@link BrowserTest}), and the layer read back as text.
 */
public abstract class WorkspaceBrowserBase extends BrowserTest {

    /** An emoji (two UTF-16 units, one code point) comes before every span, so offsets must be code points. */
    public static final String TEXT = "😀 Report: North Korea and China met in Beijing.\n"
            + "Kim Jong Un spoke with Vladimir Putin in Vladivostok, Russia.";

    @Inject
    protected Db db;

    protected String manager;
    protected String annotator;
    protected long projectId;
    protected long docId;

    @BeforeEach
    void project() {
        TeamDocument team = TeamDocument.create(db, "pm", "ann", "article-1", TEXT);
        manager = team.manager();
        annotator = team.annotator();
        projectId = team.projectId();
        docId = team.docId();
    }

    /** The workspace of {@code doc}, opened by {@code user} and ready. */
    protected Page open(String user, long doc) {
        Page page = browser.loggedIn(user, Api.PASSWORD);
        page.navigate("/documents/" + doc + "/annotate");
        WorkspacePage.ready(page);
        return page;
    }

    /** A span of the annotator's layer over the first occurrence of {@code phrase}, made through the API. */
    protected long mySpan(String phrase, String label) {
        return span(annotator, docId, at(TEXT, phrase), end(TEXT, phrase), label);
    }

    protected static List<String> texts(JsonPath layer) {
        List<Map<String, Object>> spans = layer.getList("spans");
        return spans.stream().map(s -> substring((Integer) s.get("start"), (Integer) s.get("end"))).toList();
    }

    protected static Map<Object, String> spanTexts(JsonPath layer) {
        List<Map<String, Object>> spans = layer.getList("spans");
        Map<Object, String> result = new java.util.HashMap<>();
        spans.forEach(s -> result.put(s.get("id"), substring((Integer) s.get("start"), (Integer) s.get("end"))));
        return result;
    }

    /** Python-style text[start:end] in code points. */
    static String substring(int start, int end) {
        int from = TEXT.offsetByCodePoints(0, start);
        return TEXT.substring(from, TEXT.offsetByCodePoints(from, end - start));
    }
}
