package dev.takedown.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The moderator console: queue counts, filters, keyboard shortcuts (help, j/k, c, r, a), blurred evidence, reason
 * templates and claim next. The notices target listings, a target type no other test files, so the filters single
 * them out of the shared queues.
 */
class ModeratorBrowserIT extends BrowserTest {

    private static final String IMAGE = "data:image/svg+xml;base64,"
            + Base64.getEncoder()
                    .encodeToString(
                            ("<svg xmlns='http://www.w3.org/2000/svg' width='320' height='180'><rect width='320' height='180' "
                                            + "fill='#c62828'/><circle cx='160' cy='90' r='55' fill='#e0e0e0'/><text x='160' y='100' "
                                            + "font-size='30' font-family='sans-serif' text-anchor='middle'>TIGA</text></svg>")
                                    .getBytes(StandardCharsets.UTF_8));

    @Test
    void moderatorFiltersUsesShortcutsAndClaimsNext() {
        String euTarget = "https://gen.example/listings/" + UUID.randomUUID();
        String usTarget = "https://gen.example/listings/" + UUID.randomUUID();
        String euCase = file("EU_DSA", euTarget);
        String usCase = file("US_DMCA", usTarget);
        Api moderatorApi = Api.as(baseUrl(), "moderator");
        NoticeLifecycleIT.awaitTask(moderatorApi, euCase);
        NoticeLifecycleIT.awaitTask(moderatorApi, usCase);

        try (BrowserContext context = context("Asia/Shanghai")) {
            Page page = signIn(context, "moderator");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Task list")))
                    .isVisible();
            assertThat(page.locator("#queues .tile[data-queue=MODERATOR] .count"))
                    .isVisible();
            assertThat(page.locator("footer")).containsText("Asia/Shanghai");

            // filters: EU notices on listings
            page.locator("#filter-profile").selectOption("EU_DSA");
            page.locator("#filter-target").selectOption("LISTING");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply"))
                    .click();
            assertThat(page.locator("tr.task-row[data-case='" + euCase + "']")).isVisible();
            assertThat(page.locator("tr.task-row[data-case='" + usCase + "']")).hasCount(0);
            java.util.List<?> profiles = (java.util.List<?>)
                    page.locator("tr.task-row").evaluateAll("rows => rows.map(r => r.dataset.profile)");
            assertThat(profiles).isNotEmpty().allMatch("EU_DSA"::equals);
            screenshot(page, "moderator-filtered.png");

            // keyboard: help, select with j, claim with c
            page.keyboard().press("?");
            assertThat(page.locator("dialog#shortcuts")).isVisible();
            screenshot(page, "moderator-shortcuts.png");
            page.keyboard().press("Escape");
            assertThat(page.locator("dialog#shortcuts")).isHidden();
            // other tests' tasks may share the queue: move down with j until this test's case is selected; shortcuts
            // are ignored while a button or field has the focus, as after the help dialog closes
            page.evaluate("document.activeElement && document.activeElement.blur()");
            int rows = page.locator("tr.task-row").count();
            for (int i = 0; i < rows && !euCase.equals(selectedCase(page)); i++) {
                page.keyboard().press("j");
            }
            assertThat(page.locator("tr.task-row.selected")).hasAttribute("data-case", euCase);
            page.keyboard().press("c");
            page.waitForURL(url -> url.matches(".*/tasks/[^/?]+$"));
            assertThat(page.locator("dl.facts")).containsText(euTarget);

            // the evidence image stays blurred until clicked
            var image = page.locator("button.evidence-image");
            assertThat(image).hasClass(java.util.regex.Pattern.compile("blurred"));
            screenshot(page, "moderator-review-blurred.png");
            image.click();
            assertThat(image).not().hasClass(java.util.regex.Pattern.compile("blurred"));

            // r without reasons: the problem appears at the reasons box; a template fills it
            page.evaluate("document.activeElement && document.activeElement.blur()");
            page.keyboard().press("r");
            assertThat(problemAt(page, "reason")).isVisible();
            page.locator("select.reason-template").selectOption("insufficient");
            assertThat(page.locator("#reason")).hasValue("The notice does not substantiate the claimed infringement.");
            screenshot(page, "moderator-review.png");
            page.evaluate("document.activeElement && document.activeElement.blur()");
            page.keyboard().press("r");
            assertThat(page.locator(".notice-ok")).containsText("Decision recorded");

            // claim next, within the US/listing filter
            page.navigate(baseUrl() + "/tasks?profile=US_DMCA&target=LISTING");
            assertThat(page.locator("tr.task-row[data-case='" + usCase + "']")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim next"))
                    .click();
            page.waitForURL(url -> url.matches(".*/tasks/[^/?]+$"));
            assertThat(page.locator("dl.facts")).containsText(usTarget);
            page.locator("input[name=measures][value=DISABLE_ACCESS]").check();
            page.locator("select.reason-template").selectOption("copy");
            page.evaluate("document.activeElement && document.activeElement.blur()");
            page.keyboard().press("a");
            assertThat(page.locator(".notice-ok")).containsText("Decision recorded");
            screenshot(page, "moderator-after-decisions.png");
        }
        Cases cases = new Cases(baseUrl(), null, null);
        assertThat(cases.history("rightsholder-b", euCase)).contains("DECIDED_NO_ACTION");
        assertThat(cases.history("rightsholder-b", usCase)).contains("DECIDED_ACTION");
    }

    @Test
    void moderatorEscalatesAReviewWithTheKeyboardAndTheSeniorModeratorSeesIt() {
        String target = "https://gen.example/listings/" + UUID.randomUUID();
        String caseId = file("US_DMCA", target);
        String taskId = NoticeLifecycleIT.awaitTask(Api.as(baseUrl(), "moderator"), caseId);

        try (BrowserContext context = context()) {
            Page page = signIn(context, "moderator");
            page.navigate(baseUrl() + "/tasks/" + taskId);
            assertThat(page.locator("form.escalate")).isVisible();

            // e without a reason: the problem appears at the reason box, the task stays
            page.evaluate("document.activeElement && document.activeElement.blur()");
            page.keyboard().press("e");
            assertThat(page.locator("#escalation-problem")).containsText("Say why");
            assertThat(page.locator("#escalation-reason")).hasAttribute("aria-invalid", "true");

            page.locator("#escalation-reason").fill("The listing may be licensed; needs a senior view.");
            page.evaluate("document.activeElement && document.activeElement.blur()");
            page.keyboard().press("e");
            assertThat(page.locator(".notice-ok")).containsText("Escalated to the senior moderators");
            assertThat(page.locator("tr.task-row[data-case='" + caseId + "']")).hasCount(0);
        }
        try (BrowserContext context = context()) {
            Page page = signIn(context, "senior");
            page.navigate(baseUrl() + "/tasks");
            Locator row = page.locator("tr.task-row[data-case='" + caseId + "']");
            assertThat(row).isVisible();
            assertThat(row).containsText("Senior");
            assertThat(page.locator("#queues .tile[data-queue=SENIOR_MODERATOR] .count"))
                    .isVisible();
        }
        assertThat(new Cases(baseUrl(), null, null).history("rightsholder-b", caseId))
                .contains("ESCALATED");
    }

    /**
     * Evidence URLs are whatever the notifier typed. A path on this origin shown as an image would be fetched by the
     * moderator's browser with the moderator's session the moment the review screen opens; only {@code data:} images
     * are shown, and the page policy allows no other image source.
     */
    @Test
    void evidenceUrlsOnThisOriginAreNeverFetchedByTheReviewScreen() {
        String probe = UUID.randomUUID().toString();
        List<String> typed = List.of(
                "/api/notices?probe=" + probe,
                "/logout?probe=" + probe,
                "/notices/" + probe + "/evidence/x.png",
                "//" + baseUrl().replaceFirst("^https?://", "") + "/tasks?probe=" + probe,
                baseUrl() + "/tasks?probe=" + probe + "&absolute",
                "https://images.example/" + probe + ".png");
        String caseId = file("EU_DSA", "https://gen.example/listings/" + UUID.randomUUID(), typed);
        Api moderatorApi = Api.as(baseUrl(), "moderator");
        String taskId = NoticeLifecycleIT.awaitTask(moderatorApi, caseId);
        // claimed, so that "claim next" in the other tests of the shared queue never picks it
        assertThat(moderatorApi.post("/api/tasks/" + taskId + "/claim", "").status())
                .isBetween(200, 299);

        try (BrowserContext context = context()) {
            List<String> requested = new CopyOnWriteArrayList<>();
            context.onRequest(request -> requested.add(request.url()));
            Page page = signIn(context, "moderator");
            var response = page.navigate(baseUrl() + "/tasks/" + taskId);
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);

            assertThat(page.locator("#pane-evidence")).containsText("/logout?probe=" + probe);
            assertThat(requested.stream().filter(url -> url.contains(probe)).collect(Collectors.toList()))
                    .as("requests the review screen made by itself for typed evidence URLs")
                    .isEmpty();
            assertThat(page.locator("#pane-evidence img").count())
                    .as("no image element for a URL that is not data:")
                    .isZero();
            assertThat(page.locator("button.evidence-image").count()).isZero();
            // the absolute ones remain links a moderator may choose to open
            assertThat(page.locator("#pane-evidence a[href='https://images.example/" + probe + ".png']"))
                    .hasAttribute("rel", "noopener noreferrer nofollow");
            assertThat(response.headers().get("content-security-policy"))
                    .contains("img-src data:;")
                    .doesNotContain("img-src 'self'");
        }
    }

