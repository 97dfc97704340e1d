package dev.takedown.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.kernel.Caller;
import dev.takedown.testing.EmbeddedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The evidence module with the kernel (its only dependency), on PostgreSQL with its migration and a store on disk: uploads into the
 * content-addressed store, the type from the bytes, ZIP checks, limits that refuse a request whole, safe download
 * headers, and the case's tenancy rule asked through the port the module declares ({@link EvidenceCases}), here
 * answered by {@link Cases} as the notices module answers it. Who may call the API at all is the application's
 * security (AuthorizationMatrixIT); the access log of staff reads is the port's (EvidenceUploadIT).
 */
// the kernel's Clock is no component any module injects by a kernel type, so Modulith would leave it out
@ApplicationModuleTest(extraIncludes = "kernel")
@AutoConfigureMockMvc
class EvidenceApiTest {

    static final byte[] PNG = HexFormat.of()
            .parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4"
                    + "890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");
    static final long MAX_FILE = 20L * 1024 * 1024;
    static final Path DIRECTORY = directory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Authentication HOLDER_A = caller("rightsholder-a", "RIGHTS_HOLDER", "org-a");
    private static final Authentication HOLDER_B = caller("rightsholder-b", "RIGHTS_HOLDER", "org-b");
    private static final Authentication MODERATOR = caller("moderator", "MODERATOR", null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Cases cases;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EmbeddedDatabase.register(registry);
        registry.add("spring.flyway.locations", () -> "classpath:db/migration/evidence");
        registry.add("takedown.evidence.directory", DIRECTORY::toString);
    }

    /** The notices module's answer, reduced to its rule: the notifier's organisation and staff read; open or not. */
    static class Cases implements EvidenceCases {

        private record Case(String organisation, String status, boolean open) {}

        private final Map<String, Case> cases = new ConcurrentHashMap<>();
        final List<String> reads = new CopyOnWriteArrayList<>();

        String open(String organisation) {
            String id = UUID.randomUUID().toString();
            cases.put(id, new Case(organisation, "IN_REVIEW", true));
            return id;
        }

        String closed(String organisation) {
            String id = UUID.randomUUID().toString();
            cases.put(id, new Case(organisation, "CLOSED", false));
            return id;
        }

        @Override
        public Optional<ReadableCase> readable(String caseId, Caller caller) {
            reads.add(caseId + " by " + caller.actor());
            return Optional.ofNullable(cases.get(caseId))
                    .filter(c -> caller.mayRead(c.organisation()))
                    .map(c -> new ReadableCase(c.status(), c.open()));
        }
    }

    @TestConfiguration
    static class Port {

        @Bean
        Cases evidenceCases() {
            return new Cases();
        }
    }

    @Test
    void sameBytesAreStoredOnceAndLinkedTwiceTypedByContent() throws Exception {
        String caseId = cases.open("org-a");
        byte[] png = uniquePng();
        MockHttpServletResponse first = upload(HOLDER_A, caseId, file("x.pdf", png));
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        JsonNode stored = json(first).get(0);
        String sha = stored.get("sha256").asText();
        assertThat(stored.get("media_type").asText())
                .as("a PNG named .pdf is a PNG")
                .isEqualTo("image/png");
        assertThat(stored.get("display_name").asText()).isEqualTo("x.pdf");
        assertThat(stored.get("size").asLong()).isEqualTo(png.length);
        assertThat(stored.get("uploaded_by").asText()).isEqualTo("rightsholder-a");

        MockHttpServletResponse second = upload(HOLDER_A, caseId, file("again.png", png));
        assertThat(second.getStatus()).as(second.getContentAsString()).isEqualTo(201);
        assertThat(json(second).get(0).get("sha256").asText()).isEqualTo(sha);

        JsonNode listed = list(HOLDER_A, caseId);
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("display_name").asText()).isEqualTo("x.pdf");
        assertThat(listed.get(1).get("display_name").asText()).isEqualTo("again.png");
        Path onDisk = DIRECTORY.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2));
        assertThat(onDisk).hasBinaryContent(png);
        assertThat(filesNamed(sha.substring(2))).as("one file on disk").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from case_evidence where sha256 = ?", Integer.class, sha))
                .as("two links")
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from evidence_file where sha256 = ?", Integer.class, sha))
                .isEqualTo(1);
        assertThat(incomingLeftovers()).isZero();

        // several files in one request: text and a harmless ZIP
        MockHttpServletResponse more = upload(
                HOLDER_A,
                caseId,
                file("receipt.txt", text("受理通知书 " + UUID.randomUUID())),
                file("scans.zip", zip(List.of("scans/a.txt", "scans/b.txt"), 100)));
        assertThat(more.getStatus()).as(more.getContentAsString()).isEqualTo(201);
        assertThat(json(more).get(0).get("media_type").asText()).isEqualTo("text/plain");
        assertThat(json(more).get(1).get("media_type").asText()).isEqualTo("application/zip");
    }

    @Test
    void activeContentIsRefusedWhateverItsName() throws Exception {
        String caseId = cases.open("org-a");
        List<MockMultipartFile> refused = List.of(
                file("proof.png", text("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")),
                file(
                        "logo.png",
                        text("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
                                + "onload=\"alert(1)\"><circle r=\"1\"/></svg>")),
                file("scan.pdf", HexFormat.of().parseHex("4d5a90000300000004000000ffff0000b80000000000")),
                file("empty.txt", new byte[0]));
        for (MockMultipartFile part : refused) {
            MockHttpServletResponse r = upload(HOLDER_A, caseId, part);
            assertThat(r.getStatus())
                    .as(part.getOriginalFilename() + ": " + r.getContentAsString())
                    .isIn(400, 415);
            assertThat(r.getContentType()).startsWith("application/problem+json");
            assertThat(json(r).get("errors").get(0).get("field").asText()).isEqualTo("file");
        }
        assertThat(upload(HOLDER_A, caseId, refused.get(0)).getStatus()).isEqualTo(415);
        assertThat(list(HOLDER_A, caseId)).isEmpty();
        assertThat(incomingLeftovers()).isZero();
    }

    @Test
    void unsafeZipsAreRefused() throws Exception {
        String caseId = cases.open("org-a");
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bomb)) {
            out.putNextEntry(new ZipEntry("zeros.bin"));
            out.write(new byte[10 * 1024 * 1024]);
            out.closeEntry();
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
            MockHttpServletResponse r = upload(HOLDER_A, caseId, file(unsafe.name(), unsafe.zip()));
            assertThat(r.getStatus())
                    .as(unsafe.name() + ": " + r.getContentAsString())
                    .isEqualTo(400);
            assertThat(json(r).get("type").asText()).endsWith("/evidence-unsafe-archive");
            assertThat(json(r).get("errors").get(0).get("message").asText()).contains(unsafe.reason());
        }
        assertThat(bomb.size()).as("the bomb is small").isLessThan(100_000);
        assertThat(list(HOLDER_A, caseId)).isEmpty();
    }

    @Test
    void oversizeAndTooManyAreRefusedWhole() throws Exception {
        String caseId = cases.open("org-a");
        long before = storedFiles();
        MockHttpServletResponse tooLarge = upload(
                HOLDER_A,
                caseId,
                file("ok.txt", text("fine " + UUID.randomUUID())),
                file("huge.txt", new byte[(int) MAX_FILE + 1]));
        assertThat(tooLarge.getStatus()).as(tooLarge.getContentAsString()).isEqualTo(413);
        assertThat(tooLarge.getContentType()).startsWith("application/problem+json");
        assertThat(json(tooLarge).get("errors").get(0).get("field").asText())
                .as("the file at fault")
                .isEqualTo("file[1]");
        assertThat(list(HOLDER_A, caseId)).as("nothing half-stored").isEmpty();
        assertThat(storedFiles()).isEqualTo(before);

        List<MockMultipartFile> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(file(i + ".txt", text("file " + i + " " + UUID.randomUUID())));
        }
        MockHttpServletResponse perRequest = upload(HOLDER_A, caseId, six.toArray(MockMultipartFile[]::new));
        assertThat(perRequest.getStatus()).as(perRequest.getContentAsString()).isEqualTo(400);
        assertThat(json(perRequest).get("type").asText()).endsWith("/evidence-too-many");
        assertThat(list(HOLDER_A, caseId)).isEmpty();

        for (int batch = 0; batch < 4; batch++) {
            MockHttpServletResponse ok = upload(
                    HOLDER_A,
                    caseId,
                    six.subList(0, 5).stream()
                            .map(p -> file(
                                    p.getOriginalFilename(),
                                    text(UUID.randomUUID().toString())))
                            .toArray(MockMultipartFile[]::new));
            assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(201);
        }
        MockHttpServletResponse full = upload(HOLDER_A, caseId, file("21.txt", text("one too many")));
        assertThat(full.getStatus()).as(full.getContentAsString()).isEqualTo(400);
        assertThat(json(full).get("errors").get(0).get("message").asText()).contains("at most 20");
        assertThat(list(HOLDER_A, caseId)).hasSize(20);
    }

    @Test
    void onlyTheNotifiersOrganisationAndStaffGetInAndAClosedCaseTakesNoMore() throws Exception {
        String caseId = cases.open("org-a");
        MockHttpServletResponse up = upload(HOLDER_A, caseId, file("a.png", uniquePng()));
        String sha = json(up).get(0).get("sha256").asText();
        String download = "/api/cases/" + caseId + "/evidence/" + sha;

        assertThat(send(HOLDER_B, get("/api/cases/" + caseId + "/evidence")).getStatus())
                .as("another organisation's case does not exist for it")
                .isEqualTo(404);
        assertThat(send(HOLDER_B, get(download)).getStatus()).isEqualTo(404);
        assertThat(upload(HOLDER_B, caseId, file("b.png", uniquePng())).getStatus())
                .isEqualTo(404);
        assertThat(upload(MODERATOR, caseId, file("d.png", uniquePng())).getStatus())
                .as("staff read, never add")
                .isEqualTo(404);
        assertThat(list(HOLDER_A, caseId)).hasSize(1);

        cases.reads.clear();
        for (Authentication reader : List.of(HOLDER_A, MODERATOR)) {
            MockHttpServletResponse file = send(reader, get(download));
            assertThat(file.getStatus()).as(reader.getName()).isEqualTo(200);
            MockHttpServletResponse page = send(reader, get("/notices/" + caseId + "/evidence/" + sha));
            assertThat(page.getStatus())
                    .as(reader.getName() + " from the case page")
                    .isEqualTo(200);
        }
        assertThat(cases.reads)
                .as("every read asks the case's owner, which puts staff reads on the access log")
                .containsExactly(
                        caseId + " by rightsholder-a",
                        caseId + " by rightsholder-a",
                        caseId + " by moderator",
                        caseId + " by moderator");
        assertThat(send(HOLDER_B, get("/notices/" + caseId + "/evidence/" + sha))
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(HOLDER_A, get("/api/cases/" + caseId + "/evidence/" + "0".repeat(64)))
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(HOLDER_A, get("/api/cases/" + caseId + "/evidence/..%2F..%2Fetc%2Fpasswd"))
                        .getStatus())
                .isIn(400, 404);

        String closed = cases.closed("org-a");
        MockHttpServletResponse late = upload(HOLDER_A, closed, file("late.png", uniquePng()));
        assertThat(late.getStatus()).as(late.getContentAsString()).isEqualTo(409);
        assertThat(late.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void downloadsAreAttachmentsWithCleanNames() throws Exception {
        String caseId = cases.open("org-a");
        byte[] pdf = text("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n% " + UUID.randomUUID() + "\n%%EOF\n");
        MockHttpServletResponse up = upload(
                HOLDER_A,
                caseId,
                file("起诉状.pdf", pdf),
                file("a\"\r\n../b.txt", text("hostile name " + UUID.randomUUID())),
                file("in\"voice\r\nX-Injected: 1.txt", text("header injection " + UUID.randomUUID())));
        assertThat(up.getStatus()).as(up.getContentAsString()).isEqualTo(201);
        JsonNode stored = json(up);

        MockHttpServletResponse chinese = send(
                HOLDER_A,
                get("/api/cases/" + caseId + "/evidence/"
                        + stored.get(0).get("sha256").asText()));
        assertThat(chinese.getStatus()).isEqualTo(200);
        assertThat(chinese.getContentAsByteArray()).isEqualTo(pdf);
        assertThat(chinese.getContentType()).isEqualTo("application/pdf");
        assertThat(chinese.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(chinese.getHeader("Content-Security-Policy")).startsWith("sandbox");
        assertThat(chinese.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"___.pdf\"; filename*=UTF-8''%E8%B5%B7%E8%AF%89%E7%8A%B6.pdf");

        assertThat(stored.get(1).get("display_name").asText()).isEqualTo("b.txt");
        MockHttpServletResponse hostile = send(
                HOLDER_A,
                get("/api/cases/" + caseId + "/evidence/"
                        + stored.get(1).get("sha256").asText()));
        assertThat(hostile.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"b.txt\"; filename*=UTF-8''b.txt");
        assertThat(hostile.getContentType()).startsWith("text/plain");

        assertThat(stored.get(2).get("display_name").asText()).isEqualTo("invoiceX-Injected: 1.txt");
        MockHttpServletResponse injected = send(
                HOLDER_A,
                get("/api/cases/" + caseId + "/evidence/"
                        + stored.get(2).get("sha256").asText()));
        assertThat(injected.getHeader("X-Injected")).isNull();
        assertThat(injected.getHeader("Content-Disposition"))
                .doesNotContain("\r", "\n")
                .startsWith("attachment; filename=\"invoiceX-Injected: 1.txt\"");
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private MockHttpServletResponse upload(Authentication caller, String caseId, MockMultipartFile... files)
            throws Exception {
        var request = multipart("/api/cases/{caseId}/evidence", caseId);
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return send(caller, request);
    }

    private JsonNode list(Authentication caller, String caseId) throws Exception {
        MockHttpServletResponse listed = send(caller, get("/api/cases/{caseId}/evidence", caseId));
        assertThat(listed.getStatus()).as(listed.getContentAsString()).isEqualTo(200);
        return json(listed);
    }

    private MockHttpServletResponse send(
            Authentication caller, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.principal(caller)).andReturn().getResponse();
    }

    private static JsonNode json(MockHttpServletResponse response) throws IOException {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, null, content);
    }

    private static Authentication caller(String name, String role, String organisation) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        if (organisation != null) {
            authorities.add(new SimpleGrantedAuthority(Caller.ORGANISATION_PREFIX + organisation));
        }
        return UsernamePasswordAuthenticationToken.authenticated(name, null, authorities);
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

    private static Path directory() {
        try {
            return Files.createTempDirectory("takedown-evidence-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long filesNamed(String name) throws IOException {
        try (Stream<Path> all = Files.walk(DIRECTORY)) {
            return all.filter(p -> p.getFileName().toString().equals(name)).count();
        }
    }

    private static long storedFiles() throws IOException {
        if (!Files.isDirectory(DIRECTORY.resolve("sha256"))) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(DIRECTORY.resolve("sha256"))) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    private static long incomingLeftovers() throws IOException {
        try (Stream<Path> all = Files.list(DIRECTORY.resolve("incoming"))) {
            return all.count();
        }
    }
}
