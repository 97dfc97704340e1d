package dev.takedown.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole story in Debian's Chromium: a rights holder files a notice, a moderator claims and accepts it, and a
 * compliance officer sees the case timeline and an intact chain.
 */
class PortalBrowserIT extends BrowserTest {

    @Test
    void rightsHolderFilesModeratorAcceptsComplianceSeesIntactChain() {
        String target = "https://gen.example/browser/" + UUID.randomUUID();
        String caseId;

        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, "rightsholder-a");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My notices")))
                    .isVisible();
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("File a notice").setExact(true))
                    .first()
                    .click();
            page.locator("[name=notifierName]").fill("Studio A");
            page.locator("[name=notifierEmail]").fill("legal@a.test");
            page.locator("[name=identityType]").fill("USCC");
            page.locator("[name=identityNumber]").fill("91310000MA1FL0000X");
            page.locator("[name=workTitle]").fill("Ultraman Tiga");
            page.locator("[name=targetUrls]").fill(target);
            page.locator("[name=evidenceUrl]").fill("https://evidence.a.test/capture.png");
            page.locator("[name=truthfulnessResponsibility]").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File notice"))
                    .click();

            assertThat(page.locator(".notice-ok")).containsText("Notice received");
            caseId = page.locator(".notice-ok code").textContent().strip();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("1-notice-filed.png")));
        }

        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, "moderator");
            var row = page.locator("tr[data-case='" + caseId + "']");
            for (int attempt = 0; attempt < 60 && row.count() == 0; attempt++) {
                page.waitForTimeout(500);
                page.reload();
            }
            row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Claim"))
                    .click();
            assertThat(page.locator("dl.facts")).containsText(target);
            page.locator("input[name=measures][value=DELETE]").check();
            page.locator("textarea[name=reason]").fill("The image reproduces the character.");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("2-review.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept"))
                    .click();
            assertThat(page.locator(".notice-ok")).containsText("Decision recorded");
        }

        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, "compliance");
            assertThat(page.locator("#chain-status")).containsText("intact");
            page.navigate(baseUrl() + "/audit?caseId=" + caseId);
            for (int attempt = 0;
                    attempt < 60 && !page.locator("#timeline").textContent().contains("parties-notified");
                    attempt++) {
                page.waitForTimeout(500);
                page.reload();
            }
            assertThat(page.locator("#timeline")).containsText("dev.takedown.notice.received.v1");
            assertThat(page.locator("#timeline")).containsText("dev.takedown.measure.applied.v1");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("3-audit.png"))
                    .setFullPage(true));
            var bundle =
                    context.request().get(baseUrl() + page.locator("#bundle").getAttribute("href"));
            assertThat(bundle.status()).isEqualTo(200);
            assertThat(new String(bundle.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
                    .as("an evidence bundle is a ZIP")
                    .isEqualTo("PK");
            page.navigate(baseUrl() + "/audit");
            assertThat(page.locator("#chain-status")).containsText("intact");
        }
    }

    @Test
    void adminReachesCockpitThroughOurSignOn() {
        try (BrowserContext context = browser.newContext()) {
            signIn(context, "admin");
            var user = context.request().get(baseUrl() + "/camunda/api/admin/auth/user/default");
            assertThat(user.status()).isEqualTo(200);
            assertThat(user.text()).contains("\"userId\":\"admin\"").contains("cockpit");
        }
        try (BrowserContext context = browser.newContext()) {
            signIn(context, "moderator");
            assertThat(context.request()
                            .get(baseUrl() + "/camunda/app/cockpit/default/")
                            .status())
                    .isEqualTo(403);
        }
    }
}
