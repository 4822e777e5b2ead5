package org.relata.curation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.curation.CurationFixtures.span;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The curation view of a long document (issue 11, speed): the page draws the paragraphs near the screen first and
 * the side list only in the rows in sight, yet the disagreement keys still reach, show and decide an annotation
 * far down the document and far down the list.
 */
@QuarkusTest
class CurationLongDocumentBrowserTest extends BrowserTest {

    static final int PARAGRAPHS = 300;
    /** "Paragraph 000. Kim leads Korea; China and Russia." then filler: every paragraph this long, newline included. */
    static final int LENGTH = 400;
    static final int KIM = 15;
    static final int RUSSIA = 42;
    static final int FAR = 290;

    @Inject
    Db db;

    static String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < PARAGRAPHS; i++) {
            StringBuilder p = new StringBuilder(String.format("Paragraph %03d. Kim leads Korea; China and Russia.", i));
            while (p.length() < LENGTH - 1) {
                p.append(" The talks went on.");
            }
            p.setLength(LENGTH - 1);
            text.append(p).append('\n');
        }
        return text.toString();
    }

    @Test
    void nextAndPreviousDisagreementReachAndDecideAnAnnotationFarDownTheDocument() {
        CurationFixtures.TwoAnnotators team = CurationFixtures.TwoAnnotators.create(db, "long", text());
        String curator = team.curator();
        String a = team.a();
        String b = team.b();
        long projectId = team.projectId();
        long docId = team.docId();
        // Both annotators: Kim as PERSON in every paragraph (the first through the API, which makes their layers;
        // the rest directly, hundreds at once). a alone: China in the first paragraph; b alone: Russia far down.
        span(a, docId, KIM, KIM + 3, "PERSON");
        span(b, docId, KIM, KIM + 3, "PERSON");
        assertEquals(2 * (PARAGRAPHS - 1), db.update("""
                insert into spans (layer_id, doc_length, start_offset, end_offset, entity_type_id)
                select l.id, l.doc_length, k * ?1 + ?2, k * ?1 + ?2 + 3,
                       (select t.id from entity_types t where t.project_id = ?3 and t.name = 'PERSON')
                  from annotation_layers l cross join generate_series(1, ?4 - 1) k
                 where l.document_id = ?5 and l.owner_kind = 'USER'""", LENGTH, KIM, projectId, PARAGRAPHS, docId));
        span(a, docId, 32, 37, "COUNTRY");
        int russia = FAR * LENGTH + RUSSIA;
        span(b, docId, russia, russia + 6, "COUNTRY");

        Page page = browser.loggedIn(curator, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/curate");
        assertThat(page.locator("#curation")).hasAttribute("data-listed", "true");
        assertThat(page.locator("#cur-count")).hasText("2 disagreements left");
        Locator announce = page.locator("#cur-announce");
        assertThat(announce).hasText("COUNTRY “China”: " + a + " (1 of 2), disagreement.");
        // Only what is near the screen is drawn at first: far fewer marks and list rows than annotations.
        long rows = ((Number) page.evaluate("() => document.querySelectorAll('#cur-items li').length")).longValue();
        assertTrue(rows < 100, rows + " list rows");

        // n: Russia, 290 paragraphs down: drawn, scrolled to, chosen in the text and in the list.
        page.keyboard().press("n");
        assertThat(announce).hasText("COUNTRY “Russia”: " + b + " (1 of 2), disagreement.");
        Locator far = page.locator("#cur-doc mark.ws-sp.ws-selected");
        assertThat(far).hasCount(1);
        assertThat(far).isInViewport();
        assertThat(far).containsText("COUNTRY");
        Locator items = CurationBrowserTest.items(page);
        Locator farItem = items.filter(new Locator.FilterOptions().setHasText("COUNTRY “Russia”"));
        assertThat(farItem).hasAttribute("aria-current", "true");
        assertThat(farItem).isInViewport();

        // Enter accepts it into gold and moves on (wrapping) to China at the top, which p and n leave again.
        page.keyboard().press("Enter");
        assertThat(page.locator("#cur-count")).hasText("1 disagreement left");
        assertThat(announce).hasText("COUNTRY “China”: " + a + " (1 of 2), disagreement.");
        assertThat(page.locator("#cur-doc mark.ws-sp.ws-selected")).isInViewport();
        assertTrue(Api.as(curator).get("/api/documents/" + docId + "/layers/gold").then().statusCode(200).extract()
                .asString().contains("\"start\":" + russia + ",\"end\":" + (russia + 6) + ",\"label\":\"COUNTRY\""));

        // Backspace rejects China; nothing is left to decide.
        page.keyboard().press("Backspace");
        assertThat(page.locator("#cur-count")).hasText("0 disagreements left");
        page.keyboard().press("p");
        assertThat(announce).hasText("No disagreements left.");
        // A click on a row far down the list still chooses its annotation and shows it in the text.
        page.locator("#cur-items").evaluate("list => list.scrollTop = list.scrollHeight");
        Locator last = items.filter(new Locator.FilterOptions().setHasText("COUNTRY “Russia”"));
        last.click();
        assertThat(announce).hasText("COUNTRY “Russia”: " + b + " (1 of 2), in gold.");
        assertThat(page.locator("#cur-doc mark.ws-sp.ws-selected")).isInViewport();
        page.context().close();
    }
}
