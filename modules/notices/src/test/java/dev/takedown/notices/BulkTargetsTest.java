package dev.takedown.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.takedown.kernel.Caller;
import dev.takedown.notices.BulkTargets.Format;
import dev.takedown.notices.BulkTargets.Result;
import dev.takedown.notices.BulkTargets.RowError;
import dev.takedown.testing.EmbeddedDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link BulkTargets} on PostgreSQL 17 with the notices migrations: what an upload adds to the case, what it counts
 * and reports row by row, and what it refuses. The whole-stack figure (100,000 rows over HTTP, heap) is BulkTargetsIT's.
 */
class BulkTargetsTest {

    private static final Caller HOLDER = new Caller("holder-a", "org-a", "RIGHTS_HOLDER");
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static DriverManagerDataSource dataSource;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        dataSource = new DriverManagerDataSource(EmbeddedDatabase.freshDatabaseUrl(), "postgres", "postgres");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/notices")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    private final BulkTargets bulk = new BulkTargets(dataSource, 20, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void newUrlsAreStoredOnceCanonicalAfterTheCasesOwnAndEveryMalformedRowIsNamedByItsLine() {
        String caseId = openCase("org-a", "UNDER_REVIEW", "https://a.example/existing");
        String upload = "\uFEFFurl,account_id\r\n" // 1: header
                + "https://a.example/1,acc-1\r\n" // 2
                + "HTTPS://A.Example/1#top\r\n" // 3: the same URL spelt differently
                + "\r\n" // 4: blank
                + "\"https://a.example/2?x=1,2\",\"acc \"\"q\"\"\"\r\n" // 5
                + "https://a.example/existing\r\n" // 6: on the case already
                + "not a url\r\n" // 7
                + "https://a.example/3,acc,extra\r\n" // 8
                + "\"https://a.example/4\r\ncontinued\",acc\r\n" // 9-10
                + "https://a.example/" + "z".repeat(9000) + "\r\n" // 11
                + "ftp://a.example/5\t\u0007\r\n" // 12
                + "https://a.example/6\r\n" // 13
                + "\"https://a.example/open"; // 14
        List<RowError> sunk = new ArrayList<>();

