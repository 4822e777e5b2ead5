package org.relata.user;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The users page: "Reset password" per user instead of an unlabelled box in every row (issue 20, item 9), and a
 * page of 50 users at a time with a search, so an installation with thousands of accounts still finds one.
 */
@QuarkusTest
class AdminUsersBrowserTest extends BrowserTest {

    @Inject
    Db db;

    @Test
    void aPasswordIsResetThroughALabelledFormOpenedPerUser() {
        String user = Api.newUser("reset");
        Page page = browser.loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        page.navigate("/admin/users");
        page.getByLabel("Find users").fill(user);
        page.getByRole(AriaRole.BUTTON, named("Find")).click();
        assertThat(page.locator("#user-count")).hasText("1 user whose name contains “" + user + "”.");
        assertThat(page.locator("input[type=password]:visible")).hasCount(1); // only the new user form's
        assertThat(page.getByLabel("New password for " + user)).isHidden();

        page.getByText("Reset password").and(page.getByLabel("Reset password of " + user)).click();
        assertThat(page.getByLabel("New password for " + user)).isVisible();
        page.getByLabel("New password for " + user).fill("another-password-2");
        page.getByRole(AriaRole.BUTTON, named("Set password of " + user)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Password changed");
        // Back on the list, the changed user is still in sight.
        assertThat(page.getByRole(AriaRole.CELL, named(user))).isVisible();

        Api.as(user, "another-password-2").get("/api/projects").then().statusCode(200);
    }

    @Test
    void manyUsersArePagedInNameOrderAndASearchTreatsWildcardsAsText() {
        String prefix = "many_" + UUID.randomUUID().toString().substring(0, 6);
        // 60 accounts whose names sort 00..59; another whose name would match if _ were a wildcard.
        db.update("insert into users (username, password_hash) select ?1 || '-' || lpad(g::text, 2, '0'), 'x'"
                + " from generate_series(0, 59) g", prefix);
        db.update("insert into users (username, password_hash) values (?1, 'x')", prefix.replace('_', 'x') + "-99");
        Page page = browser.loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        page.navigate("/admin/users?q=" + prefix);
        assertThat(page.locator("#user-count")).hasText("60 users whose name contains “" + prefix + "”, 50 shown.");
        assertThat(page.locator("tbody tr")).hasCount(50);
        assertThat(page.locator("tbody tr").first().locator("td").first()).hasText(prefix + "-00");
        assertThat(page.locator("tbody tr").last().locator("td").first()).hasText(prefix + "-49");

        page.getByRole(AriaRole.LINK, named("Next users")).click();
        assertThat(page.locator("tbody tr")).hasCount(10);
        assertThat(page.locator("tbody tr").first().locator("td").first()).hasText(prefix + "-50");
        assertThat(page.getByLabel("Find users")).hasValue(prefix);
        assertThat(page.getByRole(AriaRole.LINK, named("Next users"))).hasCount(0);
    }
}
