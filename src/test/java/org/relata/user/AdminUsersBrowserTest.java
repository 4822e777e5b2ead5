package org.relata.user;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 20, item 9: the users page offers "Reset password" per user instead of an unlabelled box in every row. */
@QuarkusTest
class AdminUsersBrowserTest extends BrowserTest {

    @Test
    void aPasswordIsResetThroughALabelledFormOpenedPerUser() {
        String user = Api.newUser("reset");
        Page page = browser.loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        page.navigate("/admin/users");
        assertThat(page.locator("input[type=password]:visible")).hasCount(1); // only the new user form's
        assertThat(page.getByLabel("New password for " + user)).isHidden();

        page.getByText("Reset password").and(page.getByLabel("Reset password of " + user)).click();
        assertThat(page.getByLabel("New password for " + user)).isVisible();
        page.getByLabel("New password for " + user).fill("another-password-2");
        page.getByRole(AriaRole.BUTTON, named("Set password of " + user)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Password changed");

        Api.as(user, "another-password-2").get("/api/projects").then().statusCode(200);
    }
}
