package org.relata.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LoginBrowserTest extends BrowserTest {

    @Test
    void userLogsInSeesProjectsAndLogsOut() {
        Page page = browser.loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Projects"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page.getByText("You are logged out.")).isVisible();
        page.navigate("/");
        assertThat(page.getByLabel("Username")).isVisible();
    }

    @Test
    void wrongPasswordIsRefused() {
        Page page = browser.anonymous();
        page.navigate("/login");
        page.getByLabel("Username").fill(Api.ADMIN);
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong username or password.");
    }
}
