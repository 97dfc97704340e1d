package dev.takedown.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk targets over real HTTP (issue 9): 100,000 rows, 20 % duplicates (some only equal after canonicalisation,
 * one already on the case), 5 % malformed; exact counts and rows, tenancy, state, content type; and the heap the
 * upload costs in this JVM, which is also the server's.
 */
class BulkTargetsIT extends StackTest {

    private static final int ROWS = 100_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hundredThousandRowsAreStoredOnceEachWithMalformedOnesNamedAndHeapBounded() throws Exception {
        String existing = "https://bulk.example/existing/" + UUID.randomUUID();
        String caseId = file(existing);
        String run = UUID.randomUUID().toString().substring(0, 8);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = liveHeap(memory);
        AtomicBoolean uploading = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(
                () -> {
                    while (uploading.get()) {
                        peak.accumulateAndGet(liveHeap(memory), Math::max);
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bulk-heap-sampler");
        sampler.start();
        Rows rows = new Rows(run, existing);
        HttpResponse<String> response;
        try {
            response = HTTP.send(
                    request(caseId, "rightsholder-a", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> rows))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            uploading.set(false);
            sampler.join();
        }
        // what the rest of the stack keeps meanwhile (caches, the previous class's work still settling) stays after
        // the upload; an upload held in memory is gone again once it returns
        long settled = liveHeap(memory);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        assertThat(result.get("malformed").asLong()).isEqualTo(5_000);
        assertThat(result.get("duplicates").asLong())
                .as("20,000 repeats and the URL the notice already named")
                .isEqualTo(20_001);
        assertThat(result.get("accepted").asLong()).isEqualTo(74_999);
        assertThat(result.get("errors")).hasSize(1000);
        assertThat(result.get("errors").get(0).get("row").asLong())
                .as("line 1 is the header; data row 7 is line 9")
                .isEqualTo(9);

        assertThat(jdbc.queryForObject(
                        "select count(*) from notice_target where notice_id = ?::uuid", Long.class, caseId))
                .isEqualTo(75_000);
        assertThat(jdbc.queryForObject(
                        "select count(distinct url) from notice_target where notice_id = ?::uuid", Long.class, caseId))
                .isEqualTo(75_000);
        assertThat(jdbc.queryForObject(
                        "select count(*) from notice_target where notice_id = ?::uuid " + "and url = ?",
                        Long.class,
                        caseId,
                        Rows.url(run, 10)))
                .as("a duplicate that differs in case of scheme/host and fragment is stored once, canonical")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from notice_target where notice_id = ?::uuid " + "and account_id is not null",
                        Long.class,
                        caseId))
                .isGreaterThan(0);

        long payload = rows.bytes();
        long grown = peak.get() - Math.max(baseline, settled);
        System.out.printf(
                "bulk upload: payload %d bytes, live heap grew by at most %d bytes (%.1f %%)%n",
                payload, grown, 100.0 * grown / payload);
        assertThat(payload).isGreaterThan(30_000_000L);
        assertThat(grown)
                .as("live heap growth during the upload (payload %d bytes)", payload)
                .isLessThan(payload / 4);

        // the same rows again as TSV: everything is a duplicate now, one new URL, one malformed
        String tsv = "url\taccount_id\n" + Rows.url(run, 1) + "\tacc\n" + "https://bulk.example/" + run + "/new\n"
                + "ftp://bulk.example/nope\n";
        JsonNode second = JSON.readTree(
                send(caseId, "rightsholder-a", "text/tab-separated-values", tsv).body());
        assertThat(second.get("accepted").asLong()).isEqualTo(1);
        assertThat(second.get("duplicates").asLong()).isEqualTo(1);
        assertThat(second.get("malformed").asLong()).isEqualTo(1);
        assertThat(second.get("errors").get(0).get("row").asLong()).isEqualTo(4);
    }

    @Test
    void anotherOrganisationsCaseIsNotFoundAJoinedCaseIsAConflictAndOtherTypesAreRefused() throws Exception {
        String url = "https://bulk.example/guard/" + UUID.randomUUID();
        String caseId = file(url);
        String csv = "https://bulk.example/guard/" + UUID.randomUUID() + "\n";

        assertThat(send(caseId, "rightsholder-b", "text/csv", csv).statusCode()).isEqualTo(404);
        assertThat(send(UUID.randomUUID().toString(), "rightsholder-a", "text/csv", csv)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("not-a-uuid", "rightsholder-a", "text/csv", csv).statusCode())
                .isEqualTo(404);
        assertThat(send(caseId, "rightsholder-a", "text/plain", csv).statusCode())
                .isEqualTo(415);
        assertThat(send(caseId, "rightsholder-a", "application/json", "{}").statusCode())
                .isEqualTo(415);
        assertThat(send(caseId, "moderator", "text/csv", csv).statusCode()).isEqualTo(403);

        // a second notice on the same target joins the open case: a JOINED case takes no targets
        Api.Response joined = Api.as(baseUrl(), "rightsholder-a").post("/api/notices", Notices.complete(url));
        assertThat(joined.json().get("status").asText()).isEqualTo("JOINED");
        HttpResponse<String> conflict = send(joined.json().get("case_id").asText(), "rightsholder-a", "text/csv", csv);
        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        assertThat(send(caseId, "rightsholder-a", "text/csv", csv).statusCode()).isEqualTo(200);
    }

    private String file(String target) {
        Api.Response filed = Api.as(baseUrl(), "rightsholder-a").post("/api/notices", Notices.complete(target));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("case_id").asText();
    }

    private HttpRequest.Builder request(String caseId, String user, String type) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + "/api/notices/" + caseId + "/targets"))
                .header("Content-Type", type)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String caseId, String user, String type, String body) throws Exception {
        return HTTP.send(
                request(caseId, user, type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Heap still reachable: used heap right after a full collection. */
    private static long liveHeap(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * The upload, generated as it is read so the test never holds it: header, then row i (0-based) is malformed when
     * i % 20 == 7, a differently spelt repeat of row i-3 when i % 5 == 3, else a new ~330-character URL (row 0 is the
     * URL the notice already names).
     */
    static final class Rows extends InputStream {

        private static final String PADDING = "p".repeat(280);
        private final String run;
        private final String existing;
        private byte[] line = "url,account_id\n".getBytes(StandardCharsets.UTF_8);
        private int offset;
        private int next;
        private long bytes;

        Rows(String run, String existing) {
            this.run = run;
            this.existing = existing;
        }

        long bytes() {
            return bytes;
        }

        private String row(int i) {
            if (i % 20 == 7) {
                return "not a url " + i + "," + PADDING;
            }
            if (i % 5 == 3) {
                return base(i - 3).replace("https://bulk.example", "HTTPS://BULK.Example") + "#dup";
            }
            return base(i) + (i % 10 == 1 ? ",account-" + i : "");
        }

        private String base(int i) {
            return i == 0 ? existing : url(i);
        }

        static String url(String run, int i) {
            return "https://bulk.example/" + run + "/item/%07d/".formatted(i) + PADDING + (i % 2 == 0 ? "" : "?q=1");
        }

        private String url(int i) {
            return Rows.url(run, i);
        }

        private boolean advance() {
            if (offset < line.length) {
                return true;
            }
            if (next >= ROWS) {
                return false;
            }
            line = (row(next++) + "\n").getBytes(StandardCharsets.UTF_8);
            offset = 0;
            return true;
        }

        @Override
        public int read() {
            if (!advance()) {
                return -1;
            }
            bytes++;
            return line[offset++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int read = 0;
            while (read < len && advance()) {
                int n = Math.min(len - read, line.length - offset);
                System.arraycopy(line, offset, b, off + read, n);
                offset += n;
                read += n;
            }
            bytes += read;
            return read == 0 ? -1 : read;
        }
    }
}
