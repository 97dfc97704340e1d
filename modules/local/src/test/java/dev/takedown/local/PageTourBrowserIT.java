package dev.takedown.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.takedown.testing.NoticeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every main page of every role, in English and Chinese, checked with axe-core: no "serious" or "critical" WCAG 2.1
 * A/AA violation on the English pages, none of the rules a translation can break (language, title, names and text
 * alternatives) on the Chinese ones, whose layout, colours and ARIA structure are the same templates'. A full axe run
 * costs seconds of browser CPU per page; the Chinese pass runs a fifth of the rules, by default on the first page of
 * every role (the shared layout and navigation in Chinese), under {@code -Plong} ({@code -Dtour.full=true}) on every
 * page. The English pages are
 * photographed at 1280×800. The pictures go to {@code target/screenshots/tour}; with
 * {@code -Dscreenshots=docs/screenshots} (relative to the repository root) they replace the ones the README shows.
 */
class PageTourBrowserIT extends BrowserTest {

    private static final boolean FULL = Boolean.getBoolean("tour.full");

    /** The pages (one per role and browser context) the sampled Chinese pass has checked. */
    private final Set<Page> sampled = new HashSet<>();

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Test
    void everyMainPageOfEveryRoleIsAccessibleAndPhotographed() throws IOException {
        Path shots = screenshotFolder();
        Cases cases = new Cases(baseUrl(), management, runtime);
        String decided = cases.fileAndAccept(
                "rightsholder-a",
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-tour-" + UUID.randomUUID())
                        .json(),
                "[\"DELETE\"]");
        String token = cases.uploaderToken(decided);
        String inReview = cases.file(
                "rightsholder-a",
                NoticeJson.complete("EU_DSA")
                        .account("acct-tour-" + UUID.randomUUID())
                        .json());
        String taskId = NoticeLifecycleIT.awaitTask(Api.as(baseUrl(), "moderator"), inReview);
        List<String> visited = new ArrayList<>();

        for (String language : List.of("en-GB", "zh-CN")) {
            boolean english = language.startsWith("en");
            try (BrowserContext context = tourContext(language)) {
                Page page = page(context);
                visit(
                        page,
                        english,
                        "/complaints",
                        english ? shots.resolve("01-public-complaint-channel.png") : null,
                        visited);
                visit(page, english, "/login", null, visited);
                visit(page, english, "/u/" + token, english ? shots.resolve("09-uploader-page.png") : null, visited);
            }
            try (BrowserContext context = tourContext(language)) {
                Page page = login(context, "rightsholder-a");
                visit(
                        page,
                        english,
                        "/notices",
                        english ? shots.resolve("02-rights-holder-dashboard.png") : null,
                        visited);
                visit(page, english, "/notices/new", english ? shots.resolve("03-notice-wizard.png") : null, visited);
                visit(
                        page,
                        english,
                        "/notices/" + decided,
                        english ? shots.resolve("05-case-page.png") : null,
                        visited);
                visit(page, english, "/works", english ? shots.resolve("06-protected-works.png") : null, visited);
                visit(page, english, "/works/new", null, visited);
                visit(page, english, "/notices/" + inReview + "/targets", null, visited);
                bulkUploadWithErrors(
                        page, english, inReview, english ? shots.resolve("04-bulk-upload-report.png") : null, visited);
            }
            try (BrowserContext context = tourContext(language)) {
                Page page = login(context, "moderator");
                visit(page, english, "/tasks", english ? shots.resolve("07-moderator-queue.png") : null, visited);
                visit(
                        page,
                        english,
                        "/tasks/" + taskId,
                        english ? shots.resolve("08-review-screen.png") : null,
                        visited);
            }
            try (BrowserContext context = tourContext(language)) {
                Page page = login(context, "senior");
                visit(page, english, "/tasks", null, visited);
            }
            try (BrowserContext context = tourContext(language)) {
                Page page = login(context, "compliance");
                visit(
                        page,
                        english,
                        "/audit?notifier=Studio",
                        english ? shots.resolve("10-compliance-search.png") : null,
                        visited);
                visit(page, english, "/audit/sla", english ? shots.resolve("11-compliance-sla.png") : null, visited);
                visit(page, english, "/audit/cases/" + decided, null, visited);
                visit(page, english, "/audit/reports/transparency", null, visited);
            }
            // administrators land in Camunda's Cockpit (not ours) and also audit; the platform role has no pages
            try (BrowserContext context = tourContext(language)) {
                Page page = login(context, "admin");
                visit(page, english, "/audit", null, visited);
            }
        }
        System.out.println("[page-tour] checked with axe-core: " + visited.size() + " pages; screenshots in "
                + shots.toAbsolutePath());
        // 18 English pages; in Chinese the same or the first page of each of the six roles' contexts
        assertThat(visited).hasSize(18 + (FULL ? 18 : 6));
    }

