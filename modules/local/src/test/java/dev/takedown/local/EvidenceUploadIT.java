package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.takedown.testing.NoticeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Evidence files through the whole system (issue 7 item 4, issue 6): the server's upload limit answered as a problem
 * naming the field, staff downloads on the audit ledger (the notices module's side of the {@code EvidenceCases}
 * port), the proof-of-proceedings form and the files on the case page and the review screen. Storage, type detection,
 * ZIP checks, the module's limits, download headers and tenancy through the port are {@code EvidenceApiTest}'s in
 * modules/evidence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceUploadIT extends StackTest {

    static final byte[] PNG = HexFormat.of()
            .parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4"
                    + "890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");
    static final long MAX_FILE = 20L * 1024 * 1024;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ManagementService management;

    @Autowired
    private RuntimeService runtime;

    private Cases cases;
    private Api holderA;

    @BeforeAll
    void setUp() {
        cases = new Cases(baseUrl(), management, runtime);
        holderA = Api.as(baseUrl(), "rightsholder-a");
    }

    private String openCase() {
        return cases.file(
                "rightsholder-a",
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-evidence-" + UUID.randomUUID())
                        .json());
    }

    private static String evidence(String caseId) {
        return "/api/cases/" + caseId + "/evidence";
    }

    /** A PNG unlike any other (random bytes after IEND), so that each test knows which stored file is its own. */
    private static byte[] uniquePng() {
        byte[] tail = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] png = new byte[PNG.length + tail.length];
        System.arraycopy(PNG, 0, png, 0, PNG.length);
        System.arraycopy(tail, 0, png, PNG.length, tail.length);
        return png;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Over spring.servlet.multipart.max-file-size: refused by the server before the module sees a byte. */
    @Test
    void anOversizeFileIsRefusedWholeAtTheServersLimit() {
        String caseId = openCase();
        long before = storedFiles();
        byte[] oversize = new byte[(int) MAX_FILE + 1];
        Api.Response tooLarge = holderA.postMultipart(
                evidence(caseId),
                List.of(
                        new Api.Part("file", "ok.txt", text("fine " + UUID.randomUUID())),
                        new Api.Part("file", "huge.txt", oversize)));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(holderA.get(evidence(caseId)).json())
                .as("nothing half-stored")
                .isEmpty();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void staffDownloadsAreOnTheAccessLog() {
        String caseId = openCase();
        String sha = holderA.postMultipart(evidence(caseId), List.of(new Api.Part("file", "a.png", uniquePng())))
                .json()
                .get(0)
                .get("sha256")
                .asText();
        // the ledger of this case has no access records yet: nobody of the staff has read it
        await().atMost(Cases.PATIENCE).until(() -> !ledger(caseId).isEmpty());
        long before = viewsBy("moderator", caseId);
        assertThat(download("rightsholder-a", evidence(caseId) + "/" + sha).statusCode())
                .isEqualTo(200);
        assertThat(download("moderator", evidence(caseId) + "/" + sha).statusCode())
                .isEqualTo(200);
        await().atMost(Cases.PATIENCE).until(() -> viewsBy("moderator", caseId) == before + 1);
        assertThat(viewsBy("rightsholder-a", caseId))
                .as("the notifier's own reads are not access-logged")
                .isZero();
    }

    @Test
    void theCasePageListsFilesAndTheProofFormTakesThem() {
        String caseId = cases.fileAndAccept(
                "rightsholder-a",
                NoticeJson.complete("CN_CC_1195")
                        .account("acct-evidence-" + UUID.randomUUID())
                        .json(),
                "[\"DELETE\"]");
        String token = cases.counterNoticeToken(caseId);
        assertThat(Api.anonymous(baseUrl())
                        .post("/api/uploader/" + token + "/counter-notice", Cases.counterNoticeCn())
                        .status())
                .isEqualTo(202);
        cases.awaitStatus("rightsholder-a", caseId, "COUNTER_NOTICE_FORWARDED");

        PageSession holder = PageSession.login(baseUrl(), "rightsholder-a");
        assertThat(holder.get("/notices/" + caseId).body())
                .contains("enctype=\"multipart/form-data\"", "name=\"file\"", "data-max-bytes=\"" + MAX_FILE + "\"");
        // a refused file: inline message at the file field, no proof filed
        PageSession.Response refused = holder.postMultipart(
                "/notices/" + caseId + "/legal-action-proof?_csrf=" + holder.csrfToken(),
                List.of(
                        new Api.Part("kind", null, text("LAWSUIT")),
                        new Api.Part("reference", null, text("(2026) 京01民初1号")),
                        new Api.Part("file", "page.html", text("<html><script>alert(1)</script></html>"))));
        assertThat(refused.status()).isEqualTo(302);
        String withProblem = holder.get("/notices/" + caseId).body();
        assertThat(withProblem).contains("This kind of file is not accepted");
        assertThat(cases.history("rightsholder-a", caseId)).doesNotContain("MAINTAINED_PENDING_PROCEEDINGS");

        byte[] png = uniquePng();
        PageSession.Response filed = holder.postMultipart(
                "/notices/" + caseId + "/legal-action-proof?_csrf=" + holder.csrfToken(),
                List.of(
                        new Api.Part("kind", null, text("LAWSUIT")),
                        new Api.Part("reference", null, text("(2026) 京01民初1号")),
                        new Api.Part("file", "受理通知书.png", png)));
        assertThat(filed.status()).isEqualTo(302);
        cases.awaitStatus("rightsholder-a", caseId, "MAINTAINED_PENDING_PROCEEDINGS");
        JsonNode listed = holderA.get(evidence(caseId)).json();
        assertThat(listed).hasSize(1);
        String sha = listed.get(0).get("sha256").asText();
        String link = "/notices/" + caseId + "/evidence/" + sha;
        assertThat(holder.get("/notices/" + caseId).body()).contains("受理通知书.png", link);
        HttpResponse<byte[]> fromPage = holder.download(link);
        assertThat(fromPage.statusCode()).isEqualTo(200);
        assertThat(fromPage.body()).isEqualTo(png);
        assertThat(fromPage.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(PageSession.login(baseUrl(), "rightsholder-b").download(link).statusCode())
                .isEqualTo(404);
        assertThat(PageSession.login(baseUrl(), "moderator").download(link).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theReviewScreenListsTheFiles() {
        String caseId = openCase();
        holderA.postMultipart(evidence(caseId), List.of(new Api.Part("file", "screenshot <b>1.png", uniquePng())));
        String taskId = NoticeLifecycleIT.awaitTask(Api.as(baseUrl(), "moderator"), caseId);
        String page = PageSession.login(baseUrl(), "moderator")
                .get("/tasks/" + taskId)
                .body();
        assertThat(page)
                .contains("id=\"evidence-files\"", "screenshot &lt;b&gt;1.png", "/notices/" + caseId + "/evidence/");
    }

    private HttpResponse<byte[]> download(String user, String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode ledger(String caseId) {
        return Api.as(baseUrl(), "compliance").get("/api/audit/cases/" + caseId).json();
    }

    private long viewsBy(String actor, String caseId) {
        long views = 0;
        for (JsonNode record : ledger(caseId)) {
            if (record.get("event_type").asText().equals("dev.takedown.access.case-viewed.v1")
                    && actor.equals(record.path("actor").asText())) {
                views++;
            }
        }
        return views;
    }

    private static long storedFiles() {
        try (Stream<Path> all = Files.walk(EVIDENCE_DIRECTORY.resolve("sha256"))) {
            return all.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
