package org.relata.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.microsoft.playwright.Page.GetByRoleOptions;

/** Base of the browser tests: one Chromium per test class, a fresh context per page. */
public abstract class BrowserTest {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** Role options matching the accessible name exactly. */
    protected static GetByRoleOptions named(String name) {
        return new GetByRoleOptions().setName(name).setExact(true);
    }
}
