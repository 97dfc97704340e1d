package dev.takedown.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The uploader, without an account, opens the signed link of a forwarded notice, reads the statement of reasons and
 * answers: a counter-notice under Chinese law (an incomplete one first, answered at its fields), and an internal
 * complaint under the DSA.
 */
class UploaderBrowserIT extends BrowserTest {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Test
    void uploaderAnswersAForwardedNoticeWithACounterNotice() {
        Cases cases = new Cases(baseUrl(), management, runtime);
        String caseId = cases.fileAndAccept(
                "rightsholder-a", Cases.notice("CN_CC_1195", "acct-" + UUID.randomUUID()), "[\"DELETE\"]");
        String token = cases.uploaderToken(caseId);

        try (BrowserContext context = context("Asia/Shanghai")) {
            Page page = page(context);
            page.navigate(baseUrl() + "/u/" + token);
            assertThat(page.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("A notice about your content")))
                    .isVisible();
            // a Chinese profile: the statement of reasons is in Chinese, the page in the reader's language
            assertThat(page.locator("#statement")).containsText("(a) 措施");
            assertThat(page.locator("#forwarded")).containsText("Ultraman Tiga");
            // the notifier stays anonymous to the uploader
            assertThat(page.locator("main")).not().containsText("legal@a.test");
            assertThat(page.locator("[name=priorLocation]"))
                    .hasValue(java.util.regex.Pattern.compile("^https://gen.example/p/"));

            page.locator("[name=identityType]").fill("RESIDENT_ID");
            page.locator("[name=identityNumber]").fill("110101199001011234");
            page.locator("[name=phone]").fill("+86 10 1234 5678");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send counter-notice"))
                    .click();

            assertThat(problemAt(page, "legalName")).containsText("real name");
            assertThat(problemAt(page, "evidenceDescription")).containsText("evidence");
            assertThat(problemAt(page, "truthfulnessResponsibility")).isVisible();
            assertThat(page.locator("[name=identityNumber]")).hasValue("110101199001011234");
            assertThat(page.locator("[name=legalName]")).hasAttribute("aria-invalid", "true");
            screenshot(page, "uploader-counter-notice-problems.png");

            page.locator("[name=legalName]").fill("Li Lei");
            page.locator("[name=evidenceDescription]").fill("My own prompts and seeds, created on 3 May.");
            page.locator("[name=truthfulnessResponsibility]").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send counter-notice"))
                    .click();
            assertThat(page.locator("#counter-filed")).containsText("counter-notice was received");
            screenshot(page, "uploader-counter-notice-filed.png");
        }
        cases.awaitStatus("rightsholder-a", caseId, "COUNTER_NOTICE_FORWARDED");
    }

    @Test
    void uploaderFilesAComplaintUnderTheDsa() {
        Cases cases = new Cases(baseUrl(), management, runtime);
        String caseId = cases.fileAndAccept(
                "rightsholder-a", Cases.notice("EU_DSA", "acct-" + UUID.randomUUID()), "[\"DISABLE_ACCESS\"]");
        String token = cases.uploaderToken(caseId);
        try (BrowserContext context = context()) {
            Page page = page(context);
            page.navigate(baseUrl() + "/u/" + token);
            // the DSA has no counter-notice: only the complaint
            assertThat(page.locator("#counter-notice")).hasCount(0);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File complaint"))
                    .click();
            assertThat(problemAt(page, "grounds")).containsText("grounds");
            page.locator("[name=grounds]").selectOption("NOT_ILLEGAL");
            page.locator("[name=explanation]").fill("This is my own drawing; the character only looks similar.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File complaint"))
                    .click();
            assertThat(page.locator("#appeal-filed")).containsText("complaint was received");
            screenshot(page, "uploader-complaint-filed.png");
        }
    }

    @Test
    void aBadLinkIsAReadableNotFoundPage() {
        try (BrowserContext context = context()) {
            Page page = page(context);
            var response = page.navigate(baseUrl() + "/u/not-a-real-token");
            assertThat(response.status()).isEqualTo(404);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link does not work")))
                    .isVisible();
            screenshot(page, "uploader-bad-link.png");
        }
    }
}