        Result result = bulk.upload(caseId, HOLDER, csv(upload), Format.CSV, sunk::add);

        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(result.malformed()).isEqualTo(6);
        assertThat(result.errors())
                .extracting(RowError::row, RowError::value, RowError::message)
                .containsExactly(
                        tuple(7L, "not a url", "not an http(s) URL with a host"),
                        tuple(8L, "https://a.example/3,acc,extra", "expected url[,account_id], found 3 fields"),
                        tuple(
                                9L,
                                "\"https://a.example/4\uFFFDcontinued\",acc",
                                "line break inside a quoted field (lines 9 to 10)"),
                        tuple(
                                11L,
                                ("https://a.example/" + "z".repeat(9000)).substring(0, RowError.MAX_VALUE),
                                "row longer than 8192 characters"),
                        tuple(12L, "ftp://a.example/5\t\uFFFD", "not an http(s) URL with a host"),
                        tuple(14L, "\"https://a.example/open", "unterminated quoted field"));
        assertThat(sunk).isEqualTo(result.errors());
        assertThat(jdbc.queryForList(
                        "select position, url, account_id from notice_target where notice_id = ?::uuid "
                                + "order by position",
                        caseId))
                .containsExactly(
                        row(0, "https://a.example/existing", null),
                        // numbered after the case's own by data row: the 1st, 3rd and 10th
                        row(1, "https://a.example/1", "acc-1"),
                        row(3, "https://a.example/2?x=1,2", "acc \"q\""),
                        row(10, "https://a.example/6", null));
        assertThat(jdbc.queryForMap(
                        "select status, actor, note, at from notice_history where notice_id = ?::uuid", caseId))
                .containsEntry("status", "UNDER_REVIEW")
                .containsEntry("actor", "holder-a")
                .containsEntry("note", "3 target URLs added in bulk (2 duplicates, 6 malformed)")
                .hasEntrySatisfying(
                        "at", at -> assertThat(((Timestamp) at).toInstant()).isEqualTo(NOW));
    }

    @Test
    void tsvSplitsAtTabsAndTakesQuotesLiterally() {
        String caseId = openCase("org-a", "RECEIVED");

        Result result = bulk.upload(
                caseId,
                HOLDER,
                csv("url\taccount_id\nhttps://a.example/t\tacc, 1\n\"https://a.example/q\"\n"),
                Format.TSV);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.errors())
                .extracting(RowError::row, RowError::message)
                .containsExactly(tuple(3L, "not an http(s) URL with a host"));
        assertThat(jdbc.queryForList("select url, account_id from notice_target where notice_id = ?::uuid", caseId))
                .containsExactly(Map.of("url", "https://a.example/t", "account_id", "acc, 1"));
    }

    @Test
    void everyMalformedRowIsCountedAndTheFirstThousandAreNamed() {
        String caseId = openCase("org-a", "RECEIVED");
        StringBuilder upload = new StringBuilder();
        for (int i = 0; i < BulkTargets.MAX_ERRORS + 5; i++) {
            upload.append("no url ").append(i).append('\n');
        }
        List<RowError> sunk = new ArrayList<>();

        Result result = new BulkTargets(dataSource, 2000, Clock.systemUTC())
                .upload(caseId, HOLDER, csv(upload.toString()), Format.CSV, sunk::add);

        assertThat(result.malformed()).isEqualTo(BulkTargets.MAX_ERRORS + 5);
        assertThat(result.errors()).hasSize(BulkTargets.MAX_ERRORS);
        assertThat(sunk).hasSize(BulkTargets.MAX_ERRORS + 5);
        assertThat(sunk.get(sunk.size() - 1).row()).isEqualTo(BulkTargets.MAX_ERRORS + 5);
        assertThat(result.accepted()).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from notice_history where notice_id = ?::uuid", Long.class, caseId))
                .as("nothing added, nothing noted")
                .isZero();
    }

    @Test
    void anUploadOverTheRowLimitStoresNothing() {
        String caseId = openCase("org-a", "RECEIVED");
        BulkTargets three = new BulkTargets(dataSource, 3, Clock.systemUTC());
        String upload = "url\nhttps://a.example/1\n\nhttps://a.example/2\nbad\nhttps://a.example/3\n";

        assertThatThrownBy(() -> three.upload(caseId, HOLDER, csv(upload), Format.CSV))
                .isInstanceOf(BulkTargets.TooManyRowsException.class)
                .hasMessage("at most 3 rows per upload");
        assertThat(jdbc.queryForObject(
                        "select count(*) from notice_target where notice_id = ?::uuid", Long.class, caseId))
                .isZero();
    }

    @Test
    void anotherOrganisationsCaseIsNotFoundAndADecidedCaseTakesNoTargets() {
        String otherOrganisations = openCase("org-b", "RECEIVED");
        String decided = openCase("org-a", "DECIDED_ACTION");
        String upload = "https://a.example/1\n";

        assertThatThrownBy(() -> bulk.upload(otherOrganisations, HOLDER, csv(upload), Format.CSV))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> bulk.upload("not-a-case", HOLDER, csv(upload), Format.CSV))
                .isInstanceOf(CaseNotFoundException.class);
        assertThatThrownBy(() -> bulk.upload(decided, HOLDER, csv(upload), Format.CSV))
                .isInstanceOf(CaseStateException.class)
                .hasMessageContaining("this one is DECIDED_ACTION");
        assertThat(jdbc.queryForObject(
                        "select count(*) from notice_target where notice_id in (?::uuid, ?::uuid)",
                        Long.class,
                        otherOrganisations,
                        decided))
                .isZero();
    }

    /** A case of {@code organisation} in {@code status}, naming {@code targets} first. */
    private static String openCase(String organisation, String status, String... targets) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into notice (id, organisation_id, submitted_by, channel, profiles, status, body, received_at, "
                        + "request_hash) values (?, ?, 'holder', 'API', 'CN_CC_1195', ?, '{}'::jsonb, now(), 'x')",
                id,
                organisation,
                status);
        for (int i = 0; i < targets.length; i++) {
            jdbc.update(
                    "insert into notice_target (notice_id, position, type, url) values (?, ?, 'URL', ?)",
                    id,
                    i,
                    targets[i]);
        }
        return id.toString();
    }

    private static ByteArrayInputStream csv(String upload) {
        return new ByteArrayInputStream(upload.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> row(int position, String url, String account) {
        Map<String, Object> row = new HashMap<>();
        row.put("position", position);
        row.put("url", url);
        row.put("account_id", account);
        return row;
    }
}
