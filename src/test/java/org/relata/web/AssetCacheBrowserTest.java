package org.relata.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/** The workspace's modules and styles come from the browser's cache on the second visit: no request at all. */
@QuarkusTest
class AssetCacheBrowserTest extends BrowserTest {

    @Inject
    Db db;

    @Test
    void aSecondVisitToTheWorkspaceFetchesNoModuleOrStylesheetFromTheNetwork() {
        String user = Api.newUser("ann");
        long project = Api.newProject(user);
        long doc = db.document(project, "cached", "North Korea and China met.");
        Page page = browser.loggedIn(user, Api.PASSWORD);
        page.navigate("/documents/" + doc + "/annotate");
        page.waitForFunction("() => !!window.relataWorkspace");
        List<Map<String, Object>> first = assets(page);
        assertTrue(first.size() >= 20, "the workspace loads its modules and styles: " + first);
        assertTrue(first.stream().anyMatch(a -> ((Number) a.get("size")).longValue() > 0), "the first visit fetches them: " + first);

        page.navigate("/projects/" + project);
        page.navigate("/documents/" + doc + "/annotate");
        page.waitForFunction("() => !!window.relataWorkspace");
        List<Map<String, Object>> second = assets(page);
        assertEquals(first.size(), second.size(), "the same files: " + second);
        // transferSize 0: taken from the cache without asking the server (a revalidation would count its headers)
        assertTrue(second.stream().allMatch(a -> ((Number) a.get("size")).longValue() == 0), "fetched again: " + second);
        page.context().close();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> assets(Page page) {
        return (List<Map<String, Object>>) page.evaluate("""
                () => performance.getEntriesByType('resource').filter(e => /\\/assets\\/.*\\.(js|css)$/.test(e.name))
                  .map(e => ({ name: e.name, size: e.transferSize }))""");
    }
}
