package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Evidence files end to end (issue 7 item 4, issue 6): real multipart uploads over HTTP into the content-addressed
 * store on disk and PostgreSQL, the type from the bytes, ZIP checks, limits that refuse a request whole, the
 * tenancy rule of the case, safe download headers, and staff downloads on the audit ledger.
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
        return cases.file("rightsholder-a", Cases.notice("CN_CC_1195", "acct-evidence-" + UUID.randomUUID()));
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

    @Test
    void sameBytesAreStoredOnceAndLinkedTwiceTypedByContent() {
        String caseId = openCase();
        byte[] png = uniquePng();
        Api.Response first = holderA.postMultipart(evidence(caseId), List.of(new Api.Part("file", "x.pdf", png)));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode stored = first.json().get(0);
        String sha = stored.get("sha256").asText();
        assertThat(stored.get("media_type").asText())
                .as("a PNG named .pdf is a PNG")
                .isEqualTo("image/png");
        assertThat(stored.get("display_name").asText()).isEqualTo("x.pdf");
        assertThat(stored.get("size").asLong()).isEqualTo(png.length);
        assertThat(stored.get("uploaded_by").asText()).isEqualTo("rightsholder-a");

        Api.Response second = holderA.postMultipart(evidence(caseId), List.of(new Api.Part("file", "again.png", png)));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get(0).get("sha256").asText()).isEqualTo(sha);

        JsonNode listed = holderA.get(evidence(caseId)).json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("display_name").asText()).isEqualTo("x.pdf");
        assertThat(listed.get(1).get("display_name").asText()).isEqualTo("again.png");
        Path onDisk = EVIDENCE_DIRECTORY
                .resolve("sha256")
                .resolve(sha.substring(0, 2))
                .resolve(sha.substring(2));
        assertThat(onDisk).hasBinaryContent(png);
        assertThat(filesNamed(sha.substring(2))).as("one file on disk").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from case_evidence where sha256 = ?", Integer.class, sha))
                .as("two links")
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from evidence_file where sha256 = ?", Integer.class, sha))
                .isEqualTo(1);
        assertThat(incomingLeftovers()).isZero();

        // several files in one request: text and a harmless ZIP
        Api.Response more = holderA.postMultipart(
                evidence(caseId),
                List.of(
                        new Api.Part("file", "receipt.txt", text("受理通知书 " + UUID.randomUUID())),
                        new Api.Part("file", "scans.zip", zip(List.of("scans/a.txt", "scans/b.txt"), 100))));
        assertThat(more.status()).as(more.body()).isEqualTo(201);
        assertThat(more.json().get(0).get("media_type").asText()).isEqualTo("text/plain");
        assertThat(more.json().get(1).get("media_type").asText()).isEqualTo("application/zip");
    }

    @Test
    void activeContentIsRefusedWhateverItsName() {
        String caseId = openCase();
        List<Api.Part> refused = List.of(
                new Api.Part(
                        "file",
                        "proof.png",
                        text("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")),
                new Api.Part(
                        "file",
                        "logo.png",
                        text("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
                                + "onload=\"alert(1)\"><circle r=\"1\"/></svg>")),
                new Api.Part(
                        "file", "scan.pdf", HexFormat.of().parseHex("4d5a90000300000004000000ffff0000b80000000000")),
                new Api.Part("file", "empty.txt", new byte[0]));
        for (Api.Part part : refused) {
            Api.Response r = holderA.postMultipart(evidence(caseId), List.of(part));
            assertThat(r.status()).as(part.filename() + ": " + r.body()).isIn(400, 415);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
        }
        assertThat(holderA.postMultipart(evidence(caseId), List.of(refused.get(0)))
                        .status())
                .isEqualTo(415);
        assertThat(holderA.get(evidence(caseId)).json()).isEmpty();
        assertThat(incomingLeftovers()).isZero();
    }

    @Test
    void unsafeZipsAreRefused() {
        String caseId = openCase();
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bomb)) {
            out.putNextEntry(new ZipEntry("zeros.bin"));
            out.write(new byte[10 * 1024 * 1024]);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> tenThousand = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            tenThousand.add("entry-" + i + ".txt");
        }
        record Unsafe(String name, byte[] zip, String reason) {}
        for (Unsafe unsafe : List.of(
                new Unsafe("slip.zip", zip(List.of("ok.txt", "../../evil"), 10), "leaves the archive"),
                new Unsafe("abs.zip", zip(List.of("/etc/cron.d/x"), 10), "absolute"),
                new Unsafe("win.zip", zip(List.of("..\\..\\evil.bat"), 10), "backslash"),
                new Unsafe("bomb.zip", bomb.toByteArray(), "zip bomb"),
                new Unsafe("many.zip", zip(tenThousand, 0), "more than 1000 entries"))) {
            Api.Response r =
                    holderA.postMultipart(evidence(caseId), List.of(new Api.Part("file", unsafe.name(), unsafe.zip())));
            assertThat(r.status()).as(unsafe.name() + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("type").asText()).endsWith("/evidence-unsafe-archive");
            assertThat(r.json().get("errors").get(0).get("message").asText()).contains(unsafe.reason());
        }
        assertThat(bomb.size()).as("the bomb is small").isLessThan(100_000);
        assertThat(holderA.get(evidence(caseId)).json()).isEmpty();
    }

    @Test
    void oversizeAndTooManyAreRefusedWhole() {
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

        List<Api.Part> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(new Api.Part("file", i + ".txt", text("file " + i + " " + UUID.randomUUID())));
        }
        Api.Response perRequest = holderA.postMultipart(evidence(caseId), six);
        assertThat(perRequest.status()).as(perRequest.body()).isEqualTo(400);
        assertThat(perRequest.json().get("type").asText()).endsWith("/evidence-too-many");
        assertThat(holderA.get(evidence(caseId)).json()).isEmpty();

        for (int batch = 0; batch < 4; batch++) {
            Api.Response ok = holderA.postMultipart(
                    evidence(caseId),
                    six.subList(0, 5).stream()
                            .map(p -> new Api.Part(
                                    "file", p.filename(), text(UUID.randomUUID().toString())))
                            .toList());
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        }
        Api.Response full =
                holderA.postMultipart(evidence(caseId), List.of(new Api.Part("file", "21.txt", text("one too many"))));
        assertThat(full.status()).as(full.body()).isEqualTo(400);
        assertThat(full.json().get("errors").get(0).get("message").asText()).contains("at most 20");
        assertThat(holderA.get(evidence(caseId)).json()).hasSize(20);
    }

    @Test
    void onlyTheNotifiersOrganisationAndStaffGetIn() {
        String caseId = openCase();
        Api.Response up = holderA.postMultipart(evidence(caseId), List.of(new Api.Part("file", "a.png", uniquePng())));
        String sha = up.json().get(0).get("sha256").asText();
        Api holderB = Api.as(baseUrl(), "rightsholder-b");
        assertThat(holderB.get(evidence(caseId)).status()).isEqualTo(404);
        assertThat(holderB.get(evidence(caseId) + "/" + sha).status()).isEqualTo(404);
        assertThat(holderB.postMultipart(evidence(caseId), List.of(new Api.Part("file", "b.png", uniquePng())))
                        .status())
                .isEqualTo(404);
        Api anonymous = Api.anonymous(baseUrl());
        assertThat(anonymous.get(evidence(caseId) + "/" + sha).status()).isEqualTo(401);
        assertThat(anonymous
                        .postMultipart(evidence(caseId), List.of(new Api.Part("file", "c.png", uniquePng())))
                        .status())
                .isEqualTo(401);
        assertThat(Api.as(baseUrl(), "moderator")
                        .postMultipart(evidence(caseId), List.of(new Api.Part("file", "d.png", uniquePng())))
                        .status())
                .as("staff read, never add")
                .isEqualTo(403);
        assertThat(Api.as(baseUrl(), "platform").get(evidence(caseId)).status()).isEqualTo(403);
        assertThat(holderA.get(evidence(caseId)).json()).hasSize(1);
        for (String reader : List.of("rightsholder-a", "moderator", "senior", "compliance", "admin")) {
            assertThat(download(reader, evidence(caseId) + "/" + sha).statusCode())
                    .as(reader)
                    .isEqualTo(200);
        }
        assertThat(download("rightsholder-a", evidence(caseId) + "/" + "0".repeat(64))
                        .statusCode())
                .isEqualTo(404);
        assertThat(download("rightsholder-a", evidence(caseId) + "/..%2F..%2Fetc%2Fpasswd")
                        .statusCode())
                .isIn(400, 404);
        // a case that is no longer open takes no evidence
        String retracted = cases.fileAndAccept(
                "rightsholder-a", Cases.notice("CN_CC_1195", "acct-evidence-" + UUID.randomUUID()), "[\"DELETE\"]");
        assertThat(holderA.post("/api/notices/" + retracted + "/retraction", "").status())
                .isEqualTo(202);
        cases.awaitStatus("rightsholder-a", retracted, "CLOSED");
        Api.Response closed =
                holderA.postMultipart(evidence(retracted), List.of(new Api.Part("file", "late.png", uniquePng())));
        assertThat(closed.status()).as(closed.body()).isEqualTo(409);
    }

    @Test
    void downloadsAreAttachmentsWithCleanNames() {
        String caseId = openCase();
        byte[] pdf = text("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n% " + UUID.randomUUID() + "\n%%EOF\n");
        Api.Response up = holderA.postMultipart(
                evidence(caseId),
                List.of(
                        new Api.Part("file", "起诉状.pdf", pdf),
                        new Api.Part("file", "a\"\r\n../b.txt", text("hostile name " + UUID.randomUUID())),
                        new Api.Part(
                                "file",
                                "in\"voice\r\nX-Injected: 1.txt",
                                text("header injection " + UUID.randomUUID()))));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        JsonNode stored = up.json();

        HttpResponse<byte[]> chinese = download(
                "rightsholder-a",
                evidence(caseId) + "/" + stored.get(0).get("sha256").asText());
        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(chinese.body()).isEqualTo(pdf);
        assertThat(chinese.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(chinese.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(chinese.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"___.pdf\"; filename*=UTF-8''%E8%B5%B7%E8%AF%89%E7%8A%B6.pdf");

        assertThat(stored.get(1).get("display_name").asText()).isEqualTo("b.txt");
        HttpResponse<byte[]> hostile = download(
                "rightsholder-a",
                evidence(caseId) + "/" + stored.get(1).get("sha256").asText());
        assertThat(hostile.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"b.txt\"; filename*=UTF-8''b.txt");
        assertThat(hostile.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");

        assertThat(stored.get(2).get("display_name").asText()).isEqualTo("invoiceX-Injected: 1.txt");
        HttpResponse<byte[]> injected = download(
                "rightsholder-a",
                evidence(caseId) + "/" + stored.get(2).get("sha256").asText());
        assertThat(injected.headers().firstValue("X-Injected")).isEmpty();
        assertThat(injected.headers().firstValue("Content-Disposition").orElseThrow())
                .doesNotContain("\r", "\n")
                .startsWith("attachment; filename=\"invoiceX-Injected: 1.txt\"");
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
                "rightsholder-a", Cases.notice("CN_CC_1195", "acct-evidence-" + UUID.randomUUID()), "[\"DELETE\"]");
        String token = cases.uploaderToken(caseId);
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

    private static byte[] zip(List<String> names, int bytesEach) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(new byte[bytesEach]);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    private static long filesNamed(String name) {
        try (Stream<Path> all = Files.walk(EVIDENCE_DIRECTORY)) {
            return all.filter(p -> p.getFileName().toString().equals(name)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long storedFiles() {
        try (Stream<Path> all = Files.walk(EVIDENCE_DIRECTORY.resolve("sha256"))) {
            return all.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long incomingLeftovers() {
        try (Stream<Path> all = Files.list(EVIDENCE_DIRECTORY.resolve("incoming"))) {
            return all.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
