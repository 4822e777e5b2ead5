package org.relata.annotation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.WorkspaceFixtures.at;
import static org.relata.testsupport.WorkspaceFixtures.end;
import static org.relata.testsupport.WorkspaceFixtures.relation;
import static org.relata.testsupport.WorkspaceFixtures.span;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;
import org.relata.testsupport.WorkspacePage;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 20, item 6: each visual row is as tall as its own labels and arcs need (a plain row stays a plain line of
 * text), a label cut short shows in full on hover, and a compact mode stacks arcs closer and is remembered.
 */
@QuarkusTest
class WorkspaceLayoutBrowserTest extends BrowserTest {

    /** Line 0 wraps over several rows and has one label at its start; line 1 carries an arc; 2 is plain; 3 a short span. */
    static final String TEXT = "Russia said that the talks went on for many hours and covered trade, borders, fishing rights "
            + "and the weather in the north of the region, and that the delegations would meet again in the spring "
            + "to go over the same questions once more, with experts on both sides and a longer agenda than this time, "
            + "which every one of the delegates welcomed at the end of the long day.\n"
            + "North Korea and China met in Beijing.\n"
            + "Nothing is marked on this line.\n"
            + "The UN spoke.";

    @Inject
    Db db;

    String manager;
    String annotator;
    long projectId;
    long docId;

    @BeforeEach
    void document() {
        manager = Api.newUser("pm");
        annotator = Api.newUser("ann");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        docId = db.document(projectId, "layout", TEXT);
        Api.assignAll(projectId, manager, annotator);
        span(annotator, docId, at(TEXT, "Russia"), end(TEXT, "Russia"), "COUNTRY");
        long northKorea = span(annotator, docId, at(TEXT, "North Korea"), end(TEXT, "North Korea"), "COUNTRY");
        long china = span(annotator, docId, at(TEXT, "China"), end(TEXT, "China"), "COUNTRY");
        relation(annotator, docId, northKorea, china, "ALLY_OF");
        span(annotator, docId, at(TEXT, "UN"), end(TEXT, "UN"), "ORGANIZATION");
    }

    @Test
    void rowsWithoutLabelsOrArcsStayAsTallAsPlainTextAndARowWithAnArcIsTaller() {
        Page page = open();
        double text = textHeight(page);
        double plain = 1.5 * text + 2; // plain text's line height, and a small margin

        List<Double> tops = rowTops(page, 0);
        assertTrue(tops.size() >= 3, "the first line wraps: " + tops);
        for (int i = 2; i < tops.size(); i++) {
            double row = tops.get(i) - tops.get(i - 1);
            assertTrue(row <= plain, "row " + i + " of a line labelled only at its start is " + row + " px, plain " + plain);
        }
        double plainLine = blockHeight(page, 2);
        assertTrue(plainLine <= plain, "a line without annotations is " + plainLine + " px, plain " + plain);

        double labelled = blockHeight(page, 3);
        double withArc = blockHeight(page, 1);
        assertTrue(labelled >= plainLine + 10, "a label needs room: " + labelled + " vs " + plainLine);
        assertTrue(withArc >= labelled + 12, "an arc needs room above the labels: " + withArc + " vs " + labelled);
        assertThat(page.locator("#ws-doc .ws-rel")).hasCount(1);
    }

    @Test
    void hoveringALabelCutShortShowsItsFullName() {
        Page page = open();
        Locator label = WorkspacePage.spanLabel(page, "ORGANIZATION UN");
        assertThat(label).hasText("ORGANIZATION");
        assertTrue(cut(label), "the label of a two-letter span is cut short");
        label.hover();
        assertEquals(false, cut(label), "the whole name shows while hovered");
        page.mouse().move(5, 5);
        assertTrue(cut(label));
        label.click(); // selected: shown in full while the span is selected
        assertEquals(false, cut(label));
    }

    @Test
    void compactModeStacksArcsCloserAndIsRemembered() {
        Page page = open();
        double normal = blockHeight(page, 1);
        page.getByLabel("Compact").check();
        page.waitForFunction("(h) => document.querySelector('#ws-doc .ws-blk[data-b=\"1\"]').offsetHeight < h", normal);
        double compact = blockHeight(page, 1);
        assertTrue(compact < normal, compact + " < " + normal);

        page.reload();
        WorkspacePage.ready(page);
        assertThat(page.getByLabel("Compact")).isChecked();
        assertEquals(compact, blockHeight(page, 1), 0.5);
        page.getByLabel("Compact").uncheck();
        page.waitForFunction("(h) => document.querySelector('#ws-doc .ws-blk[data-b=\"1\"]').offsetHeight > h", compact);
        assertEquals(normal, blockHeight(page, 1), 0.5);
    }

