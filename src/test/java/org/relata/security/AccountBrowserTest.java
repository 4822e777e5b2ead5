package org.relata.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 19 finding 11 in Chromium: the own-account page changes the password and ends one chosen session; the
 * security log lists a failed login.
 */
@QuarkusTest
class AccountBrowserTest extends BrowserTest {

    @Test
    void aUserChangesTheirPasswordOnTheAccountPageAndStaysLoggedIn() {
        String user = Api.newUser("self");
        Page other = browser.loggedIn(user, Api.PASSWORD);
        Page page = browser.loggedIn(user, Api.PASSWORD);
        page.getByRole(AriaRole.LINK, named("My account")).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("My account"))).isVisible();
        page.getByLabel("Current password").fill(Api.PASSWORD);
        page.getByLabel("New password").fill("a-brand-new-secret-4");
        page.getByRole(AriaRole.BUTTON, named("Change password")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Password changed. Your other sessions have ended");

        // This browser goes on; the other one has to log in again.
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, named("My account"))).isVisible();
        other.navigate("/account");
        assertThat(other).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        Api.as(user, "a-brand-new-secret-4").get("/api/me").then().statusCode(200);
        Api.as(user, Api.PASSWORD).get("/api/me").then().statusCode(401);
    }

    @Test
    void aUserEndsTheirOtherSessionOnTheAccountPage() {
        String user = Api.newUser("two-browsers");
        Page other = browser.loggedIn(user, Api.PASSWORD);
        Page page = browser.loggedIn(user, Api.PASSWORD);
        page.navigate("/account");
        var sessions = page.getByRole(AriaRole.TABLE, named("Sessions")).getByRole(AriaRole.ROW)
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHas(page.getByRole(AriaRole.BUTTON)));
        assertThat(sessions).hasCount(2);
        var thisOne = sessions.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("this session"));
        assertThat(thisOne).hasCount(1);
        var theOther = sessions.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasNotText("this session"));
        theOther.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The session has ended");
        assertThat(sessions).hasCount(1);
        assertThat(sessions).containsText("this session");

        other.navigate("/account");
        assertThat(other).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, named("My account"))).isVisible();
    }

    @Test
    void theSecurityLogListsAFailedLogin() {
        String user = Api.newUser("target");
        Page login = browser.anonymous();
        login.navigate("/login");
        login.getByLabel("Username").fill(user);
        login.getByLabel("Password").fill("not-the-password-1");
        login.getByRole(AriaRole.BUTTON, named("Log in")).click();
        assertThat(login).hasURL(java.util.regex.Pattern.compile(".*/login.*error.*"));

        Page page = browser.loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        page.getByRole(AriaRole.LINK, named("Security log")).click();
        page.getByLabel("Type").selectOption("LOGIN_FAILED");
        page.getByLabel("User", new Page.GetByLabelOptions().setExact(true)).fill(user);
        page.getByRole(AriaRole.BUTTON, named("Filter")).click();
        var row = page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(user));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("LOGIN_FAILED");
        assertThat(row).containsText("form");
    }
}
