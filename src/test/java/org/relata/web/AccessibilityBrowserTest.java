package org.relata.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.WorkspaceFixtures.relation;
import static org.relata.testsupport.WorkspaceFixtures.span;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.KeyboardModifier;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 20, items 13 and 14: axe-core finds no serious or critical violation on any main page, nor on a workspace
 * with spans, arcs and its open menus, in the light theme and in the dark one (the system setting).
 */
@QuarkusTest
class AccessibilityBrowserTest extends BrowserTest {

    static final String TEXT = "North Korea and China met in Beijing. The UN spoke.\n"
            + "Kim Jong Un spoke with Vladimir Putin in Vladivostok, Russia.";
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    @Inject
    Db db;

    String manager;
    String annotator;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        manager = Api.newUser("a11y-pm");
        annotator = Api.newUser("a11y-ann");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        docId = db.document(projectId, "article-1", TEXT);
        Api.assignAll(projectId, manager, annotator);
        long korea = span(annotator, docId, 0, 11, "COUNTRY");
        long china = span(annotator, docId, 16, 21, "COUNTRY");
        relation(annotator, docId, korea, china, "ALLY_OF");
        span(annotator, docId, 42, 44, "ORGANIZATION");
        long kim = span(annotator, docId, 52, 63, "PERSON");
        relation(annotator, docId, kim, korea, "LEADER_OF");
    }

    @ParameterizedTest
    @EnumSource(value = ColorScheme.class, names = { "LIGHT", "DARK" })
    void everyMainPageHasNoSeriousViolation(ColorScheme scheme) {
        List<String> found = new ArrayList<>();
        Page anonymous = browser.anonymous(scheme);
        check(anonymous, "/login", found, scheme);
        anonymous.context().close();

        Page page = browser.loggedIn(manager, Api.PASSWORD, scheme);
        String p = "/projects/" + projectId;
        for (String url : List.of("/", p, p + "/schema", p + "/members", p + "/import", p + "/export",
                p + "/progress", p + "/agreement", p + "/releases", p + "/trash", "/account",
                "/documents/" + docId + "/curate")) {
            check(page, url, found, scheme);
        }
        page.context().close();

        Page admin = browser.loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD, scheme);
        // Filtered to this test's users: the shared test database holds every other test's accounts and events.
        check(admin, "/admin/users?q=" + manager, found, scheme);
        check(admin, "/admin/security-log?user=" + manager, found, scheme);
        admin.context().close();
        assertEquals(List.of(), found);
    }

    @ParameterizedTest
    @EnumSource(value = ColorScheme.class, names = { "LIGHT", "DARK" })
    void theWorkspaceWithSpansArcsAndItsMenusHasNoSeriousViolation(ColorScheme scheme) {
        List<String> found = new ArrayList<>();
        Page page = browser.loggedIn(annotator, Api.PASSWORD, scheme);
        page.navigate("/documents/" + docId + "/annotate");
        page.waitForFunction("() => !!window.relataWorkspace");
        assertThat(page.locator("svg.ws-arcs .ws-rel")).not().hasCount(0);
        found.addAll(violations(page, "workspace", scheme));

        // The label menu, open on a selection.
        page.getByLabel("Document text").focus();
        page.evaluate("""
                () => {
                  const tx = document.querySelector('#ws-doc .ws-blk[data-b="1"] .ws-tx');
                  const node = [...tx.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.includes('Putin'));
                  const i = node.data.indexOf('Putin');
                  const r = document.createRange();
                  r.setStart(node, i);
                  r.setEnd(node, i + 5);
                  const box = r.getBoundingClientRect();
                  window.__putin = [box.left + 1, box.top + box.height / 2, box.right - 1, box.top + box.height / 2];
                }""");
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) page.evaluate("() => window.__putin");
        page.mouse().move(box.get(0).doubleValue(), box.get(1).doubleValue());
        page.mouse().down();
        page.mouse().move(box.get(2).doubleValue(), box.get(3).doubleValue());
        page.mouse().up();
        assertThat(page.getByRole(AriaRole.MENU)).isVisible();
        found.addAll(violations(page, "workspace with the label menu", scheme));
        page.keyboard().press("Escape");
        assertThat(page.getByRole(AriaRole.MENU)).isHidden();

        // The relation menu, open on two spans.
        Locator doc = page.getByLabel("Document text");
        doc.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("COUNTRY North Korea")).click();
        doc.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("COUNTRY China"))
                .click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.SHIFT)));
        assertThat(page.getByRole(AriaRole.MENU)).isVisible();
        found.addAll(violations(page, "workspace with the relation menu", scheme));
        page.context().close();
        assertEquals(List.of(), found);
    }

    private static void check(Page page, String url, List<String> found, ColorScheme scheme) {
        int status = page.navigate(url).status();
        if (status != 200) {
            found.add(url + ": answered " + status);
            return;
        }
        found.addAll(violations(page, url, scheme));
    }

    /**
     * Serious and critical violations as "where: rule (targets)". The dark theme changes colours only, so in it
     * only the contrast rule runs: the other rules see the same page as in the light theme (and all of axe's rules
     * on each page twice took most of this class's five minutes).
     */
    static List<String> violations(Page page, String where, ColorScheme scheme) {
        AxeBuilder axe = new AxeBuilder(page);
        if (scheme == ColorScheme.DARK) {
            axe.withRules(List.of("color-contrast"));
        }
        List<Rule> rules = axe.analyze().getViolations();
        return rules.stream().filter(r -> BLOCKING.contains(r.getImpact()))
                .map(r -> where + ": " + r.getId() + " " + r.getNodes().stream()
                        .map(n -> n.getTarget() + " " + String.valueOf(n.getFailureSummary()).replace('\n', ' '))
                        .limit(4).collect(Collectors.joining("; ")))
                .toList();
    }
}
