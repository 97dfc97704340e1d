package dev.takedown.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Anyone, without an account, finds the complaint channel from any page and files an EU notice through it. */
class PublicComplaintBrowserIT extends BrowserTest {

    @Test
    void anonymousVisitorFilesAnEuNoticeWithInlineProblemsFirst() {
        String target = "https://gen.example/public/" + UUID.randomUUID();
        try (BrowserContext context = context()) {
            Page page = page(context);
            page.navigate(baseUrl() + "/login");
            // the channel is linked from every page, also for visitors without an account
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions()
                                    .setName("Report content")
                                    .setExact(true))
                    .click();
            assertThat(page).hasURL(baseUrl() + "/complaints");
            assertThat(page.getByRole(
                            AriaRole.HEADING,
                            new Page.GetByRoleOptions().setName("Report illegal or infringing content")))
                    .isVisible();
            assertThat(page.locator("#response-times")).containsText("24 hours");
            assertThat(page.locator("#response-times")).containsText("2 hours");
            assertThat(page.locator("#risk-warning")).containsText("Knowingly false reports");

            page.locator("[name=targetUrls]").fill(target);
            page.locator("[name=explanation]").fill("too short");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report"))
                    .click();
            assertThat(page.locator("#problem-summary")).isVisible();
            assertThat(problemAt(page, "notifierName")).containsText("name");
            assertThat(problemAt(page, "notifierEmail")).containsText("email");
            assertThat(problemAt(page, "explanation")).containsText("20 characters");
            assertThat(problemAt(page, "bonaFideAccurateComplete")).isVisible();
            assertThat(page.locator("[name=targetUrls]")).hasValue(target);
            screenshot(page, "public-complaint-problems.png");

            page.locator("[name=notifierName]").fill("Wang Fang");
            page.locator("[name=notifierEmail]").fill("wang.fang@example.org");
            page.locator("[name=explanation]")
                    .fill("The picture is a copy of my photograph of the West Lake, posted without my consent.");
            page.locator("[name=bonaFideAccurateComplete]").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report"))
                    .click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Report received")))
                    .isVisible();
            String caseId = page.locator("#reference").textContent().strip();
            screenshot(page, "public-complaint-received.png");

            var filed = Api.as(baseUrl(), "compliance").get("/api/notices/" + caseId);
            assertThat(filed.status()).isEqualTo(200);
            assertThat(filed.json().get("jurisdiction_profiles").get(0).asText())
                    .isEqualTo("EU_DSA");
            assertThat(filed.json().get("organisation_id").asText()).isEqualTo("public");
            assertThat(filed.json().get("target_urls").get(0).asText()).isEqualTo(target);
        }
    }

    @Test
    void complaintPageIsReadableWithoutAnAccount() {
        try (BrowserContext context = context()) {
            Page page = page(context);
            page.navigate(baseUrl() + "/complaints");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in")))
                    .isVisible();
            screenshot(page, "public-complaint.png");
        }
    }
}
