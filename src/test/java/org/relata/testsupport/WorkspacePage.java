package org.relata.testsupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.KeyboardModifier;

/** The annotation workspace page as a user handles it: find a span's label, select text, wait for saving. */
public final class WorkspacePage {

    private WorkspacePage() {
    }

    /** A span's label in the document (the side panel lists the same names). */
    public static Locator spanLabel(Page page, String name) {
        return page.getByLabel("Document text").getByRole(AriaRole.BUTTON, inside(name));
    }

    public static Locator.GetByRoleOptions inside(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    public static void ready(Page page) {
        page.waitForFunction("() => !!window.relataWorkspace");
    }

    public static void saved(Page page) {
        assertThat(page.locator("#ws-save")).hasText("All changes saved");
    }

    /** Selects {@code phrase} with the mouse and labels it with an entity type's hotkey. */
    public static void label(Page page, String phrase, String hotkey) {
        drag(page, phrase);
        page.keyboard().press(hotkey);
    }

    /** Drags the mouse over the first occurrence of {@code phrase} in the document text. */
    public static void drag(Page page, String phrase) {
        List<Number> box = textBox(page, phrase);
        page.mouse().move(box.get(0).doubleValue(), box.get(1).doubleValue());
        page.mouse().down();
        page.mouse().move(box.get(2).doubleValue(), box.get(3).doubleValue(), new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
        page.mouse().up();
    }

    public static double[] middleOf(Page page, String phrase) {
        List<Number> box = textBox(page, phrase);
        return new double[] { (box.get(0).doubleValue() + box.get(2).doubleValue()) / 2, box.get(1).doubleValue() };
    }

    /** Left-middle of the first and right-middle of the last character of {@code phrase} on the screen. */
    public static List<Number> textBox(Page page, String phrase) {
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) page.evaluate("""
                (phrase) => {
                  for (const tx of document.querySelectorAll('#ws-doc .ws-tx')) {
                    const i = tx.textContent.indexOf(phrase);
                    if (i < 0) continue;
                    // A line's text may be several text nodes (rows with labels hold a strut between them).
                    const at = (offset, start) => {
                      let rest = offset;
                      for (const n of tx.childNodes) {
                        if (n.nodeType !== Node.TEXT_NODE) continue;
                        if (rest < n.length || (rest === n.length && !start)) return [n, rest];
                        rest -= n.length;
                      }
                    };
                    const r = document.createRange();
                    r.setStart(...at(i, true));
                    r.setEnd(...at(i + phrase.length, false));
                    const rects = [...r.getClientRects()].filter((x) => x.width > 0.5);
                    const a = rects[0], b = rects[rects.length - 1];
                    return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
                  }
                  return null;
                }""", phrase);
        return box;
    }

    public static void shiftClick(Locator locator) {
        locator.click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.SHIFT)));
    }
}
