package dev.takedown.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rights holder's portal: the dashboard of cases by status, the notice wizard per law, the protected-works
 * registry (a bad hash answered at its field first), and retracting a case that was acted on.
 */
class RightsHolderBrowserIT extends BrowserTest {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Test
    void rightsHolderRegistersAWork() {
        String title = "Ultraman Tiga " + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext context = context()) {
            Page page = signIn(context, "rightsholder-a");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Protected works"))
                    .click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a work"))
                    .click();
            page.locator("[name=title]").fill(title);
            page.locator("[name=aliases]").fill("迪迦奥特曼\nTiga");
            page.locator("[name=combinations]").fill("red giant, silver, color timer | 2 | 10");
            page.locator("[name=imageHashes]").fill("not-a-hash");
            page.locator("[name=licensees]").fill("acct-licensed-studio");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register work"))
                    .click();

            assertThat(problemAt(page, "imageHashes")).containsText("64 hexadecimal");
            assertThat(page.locator("[name=title]")).hasValue(title);
            screenshot(page, "rights-holder-work-problems.png");

            page.locator("[name=imageHashes]").fill("f".repeat(64));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register work"))
                    .click();
            assertThat(page.locator(".notice-ok")).containsText("Registered");
            Locator row = page.locator("#works tr", new Page.LocatorOptions().setHasText(title));
            assertThat(row).containsText("迪迦奥特曼");
            assertThat(row).containsText("red giant + silver + color timer (2/10)");
            assertThat(row).containsText("acct-licensed-studio");
            screenshot(page, "rights-holder-works.png");
        }
    }

    @Test
    void noticeWizardShowsTheFieldsOfEachLaw() {
        try (BrowserContext context = context()) {
            Page page = signIn(context, "rightsholder-a");
            page.navigate(baseUrl() + "/notices/new");
            assertThat(page.locator("[name=identityNumber]")).isVisible();
            assertThat(page.locator("[name=bonaFideAccurateComplete]")).hasCount(0);
            page.locator("nav.tabs a[data-profile=EU_DSA]").click();
            assertThat(page.locator("[name=identityNumber]")).hasCount(0);
            assertThat(page.locator("[name=bonaFideAccurateComplete]")).isVisible();
            page.locator("[name=targetUrls]").fill("not a url");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File notice"))
                    .click();
            assertThat(problemAt(page, "targetUrls")).containsText("URL");
            assertThat(problemAt(page, "explanation")).isVisible();
            assertThat(problemAt(page, "notifierEmail")).isVisible();
            screenshot(page, "rights-holder-wizard-eu.png");
        }
    }

    @Test
    void rightsHolderSeesTheDashboardAndRetractsACase() {
        Cases cases = new Cases(baseUrl(), management, runtime);
        String caseId = cases.fileAndAccept(
                "rightsholder-a", Cases.notice("CN_CC_1195", "acct-" + UUID.randomUUID()), "[\"DELETE\"]");
        try (BrowserContext context = context()) {
            Page page = signIn(context, "rightsholder-a");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My notices")))
                    .isVisible();
            assertThat(page.locator(".dashboard .tile[data-status=NOTIFIED] .count"))
                    .isVisible();
            page.locator(".dashboard .tile[data-status=NOTIFIED]").click();
            assertThat(page.locator(".filter-note")).containsText("Parties notified");
            screenshot(page, "rights-holder-dashboard.png");

            page.locator("a[href='/notices/" + caseId + "']").click();
            assertThat(page.locator("#case-status")).hasAttribute("data-status", "NOTIFIED");
            assertThat(page.locator("#appeal")).isVisible();
            screenshot(page, "rights-holder-case.png");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retract notice"))
                    .click();
            assertThat(page.locator(".notice-ok")).containsText("retraction was received");
            // the lifecycle lifts the measures, records the retraction, then closes the case
            for (int attempt = 0;
                    attempt < 60 && !page.locator("ol.timeline").textContent().contains("notice retracted");
                    attempt++) {
                page.waitForTimeout(500);
                page.reload();
            }
            assertThat(page.locator("ol.timeline")).containsText("Retracted");
            assertThat(page.locator("ol.timeline")).containsText("notice retracted; measures lifted");
            assertThat(page.locator("#retract")).hasCount(0);
            screenshot(page, "rights-holder-retracted.png");
        }
    }
}
