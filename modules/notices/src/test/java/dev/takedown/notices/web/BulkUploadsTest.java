package dev.takedown.notices.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.kernel.Caller;
import dev.takedown.notices.BulkTargets;
import dev.takedown.testing.EmbeddedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Bulk uploads staged in PostgreSQL, with two {@link BulkUploads} on one database standing for two nodes behind a load
 * balancer: either answers for an upload the other took, and an upload whose node died is run by the other or, after
 * its attempts, given up with a reason.
 */
class BulkUploadsTest {

    private static final Caller HOLDER = new Caller("rightsholder-a", "org-a", "RIGHTS_HOLDER");
    private static final String CSV = "url,account_id\nhttps://gen.test/1,acct-1\nnot a url\nhttps://gen.test/2,\n"
            + "https://gen.test/1,acct-1\n";

    private final DataSource database =
            new DriverManagerDataSource(EmbeddedDatabase.freshDatabaseUrl(), "postgres", "postgres");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final BulkUploads nodeA = node();
    private final BulkUploads nodeB = node();
    private final String caseId = openCase();

    @AfterEach
    void stopNodes() {
        nodeA.destroy();
        nodeB.destroy();
    }

    @Test
    void theOtherNodeAnswersForProgressAndReport() throws IOException {
        BulkUploads.Upload started = nodeA.start(caseId, HOLDER, file(CSV));

        BulkUploads.Upload done = await().atMost(Duration.ofSeconds(20))
                .until(() -> nodeB.find(caseId, started.getId(), HOLDER).orElseThrow(), BulkUploads.Upload::isFinished);

        assertThat(done.getState()).isEqualTo(BulkUploads.State.DONE);
        assertThat(done.getPercent()).isEqualTo(100);
        assertThat(done.getResult().accepted()).isEqualTo(2);
        assertThat(done.getResult().duplicates()).isEqualTo(1);
        assertThat(done.getResult().malformed()).isEqualTo(1);
        assertThat(done.getResult().errors())
                .singleElement()
                .satisfies(e -> assertThat(e.row()).isEqualTo(3));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        assertThat(nodeB.copyErrors(done, report)).isTrue();
        assertThat(report.toString(StandardCharsets.UTF_8))
                .contains("row,value,reason")
                .contains("3,not a url,");
        assertThat(nodeB.errorsSize(done)).isEqualTo(report.size());
        assertThat(jdbc.queryForList(
                        "select url from notice_target where notice_id = ?::uuid order by position",
                        String.class,
                        caseId))
                .containsExactly("https://gen.test/1", "https://gen.test/2");
        assertThat(jdbc.queryForObject(
                        "select content is null from bulk_upload where id = ?::uuid", Boolean.class, done.getId()))
                .as("the file is not kept once it is processed")
                .isTrue();
    }

    @Test
    void aFileOfSeveralSlicesIsReadWholeAcrossTheirBoundaries() throws IOException {
        StringBuilder csv = new StringBuilder("url\n");
        for (int i = 0; i < 30_000; i++) {
            // ~100 bytes a row: 3 MB, three slices of the stored file and a partial fourth
            csv.append("https://gen.test/slices/")
                    .append(i)
                    .append('/')
                    .append("s".repeat(70))
                    .append('\n');
        }
        BulkUploads.Upload started = nodeA.start(caseId, HOLDER, file(csv.toString()));

        BulkUploads.Upload done = await().atMost(Duration.ofSeconds(60))
                .until(() -> nodeB.find(caseId, started.getId(), HOLDER).orElseThrow(), BulkUploads.Upload::isFinished);

        assertThat(done.getState()).isEqualTo(BulkUploads.State.DONE);
        assertThat(done.getResult().accepted()).isEqualTo(30_000);
        assertThat(done.getResult().malformed()).isZero();
    }

    @Test
    void anotherOrganisationFindsNothing() throws IOException {
        BulkUploads.Upload started = nodeA.start(caseId, HOLDER, file(CSV));
        assertThat(nodeB.find(caseId, started.getId(), new Caller("rightsholder-b", "org-b", "RIGHTS_HOLDER")))
                .isEmpty();
        assertThat(nodeB.find(UUID.randomUUID().toString(), started.getId(), HOLDER))
                .isEmpty();
        assertThat(nodeB.find(caseId, "not-an-id", HOLDER)).isEmpty();
    }

    @Test
    void anUploadLeftRunningByADeadNodeIsRunAgainByAnother() {
        String id = staleUpload(1);

        nodeB.sweep();

        BulkUploads.Upload done = await().atMost(Duration.ofSeconds(20))
                .until(() -> nodeB.find(caseId, id, HOLDER).orElseThrow(), BulkUploads.Upload::isFinished);
        assertThat(done.getState()).isEqualTo(BulkUploads.State.DONE);
        assertThat(done.getResult().accepted()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select attempts from bulk_upload where id = ?::uuid", Integer.class, id))
                .isEqualTo(2);
    }

    @Test
    void anUploadInterruptedAsOftenAsAllowedFailsWithAReasonAndIsForgottenLater() {
        String id = staleUpload(3);

        nodeB.sweep();

        BulkUploads.Upload failed = nodeA.find(caseId, id, HOLDER).orElseThrow();
        assertThat(failed.getState()).isEqualTo(BulkUploads.State.FAILED);
        assertThat(failed.getFailure()).isEqualTo("bulk.failed.interrupted");
        assertThat(jdbc.queryForObject("select count(*) from notice_target", Integer.class))
                .isZero();

        jdbc.update("update bulk_upload set finished_at = now() - interval '2 hours' where id = ?::uuid", id);
        nodeA.sweep();
        assertThat(nodeA.find(caseId, id, HOLDER)).as("kept one hour").isEmpty();
    }

    @Test
    void aRunningUploadWhoseNodeStillReportsIsLeftAlone() {
        String id = staleUpload(1);
        jdbc.update("update bulk_upload set heartbeat_at = now() where id = ?::uuid", id);

        nodeB.sweep();

        assertThat(nodeB.find(caseId, id, HOLDER).orElseThrow().getState()).isEqualTo(BulkUploads.State.READING);
    }

    /** An upload a node began and then stopped reporting on, as a node killed mid-upload leaves it. */
    private String staleUpload(int attempts) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into bulk_upload (id, case_id, organisation_id, uploaded_by, file_name, format, size, content, "
                        + "state, bytes_read, attempts, node, heartbeat_at, created_at) values (?, ?, 'org-a', "
                        + "'rightsholder-a', 'targets.csv', 'CSV', ?, ?, 'READING', 12, ?, 'dead-node', "
                        + "now() - interval '10 minutes', now() - interval '11 minutes')",
                id,
                caseId,
                CSV.length(),
                CSV.getBytes(StandardCharsets.UTF_8),
                attempts);
        return id.toString();
    }

    private BulkUploads node() {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/notices")
                .load()
                .migrate();
        return new BulkUploads(
                new BulkTargets(database, 100_000, Clock.systemUTC()),
                jdbc,
                new ObjectMapper(),
                Duration.ofMinutes(2),
                3,
                Duration.ofHours(1),
                Duration.ofMillis(100));
    }

    private String openCase() {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into notice (id, organisation_id, submitted_by, channel, profiles, status, body, received_at, "
                        + "request_hash) values (?, 'org-a', 'rightsholder-a', 'API', 'CN_CC_1195', 'UNDER_REVIEW', "
                        + "'{}'::jsonb, now(), 'hash')",
                id);
        return id.toString();
    }

    private static MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "targets.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }
}