    @Test
    void aSpanOnTheThirdRowOfALineGetsItsRoomThereAndLabelsStayAboveTheirText() {
        span(annotator, docId, at(TEXT, "spring"), end(TEXT, "spring"), "COUNTRY");
        Page page = open();
        @SuppressWarnings("unchecked")
        Map<String, Number> boxes = (Map<String, Number>) page.evaluate("""
                () => {
                  const label = [...document.querySelectorAll('#ws-doc .ws-lb')].find((l) =>
                    (l.getAttribute('aria-label') || '').endsWith('spring'));
                  const mark = label.parentElement;
                  const tx = document.querySelector('#ws-doc .ws-blk[data-b="0"] .ws-tx');
                  const i = tx.textContent.indexOf('spring');
                  const at = (offset) => {
                    let rest = offset;
                    for (const n of tx.childNodes) {
                      if (n.nodeType !== Node.TEXT_NODE) continue;
                      if (rest < n.length) return [n, rest];
                      rest -= n.length;
                    }
                  };
                  const r = document.createRange();
                  r.setStart(...at(i));
                  r.setEnd(...at(i + 5)); // the word's first row: a strut may sit inside it
                  const first = r.getBoundingClientRect();
                  const word = { top: first.top, bottom: first.bottom, left: first.left };
                  const lb = label.getBoundingClientRect();
                  return { labelBottom: lb.bottom, wordTop: word.top, labelLeft: lb.left, wordLeft: word.left,
                           markBottom: mark.getBoundingClientRect().bottom, wordBottom: word.bottom };
                }""");
        double labelBottom = boxes.get("labelBottom").doubleValue();
        double wordTop = boxes.get("wordTop").doubleValue();
        assertTrue(labelBottom <= wordTop && wordTop - labelBottom < 6, "label just above its word: " + boxes);
        assertEquals(boxes.get("wordBottom").doubleValue(), boxes.get("markBottom").doubleValue(), 1.5);
        assertTrue(boxes.get("labelLeft").doubleValue() <= boxes.get("wordLeft").doubleValue() + 1);
    }

    // --- helpers ---

    /**
     * A long document keeps marks only around the screen: the rest of its lines get their final height in idle time
     * without being drawn, are drawn when scrolled to, and let go of their marks once the screen is far away.
     */
    @Test
    void aLongDocumentDrawsOnlyAroundTheScreenAndKeepsItsHeightWhileScrolled() {
        int paragraphs = 300;
        int length = 400;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            StringBuilder p = new StringBuilder(String.format("Paragraph %03d. Russia and China met.", i));
            while (p.length() < length - 1) {
                p.append(" The talks went on.");
            }
            p.setLength(length - 1);
            text.append(p).append('\n');
        }
        int russia = "Paragraph 000. ".length();
        long longDoc = db.document(projectId, "long", text.toString());
        Api.assignAll(projectId, manager, annotator);
        span(annotator, longDoc, russia, russia + 6, "COUNTRY");
        assertEquals(paragraphs - 1, db.update("""
                insert into spans (layer_id, doc_length, start_offset, end_offset, entity_type_id)
                select l.id, l.doc_length, k * ?1 + ?2, k * ?1 + ?2 + 6,
                       (select t.id from entity_types t where t.project_id = ?3 and t.name = 'COUNTRY')
                  from annotation_layers l cross join generate_series(1, ?4 - 1) k
                 where l.document_id = ?5 and l.owner_kind = 'USER'""", length, russia, projectId, paragraphs, longDoc));

        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/documents/" + longDoc + "/annotate");
        WorkspacePage.ready(page);
        page.waitForFunction("() => performance.getEntriesByName('relata-workspace-complete').length > 0");
        long drawn = ((Number) page.evaluate("() => document.querySelectorAll('#ws-doc mark.ws-sp').length")).longValue();
        assertTrue(drawn > 0 && drawn < paragraphs / 2, drawn + " of " + paragraphs + " spans drawn");
        double height = docHeight(page);

        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        Locator last = page.locator("#ws-doc .ws-blk[data-b=\"" + (paragraphs - 1) + "\"] mark.ws-sp");
        assertThat(last).hasCount(1);
        assertThat(last).isInViewport();
        assertThat(page.locator("#ws-doc .ws-blk[data-b=\"0\"] mark.ws-sp")).hasCount(0);
        assertEquals(height, docHeight(page), 0.5, "lines fitted in idle time keep their height once drawn");

        page.evaluate("() => window.scrollTo(0, 0)");
        assertThat(page.locator("#ws-doc .ws-blk[data-b=\"0\"] mark.ws-sp")).hasCount(1);
        assertThat(last).hasCount(0);
        assertEquals(height, docHeight(page), 0.5);
        page.context().close();
    }

    static double docHeight(Page page) {
        return ((Number) page.evaluate("() => document.querySelector('#ws-doc').getBoundingClientRect().height")).doubleValue();
    }

    Page open() {
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/annotate");
        WorkspacePage.ready(page);
        assertThat(page.locator("#ws-doc .ws-lb")).not().hasCount(0);
        return page;
    }

    static boolean cut(Locator label) {
        return (Boolean) label.evaluate("(el) => el.scrollWidth > el.clientWidth + 1");
    }

    static double textHeight(Page page) {
        return ((Number) page.evaluate("""
                () => {
                  const r = document.createRange();
                  r.selectNodeContents(document.querySelector('#ws-doc .ws-blk[data-b="2"] .ws-tx'));
                  return r.getClientRects()[0].height;
                }""")).doubleValue();
    }

    static double blockHeight(Page page, int block) {
        return ((Number) page.evaluate("(b) => document.querySelector(`#ws-doc .ws-blk[data-b=\"${b}\"]`).getBoundingClientRect().height",
                block)).doubleValue();
    }

    /** The tops of the visual rows of a line of the document, in page pixels. */
    @SuppressWarnings("unchecked")
    static List<Double> rowTops(Page page, int block) {
        List<Number> tops = (List<Number>) page.evaluate("""
                (b) => {
                  const r = document.createRange();
                  r.selectNodeContents(document.querySelector(`#ws-doc .ws-blk[data-b="${b}"] .ws-tx`));
                  const tops = [];
                  for (const x of r.getClientRects()) {
                    if (x.width > 0.5 && !tops.some((t) => Math.abs(t - x.top) < 2)) tops.push(x.top);
                  }
                  return tops.sort((p, q) => p - q);
                }""", block);
        return tops.stream().map(Number::doubleValue).toList();
    }
}
