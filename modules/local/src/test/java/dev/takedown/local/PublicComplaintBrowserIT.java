package dev.takedown.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Anyone, without an account, finds the complaint channel from any page and files an EU notice through it; the notice
 * is processed once the visitor confirms the e-mail address, which is who the visitor is for misuse.
 */
class PublicComplaintBrowserIT extends BrowserTest {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    private Cases cases;

    @BeforeEach
    void setUp() {
        cases = new Cases(baseUrl(), management, runtime);
    }

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

            assertThat(page.locator("#confirm-first")).containsText("7 days");

            var filed = Api.as(baseUrl(), "compliance").get("/api/notices/" + caseId);
            assertThat(filed.status()).isEqualTo(200);
            assertThat(filed.json().get("jurisdiction_profiles").get(0).asText())
                    .isEqualTo("EU_DSA");
            assertThat(filed.json().get("organisation_id").asText()).isEqualTo("public");
            assertThat(filed.json().get("target_urls").get(0).asText()).isEqualTo(target);
            assertThat(filed.json().get("status").asText()).isEqualTo("AWAITING_CONFIRMATION");

            confirm(page, caseId);
            screenshot(page, "public-complaint-confirmed.png");
            assertThat(page.locator("#confirmed-status")).containsText("24 hours");
            cases.awaitStatus("compliance", caseId, "UNDER_REVIEW");
        }
    }

    /**
     * DSA Art. 23 per address: six manifestly unfounded reports from one visitor's address suspend that address
     * (however spelt), while another visitor's report through the same channel is processed.
     */
    @Test
    void sixUnfoundedReportsSuspendTheirAddressAndNoOtherVisitor() {
        String misusing = "misuse-" + UUID.randomUUID() + "@example.org";
        try (BrowserContext context = context()) {
            Page page = page(context);
            for (int round = 0; round < 6; round++) {
                String caseId = confirm(page, report(page, misusing));
                cases.decide(
                        "moderator",
                        caseId,
                        "{\"outcome\":\"REJECT\",\"reason\":\"no such photograph\",\"manifestly_unfounded\":true}");
                cases.awaitStatus("compliance", caseId, "NOTIFIED");
                if (round == 5) {
                    assertThat(cases.notificationKinds(caseId))
                            .anyMatch(k -> k.startsWith("SUSPENSION→notifier:" + misusing));
                    complainAgainstTheSuspension(page, caseId);
                }
            }

            String suspended = confirm(page, report(page, misusing.toUpperCase(java.util.Locale.ROOT)));
            assertThat(page.locator("#confirmed-status")).containsText("recorded but not processed");
            assertThat(Api.as(baseUrl(), "compliance")
                            .get("/api/notices/" + suspended)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("LOGGED_NOT_PROCESSED");

            String processed = confirm(page, report(page, "other-" + UUID.randomUUID() + "@example.org"));
            assertThat(page.locator("#confirmed-status")).containsText("24 hours");
            cases.awaitStatus("compliance", processed, "UNDER_REVIEW");
        }
    }

    /**
     * DSA Art. 20 for a visitor without an account: the letters carry a signed link to the case, and the suspension
     * letter's link opens the complaint against that suspension, which a senior moderator then reviews.
     */
    private void complainAgainstTheSuspension(Page page, String caseId) {
        String decisionLink = opens(caseId, "DECISION");
        assertThat(decisionLink).as("no login page for a visitor").contains("/n/");
        page.navigate(baseUrl() + decisionLink.substring(decisionLink.indexOf("/n/")));
        assertThat(page.locator("#report")).containsText(caseId);

        String suspensionLink = opens(caseId, "SUSPENSION");
        assertThat(suspensionLink).contains("/n/").contains("?decision=");
        page.navigate(baseUrl() + suspensionLink.substring(suspensionLink.indexOf("/n/")));
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Complain about your suspension")))
                .isVisible();
        page.locator("#appeal-grounds").selectOption("DISPROPORTIONATE");
        page.locator("#appeal-explanation").fill("One photograph was mine; the others were honest mistakes.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File complaint"))
                .click();
        assertThat(page.locator("#appeal-filed")).isVisible();
        NoticeLifecycleIT.awaitTask(Api.as(baseUrl(), "senior"), caseId);

        page.navigate(baseUrl() + "/n/" + "0".repeat(36) + ".1.forged");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link does not work")))
                .isVisible();
    }

    /** The link the case's last letter of this kind to the notifier carries. */
    private String opens(String caseId, String kind) {
        String link = null;
        for (var n : Api.as(baseUrl(), "compliance")
                .get("/api/notices/" + caseId + "/notifications")
                .json()) {
            if (n.get("kind").asText().equals(kind)
                    && n.get("recipient_role").asText().equals("NOTIFIER")) {
                link = n.get("opens").asText();
            }
        }
        assertThat(link).as(kind + " letter of " + caseId).isNotNull();
        return link;
    }

    /** Files a complete report through the page as the visitor who reads {@code email}; returns its reference. */
    private String report(Page page, String email) {
        page.navigate(baseUrl() + "/complaints");
        page.locator("[name=targetUrls]").fill("https://gen.example/public/" + UUID.randomUUID());
        page.locator("[name=notifierName]").fill("A visitor");
        page.locator("[name=notifierEmail]").fill(email);
        page.locator("[name=explanation]").fill("The picture is a copy of my photograph, posted without my consent.");
        page.locator("[name=bonaFideAccurateComplete]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report"))
                .click();
        return page.locator("#reference").textContent().strip();
    }

    /** Opens the link the report's confirmation message carries and confirms; returns the case. */
    private String confirm(Page page, String caseId) {
        String link = null;
        for (var n : Api.as(baseUrl(), "compliance")
                .get("/api/notices/" + caseId + "/notifications")
                .json()) {
            if (n.get("kind").asText().equals("CONFIRMATION")) {
                link = n.get("opens").asText();
            }
        }
        assertThat(link).as("a confirmation link for " + caseId).isNotNull();
        page.navigate(baseUrl() + link.substring(link.indexOf("/complaints/confirm/")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and process my report"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Address confirmed")))
                .isVisible();
        return caseId;
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
