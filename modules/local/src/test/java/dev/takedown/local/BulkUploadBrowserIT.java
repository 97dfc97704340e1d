package dev.takedown.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.takedown.testing.NoticeJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bulk target upload page (issue 6): a list with 5 % of its rows malformed goes up by XHR with an upload progress
 * bar, htmx polls the processing progress to 100 %, and the report names every malformed row (page and CSV download,
 * formula-injection safe). Without script the same form posts and the report follows. The default run uploads 10,000
 * rows, more than the report shows; {@code -Plong} uploads 100,000 ({@code -Dbulk.rows}). {@link BulkTargetsIT}
 * stores 100,000 over HTTP in every run.
 */
class BulkUploadBrowserIT extends BrowserTest {

    private static final int ROWS = Integer.getInteger("bulk.rows", 10_000);

    @Test
    void rightsHolderUploadsABulkListAndSeesTheErrorReport() throws IOException {
        String caseId = new Cases(baseUrl(), null, null)
                .file(
                        "rightsholder-a",
                        NoticeJson.complete("CN_CC_1195")
                                .account("acct-bulk-" + UUID.randomUUID())
                                .json());
        Path csv = Files.createTempFile("bulk-", ".csv");
        int malformed = write(csv, ROWS, UUID.randomUUID().toString());
        assertThat(malformed).isEqualTo(ROWS / 20);

        try (BrowserContext context = context()) {
            Page page = signIn(context, "rightsholder-a");
            page.navigate(baseUrl() + "/notices/" + caseId);
            page.locator("#bulk-link").click();
            assertThat(page.locator("h1")).containsText("Add target URLs in bulk");

            // no file: the problem is shown at the field
            page.locator("#bulk-form button[type=submit]").click();
            assertThat(page.locator("#bulk-problem")).containsText("Choose a CSV or TSV file");

            page.locator("#bulk-file").setInputFiles(csv);
            long started = System.nanoTime();
            page.locator("#bulk-form button[type=submit]").click();
            assertThat(page.locator("#upload-progress")).hasAttribute("value", "100");
            Set<String> seen = new LinkedHashSet<>();
            while (page.locator("#bulk-progress[data-state=DONE], #bulk-progress[data-state=FAILED]")
                                    .count()
                            == 0
                    && System.nanoTime() - started < 180_000_000_000L) {
                var percent = page.locator("#processing-percent");
                if (percent.count() > 0) {
                    seen.add(percent.first().textContent());
                }
                page.waitForTimeout(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "[bulk-upload] %,d rows (%d bytes) uploaded and processed in %.1f s; progress seen: %s%n",
                    ROWS, Files.size(csv), seconds, seen);
            assertThat(page.locator("#bulk-progress"))
                    .hasAttribute("data-state", "DONE", new LocatorAssertions.HasAttributeOptions().setTimeout(1000));
            assertThat(page.locator("#processing-progress")).hasAttribute("value", "100");
            assertThat(page.locator("#processing-percent")).hasText("100 %");
            assertThat(page.locator("#bulk-malformed")).hasText(String.valueOf(malformed));
            assertThat(page.locator("#bulk-accepted")).hasText(String.valueOf(ROWS - malformed));
            assertThat(page.locator("#bulk-errors tbody tr")).hasCount(200);
            assertThat(page.locator("#bulk-errors tbody tr").first()).containsText("9");
            assertAccessible(page);
            screenshot(page, "bulk-upload-report.png");

            Download download = page.waitForDownload(
                    () -> page.locator("#bulk-errors-download").click());
            List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
            assertThat(lines).hasSize(malformed + 1);
            assertThat(lines.get(0)).isEqualTo("\uFEFFrow,value,reason");
            assertThat(lines.get(1)).startsWith("9,'=SUM(1+1)*7,");
            assertThat(lines.get(2)).startsWith("29,not a url 27,");
            assertThat(lines).noneMatch(line -> line.matches("^\\d+,[=+\\-@].*"));
        } finally {
            Files.deleteIfExists(csv);
        }
        assertThat(Api.as(baseUrl(), "rightsholder-a")
                        .get("/api/notices/" + caseId)
                        .json()
                        .get("history")
                        .toString())
                .contains((ROWS - malformed) + " target URLs added in bulk");
    }

    @Test
    void withoutScriptThePlainFormPostShowsTheReport() throws IOException {
        String caseId = new Cases(baseUrl(), null, null)
                .file(
                        "rightsholder-a",
                        NoticeJson.complete("CN_CC_1195")
                                .account("acct-bulk-" + UUID.randomUUID())
                                .json());
        Path tsv = Files.createTempFile("bulk-", ".tsv");
        Files.writeString(
                tsv,
                "url\taccount_id\nhttps://gen.example/nojs/" + UUID.randomUUID() + "\tacct-1\n" + "@not-a-url\n",
                StandardCharsets.UTF_8);
        try (BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setLocale("en-GB").setJavaScriptEnabled(false))) {
            Page page = signIn(context, "rightsholder-a");
            page.navigate(baseUrl() + "/notices/" + caseId + "/targets");
            page.locator("#bulk-file").setInputFiles(tsv);
            page.locator("#bulk-form button[type=submit]").click();
            page.waitForURL(url -> url.matches(".*/targets/[0-9a-f-]{36}$"));
            assertThat(page.locator("#bulk-progress")).hasAttribute("data-state", "DONE");
            assertThat(page.locator("#bulk-accepted")).hasText("1");
            assertThat(page.locator("#bulk-malformed")).hasText("1");
            assertThat(page.locator("#bulk-errors tbody tr")).containsText("@not-a-url");
        } finally {
            Files.deleteIfExists(tsv);
        }
    }

