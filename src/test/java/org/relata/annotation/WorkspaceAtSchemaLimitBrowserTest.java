package org.relata.annotation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;
import org.relata.testsupport.TeamDocument;

import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 19 finding 2: with 1,000 entity types (the limit) the workspace opens about as fast as with 10. The two are
 * opened in turns in one browser, so the machine's load weighs on both alike; their medians are compared.
 */
@QuarkusTest
class WorkspaceAtSchemaLimitBrowserTest extends BrowserTest {

    private static final int RUNS = 5;

    @Inject
    Db db;

    @Test
    void aThousandTypesOpenAboutAsFastAsTen() {
        TeamDocument few = withTypes(10);
        TeamDocument many = withTypes(1000);
        Page fewPage = browser.loggedIn(few.annotator(), Api.PASSWORD);
        Page manyPage = browser.loggedIn(many.annotator(), Api.PASSWORD);
        open(fewPage, few.docId()); // warm-up: class loading and JIT on the server, the module cache in the browser
        open(manyPage, many.docId());
        double[] fewMillis = new double[RUNS];
        double[] manyMillis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            fewMillis[i] = open(fewPage, few.docId());
            manyMillis[i] = open(manyPage, many.docId());
        }
        double fewMedian = median(fewMillis);
        double manyMedian = median(manyMillis);
        System.out.printf("workspace ready: 10 types %s ms (median %.0f), 1000 types %s ms (median %.0f), ratio %.2f%n",
                Arrays.toString(fewMillis), fewMedian, Arrays.toString(manyMillis), manyMedian, manyMedian / fewMedian);
        assertTrue(manyMedian <= 2 * fewMedian, "1000 types: " + manyMedian + " ms, 10 types: " + fewMedian + " ms");
    }

    private TeamDocument withTypes(int count) {
        TeamDocument team = TeamDocument.create(db, "wslimit-pm", "wslimit-ann", "limit-" + count,
                "Laos and Vietnam share a long border along the Annamite Range.");
        String url = "/api/projects/" + team.projectId() + "/schema";
        String etag = Api.as(team.manager()).get(url).header("ETag");
        List<Map<String, Object>> types = IntStream.range(0, count)
                .mapToObj(i -> Map.<String, Object> of("name", "TYPE_" + i)).toList();
        Api.as(team.manager()).header("If-Match", etag).body(Map.of("entityTypes", types)).put(url).then()
                .statusCode(200);
        return team;
    }

    /** Milliseconds from navigation to the workspace's first frame with the document (js/workspace/main.js). */
    private static double open(Page page, long docId) {
        page.navigate("/documents/" + docId + "/annotate");
        page.waitForFunction("() => !!window.relataWorkspace");
        return ((Number) page.evaluate("() => window.relataWorkspace.readyAt")).doubleValue();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