    /** The check can fail: a page with an unlabelled field and an image without text is refused. */
    @Test
    void theAccessibilityCheckRefusesAnInaccessiblePage() {
        try (BrowserContext context = tourContext("en-GB")) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html><head><title>t</title></head><body><main><img src='data:,'>"
                    + "<input type='text'></main></body></html>");
            assertThatThrownBy(() -> assertAccessible(page))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("image-alt")
                    .hasMessageContaining("html-has-lang");
        }
    }

    /** As {@link #signIn} in any language: the login form's only button. */
    private Page login(BrowserContext context, String user) {
        Page page = page(context);
        page.navigate(baseUrl() + "/login");
        page.locator("[name=username]").fill(user);
        page.locator("[name=password]").fill("demo");
        page.locator("main form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    private void bulkUploadWithErrors(Page page, boolean english, String caseId, Path shot, List<String> visited)
            throws IOException {
        if (skipped(page, english)) {
            return;
        }
        Path folder = Files.createTempDirectory("tour-");
        Path csv = folder.resolve("targets.csv");
        try {
            BulkUploadBrowserIT.write(csv, 400, UUID.randomUUID().toString());
            page.navigate(baseUrl() + "/notices/" + caseId + "/targets");
            page.locator("#bulk-file").setInputFiles(csv);
            page.locator("#bulk-form button[type=submit]").click();
            assertThat(page.locator("#bulk-progress")).hasAttribute("data-state", "DONE");
            assertThat(page.locator("#bulk-malformed")).hasText("20");
            check(page, english, shot, visited);
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(folder);
        }
    }

    private void visit(Page page, boolean english, String path, Path shot, List<String> visited) {
        if (skipped(page, english)) {
            return;
        }
        page.navigate(baseUrl() + path);
        assertThat(page.locator("main")).isVisible();
        check(page, english, shot, visited);
    }

    /** Whether the sampled Chinese pass has already checked a page of this role. */
    private boolean skipped(Page page, boolean english) {
        return !english && !FULL && !sampled.add(page);
    }

    private static void check(Page page, boolean english, Path shot, List<String> visited) {
        if (english) {
            assertAccessible(page);
        } else {
            assertTranslationAccessible(page);
        }
        visited.add(page.url());
        if (shot != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(shot));
        }
    }

    private BrowserContext tourContext(String language) {
        return browser.newContext(new Browser.NewContextOptions()
                .setLocale(language)
                .setTimezoneId("Asia/Shanghai")
                .setViewportSize(1280, 800)
                .setExtraHTTPHeaders(java.util.Map.of("Accept-Language", language)));
    }

    /** {@code -Dscreenshots=dir} (relative to the repository root), else target/screenshots/tour. */
    private static Path screenshotFolder() throws IOException {
        String wanted = System.getProperty("screenshots");
        Path folder;
        if (wanted == null || wanted.isBlank()) {
            folder = SCREENSHOTS.resolve("tour");
        } else {
            Path root = Paths.get("").toAbsolutePath();
            while (root != null && !Files.exists(root.resolve("mvnw"))) {
                root = root.getParent();
            }
            folder = (root == null ? Paths.get("") : root).resolve(wanted);
        }
        return Files.createDirectories(folder);
    }
}