    @Test
    void aFileOverTheUploadLimitIsAnsweredAtTheFieldWithAndWithoutScript() throws IOException {
        String caseId = new Cases(baseUrl(), null, null)
                .file(
                        "rightsholder-a",
                        NoticeJson.complete("CN_CC_1195")
                                .account("acct-bulk-" + UUID.randomUUID())
                                .json());
        Path big = Files.createTempFile("bulk-big-", ".csv");
        try {
            // over spring.servlet.multipart.max-file-size (20 MB)
            byte[] line = ("https://gen.example/big/" + "x".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8);
            try (var out = Files.newOutputStream(big)) {
                for (long written = 0; written < 21L * 1024 * 1024; written += line.length) {
                    out.write(line);
                }
            }
            for (boolean script : List.of(false, true)) {
                try (BrowserContext context = browser.newContext(
                        new Browser.NewContextOptions().setLocale("en-GB").setJavaScriptEnabled(script))) {
                    Page page = signIn(context, "rightsholder-a");
                    page.navigate(baseUrl() + "/notices/" + caseId + "/targets");
                    page.locator("#bulk-file").setInputFiles(big);
                    page.locator("#bulk-form button[type=submit]").click();
                    assertThat(page.locator(script ? "#bulk-result" : "#bulk-problem"))
                            .containsText("The file is too large");
                }
            }
        } finally {
            Files.deleteIfExists(big);
        }
    }

    /**
     * Header, then row i (0-based) malformed when i % 20 == 7 (a formula when i % 40 == 7, else not a URL), otherwise
     * a new URL. Returns the number of malformed rows.
     */
    static int write(Path file, int rows, String run) throws IOException {
        int malformed = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("url,account_id\n");
            for (int i = 0; i < rows; i++) {
                if (i % 20 == 7) {
                    out.write(i % 40 == 7 ? "=SUM(1+1)*" + i + "\n" : "not a url " + i + "\n");
                    malformed++;
                } else {
                    out.write("https://gen.example/bulk/" + run + "/item-" + i + ",acct-" + (i % 97) + "\n");
                }
            }
        }
        return malformed;
    }
}