    private String file(String profile, String target) {
        return file(profile, target, List.of(IMAGE));
    }

    private String file(String profile, String target, List<String> evidenceUrls) {
        String evidence = evidenceUrls.stream()
                .map(url -> "{\"kind\": \"SCREENSHOT\", \"url\": \"" + url
                        + "\", \"description\": \"output of the model\"}")
                .collect(Collectors.joining(", ", "[", "]"));
        String notice = """
                {"jurisdiction_profiles": ["%s"],
                 "notifier": {"type": "RIGHTS_HOLDER", "legal_name": "Studio B", "email": "legal@b.test",
                              "identity_document": {"type": "USCC", "number": "9132"}},
                 "signature": {"type": "electronic", "value": "/s/ Studio B"},
                 "works": [{"title": "Ultraman Tiga"}],
                 "targets": [{"type": "LISTING", "url": "%s", "account_id": "acct-%s"}],
                 "evidence": %s,
                 "explanation": "The model generates the protected character on ordinary prompts.",
                 "attestations": {"truthfulness_responsibility": true, "good_faith": true,
                                  "accuracy_authority_perjury": true, "bona_fide_accurate_complete": true}}
                """.formatted(profile, target, UUID.randomUUID(), evidence);
        Api.Response filed = Api.as(baseUrl(), "rightsholder-b").post("/api/notices", notice);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("case_id").asText();
    }

    private static String selectedCase(Page page) {
        var selected = page.locator("tr.task-row.selected");
        return selected.count() == 0 ? null : selected.first().getAttribute("data-case");
    }
}
