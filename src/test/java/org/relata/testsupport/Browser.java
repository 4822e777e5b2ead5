package org.relata.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;

/**
 * Debian's Chromium driven by Playwright, against the server of the running {@code @QuarkusTest}.
 * Playwright never downloads a browser here: it is pointed at /usr/bin/chromium.
 */
public final class Browser implements AutoCloseable {

    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(chromiumPath()))
                .setHeadless(true)
                .setArgs(FLAGS));
    }

    public static Browser start() {
        return new Browser();
    }

    private static String chromiumPath() {
        String configured = System.getenv("RELATA_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Chromium not found: install Debian's chromium package or set RELATA_CHROMIUM");
    }

    public static String baseUrl() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        if (port == 0) {
            port = io.restassured.RestAssured.port;
        }
        return "http://localhost:" + port;
    }

    /** A fresh context (its own cookies), already logged in through the login form. */
    public Page loggedIn(String username, String password) {
        return loggedIn(baseUrl(), username, password);
    }

    /** The same against another server, such as a second instance of the packaged application. */
    public Page loggedIn(String baseUrl, String username, String password) {
        return logIn(browser.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(1280, 900)),
                username, password);
    }

    /**
     * Logged in, with the system's colour scheme set to light or dark (the pages follow it). The page's Content
     * Security Policy is bypassed so that a test may inject axe-core; the application's own scripts run as usual.
     */
    public Page loggedIn(String username, String password, ColorScheme scheme) {
        return logIn(browser.newContext(schemed(scheme)), username, password);
    }

    /** Anonymous, with the given colour scheme (see above). */
    public Page anonymous(ColorScheme scheme) {
        return browser.newContext(schemed(scheme)).newPage();
    }

    private static NewContextOptions schemed(ColorScheme scheme) {
        return new NewContextOptions().setBaseURL(baseUrl()).setViewportSize(1280, 900).setColorScheme(scheme)
                .setBypassCSP(true);
    }

    private static Page logIn(BrowserContext context, String username, String password) {
        Page page = context.newPage();
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    public Page anonymous() {
        BrowserContext context = browser.newContext(new NewContextOptions().setBaseURL(baseUrl())
                .setViewportSize(1280, 900));
        return context.newPage();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
