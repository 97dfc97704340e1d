package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser scenarios: Debian's Chromium through Playwright, one context per role, and a watch on the
 * console: any Content-Security-Policy violation or uncaught script error fails the test, since our pages promise to
 * run under a policy without inline script or style.
 */
abstract class BrowserTest extends StackTest {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    static Browser browser;

    private final List<String> violations = new CopyOnWriteArrayList<>();

    /**
     * One browser per test JVM, closed when the JVM exits: Playwright's driver and Chromium cost seconds of CPU to start,
     * and every class works in browser contexts of its own.
     */
    @BeforeAll
    static synchronized void launch() {
        if (browser != null) {
            return;
        }
        // browser classes run beside the child-JVM starts of the packaged-jar classes on two cores: a page can take
        // longer than Playwright's 5 s default to settle; a condition that never holds still fails, after 15 s
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(System.getProperty("takedown.chromium", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "playwright-close"));
    }

    @BeforeEach
    void clearViolations() {
        violations.clear();
    }

    @AfterEach
    void noPolicyViolations() {
        assertThat(violations)
                .as("Content-Security-Policy violations and script errors")
                .isEmpty();
    }

    /** A fresh browser context (own cookies) in English, in the given time zone. */
    BrowserContext context(String timeZone) {
        return browser.newContext(new Browser.NewContextOptions()
                .setLocale("en-GB")
                .setTimezoneId(timeZone)
                .setViewportSize(1366, 900));
    }

    BrowserContext context() {
        return context("Europe/Berlin");
    }

    /** A page whose console is watched for policy violations. */
    Page page(BrowserContext context) {
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")
                    || message.text().contains("Content-Security-Policy")) {
                violations.add(page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> violations.add(page.url() + ": script error " + error));
        return page;
    }

    Page signIn(BrowserContext context, String user) {
        Page page = page(context);
        page.navigate(baseUrl() + "/login");
        page.locator("[name=username]").fill(user);
        page.locator("[name=password]").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    /**
     * Runs axe-core (from the test classpath, injected into this page only) against the WCAG 2.1 A/AA rules and
     * fails on any "serious" or "critical" violation, naming the rule and the elements.
     */
    static void assertAccessible(Page page) {
        assertAccessible(axe(page).withTags(WCAG_21_AA), page);
    }

    /**
     * As {@link #assertAccessible(Page)}, but only the rules a translation can break: the page's language, its title,
     * and the names and text alternatives of controls, links, images and headings. The layout, colours and ARIA
     * structure of a page are those of its template, the same in every language.
     */
    static void assertTranslationAccessible(Page page) {
        assertAccessible(axe(page).withRules(TRANSLATION_RULES), page);
    }

    /**
     * axe-core as one {@code axe.run} in the page, reporting violations only. The builder's default runs each frame
     * partially and finishes in a new blank page it injects axe into again, which cost three to four times as much per
     * check (measured on the page tour); our pages have no frames, and only violations are asserted.
     */
    private static AxeBuilder axe(Page page) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder(page).options(options).setLegacyMode(true);
    }

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    static final List<String> TRANSLATION_RULES = List.of(
            "html-has-lang",
            "html-lang-valid",
            "valid-lang",
            "document-title",
            "button-name",
            "input-button-name",
            "link-name",
            "label",
            "select-name",
            "image-alt",
            "input-image-alt",
            "svg-img-alt",
            "role-img-alt",
            "aria-command-name",
            "aria-input-field-name",
            "aria-toggle-field-name",
            "aria-progressbar-name",
            "aria-dialog-name",
            "frame-title",
            "empty-heading",
            "empty-table-header");

    private static void assertAccessible(AxeBuilder rules, Page page) {
        AxeResults results = rules.analyze();
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .limit(5)
                                .toList())
                .toList();
        assertThat(serious)
                .as("axe-core serious or critical violations on " + page.url())
                .isEmpty();
    }

    /** The message shown under an input (the inline problem), located by the input's name. */
    static com.microsoft.playwright.Locator problemAt(Page page, String inputName) {
        return page.locator("[name='" + inputName + "']")
                .locator("xpath=ancestor::*[contains(@class,'field')][1]//*[contains(@class,'field-problem')]");
    }
}
