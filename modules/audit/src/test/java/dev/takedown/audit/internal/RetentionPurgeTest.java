package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.audit.ChainStatus;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.audit.LegalHolds;
import dev.takedown.audit.Retention;
import dev.takedown.audit.Retention.Purged;
import dev.takedown.audit.RetentionReport.RecordClass;
import dev.takedown.events.Topics;
import dev.takedown.events.UnlabelledOutputReported;
import dev.takedown.testing.MovingClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention purges the content of due format-4 records through the database's one allowed update; the chain, the
 * checkpoints and the evidence bundle still verify, held cases keep their content, and every other change is refused.
 */
class RetentionPurgeTest {

    private static EmbeddedLedger ledger;
    private static SigningKey key;

    private LegalHolds holds;
    private Retention retention;
    private Checkpointer checkpointer;
    private LedgerVerifier verifier;
    /** Past the three-year period of every seeded case, and of the hold records written now. */
    private final Instant asOf = Instant.now().plus(Duration.ofDays(4 * 366));

    @BeforeAll
    static void start(@TempDir Path keys) throws IOException {
        ledger = new EmbeddedLedger();
        key = SigningKey.load(keys.resolve("audit.pem"), true);
    }

    @AfterAll
    static void stop() throws IOException {
        ledger.close();
    }

    @BeforeEach
    void seed() {
        ledger.reset();
        LedgerAppender appender = new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4));
        ReportSeed.seed(ledger, appender);
        holds = new LegalHolds(ledger.jdbc, ledger.transactions, appender);
        retention = new Retention(
                ledger.jdbc,
                ledger.transactions,
                appender,
                new RetentionProperties(Period.ofYears(3), Period.ofMonths(6), Period.ofYears(3), Period.ofMonths(6)),
                EmbeddedLedger.properties(4));
        checkpointer = new Checkpointer(
                ledger.jdbc,
                ledger.transactions,
                true,
                Optional.of(key),
                List.of(),
                Optional.empty(),
                TsaTrust.none(),
                Clock.systemUTC());
        verifier = new LedgerVerifier(
                ledger.jdbc, ledger.transactions, KeyRing.of(List.of(key.publicKey())), TsaTrust.none());
    }

    /**
     * Calendar months in UTC, counted back from the purge run; the day a record is written is its day 1. c1 was viewed
     * on 2026-03-03T02:00Z and c4 at 03:00Z: six months later is 2026-09-03 (day 185), so both are kept on day 182
     * (2026-08-31) and on day 185 until the hour they were written; then each becomes purgeable.
     */
    @Test
    void anAccessLogIsKeptForSixCalendarMonthsAndPurgeableAfter() {
        assertThat(accessLogsPurged(Instant.parse("2026-08-31T03:45:00Z")))
                .as("day 182")
                .isZero();
        assertThat(accessLogsPurged(Instant.parse("2026-09-03T02:00:00Z")))
                .as("exactly six months")
                .isZero();
        assertThat(accessLogsPurged(Instant.parse("2026-09-03T02:30:00Z")))
                .as("c1's view, past six months")
                .isEqualTo(1);
        assertThat(accessLogsPurged(Instant.parse("2026-09-04T03:45:00Z")))
                .as("c4's view the next day")
                .isEqualTo(1);
        assertThat(ledger.rows().stream()
                        .filter(r -> r.eventType().equals(EventTypes.RETENTION_PURGED))
                        .count())
                .isEqualTo(4);
    }

    /**
     * Labelling Measures Art. 9 on the calendar: an output provided without the label on 2026-03-03T02:00Z (day 1) is
     * kept through day 182 (2026-08-31) and until six calendar months have passed, then purgeable; the purge runs on
     * a clock the test moves, as the nightly run does, and leaves the record's hash in the chain.
     */
    @Test
    void anUnlabelledOutputLogIsKeptOnDay182AndPurgeableAfterSixMonths() {
        Instant provided = Instant.parse("2026-03-03T02:00:00Z");
        new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4))
                .appendAll(List.of(ledger.record(
                        Topics.UNLABELLED_OUTPUTS,
                        new UnlabelledOutputReported(
                                UUID.randomUUID(), provided, null, "platform-a", "acct-7", "P-42", provided, "UA-8"))));
        MovingClock clock = new MovingClock(provided);
        Retention nightly = new Retention(
                ledger.jdbc,
                ledger.transactions,
                new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4)),
                new RetentionProperties(Period.ofYears(3), Period.ofMonths(6), Period.ofYears(3), Period.ofMonths(6)),
                EmbeddedLedger.properties(4).restrictedRole(),
                clock);

        clock.advance(Duration.ofDays(181).plusHours(1));
        assertThat(unlabelledPurged(nightly, clock.instant())).as("day 182").isZero();
        assertThat(nightly.due(clock.instant()).classes())
                .filteredOn(c -> c.recordClass() == RecordClass.UNLABELLED_OUTPUTS)
                .singleElement()
                .satisfies(c -> assertThat(c.recordsDue()).isZero());
        clock.advance(Duration.ofDays(3).minusHours(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-09-03T02:00:00Z"));
        assertThat(unlabelledPurged(nightly, clock.instant()))
                .as("exactly six months")
                .isZero();
        clock.advance(Duration.ofMinutes(30));
        assertThat(nightly.due(clock.instant()).classes())
                .filteredOn(c -> c.recordClass() == RecordClass.UNLABELLED_OUTPUTS)
                .singleElement()
                .satisfies(c -> assertThat(c.recordsDue()).isOne());
        assertThat(unlabelledPurged(nightly, clock.instant()))
                .as("past six months")
                .isOne();
        assertThat(ledger.rows())
                .filteredOn(r -> Topics.UNLABELLED_OUTPUTS.equals(r.topic()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.payload()).isNull();
                    assertThat(r.purgeClass()).isEqualTo(RecordClass.UNLABELLED_OUTPUTS.name());
                });
        assertThat(verifier.verify().intact()).isTrue();
    }

    private static long unlabelledPurged(Retention retention, Instant asOf) {
        return retention.purge(asOf).stream()
                .filter(p -> p.recordClass() == RecordClass.UNLABELLED_OUTPUTS)
                .mapToLong(Purged::records)
                .sum();
    }

    private long accessLogsPurged(Instant asOf) {
        return retention.purge(asOf).stream()
                .filter(p -> p.recordClass() == RecordClass.ACCESS_LOGS)
                .mapToLong(Purged::records)
                .sum();
    }

    @Test
    void purgesDueContentWhileChainCheckpointsAndBundleStillVerify() throws IOException {
        holds.place("c4", "admin-1", "litigation pending");
        assertThat(checkpointer.run()).isNotEmpty();

        List<Purged> purged = retention.purge(asOf);

        // case files: c1 4, c2 6, c3 2, c5 1, c6 2 (c4 held); access logs: c1's view (c4's is held)
        assertThat(purged)
                .extracting(Purged::recordClass, Purged::records)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RecordClass.CASE_FILES, 15L),
                        org.assertj.core.groups.Tuple.tuple(RecordClass.ACCESS_LOGS, 1L),
                        org.assertj.core.groups.Tuple.tuple(RecordClass.INBOUND_NOTICES, 0L),
                        org.assertj.core.groups.Tuple.tuple(RecordClass.UNLABELLED_OUTPUTS, 0L));
        List<LedgerRecord> rows = ledger.rows();
        assertThat(rows.stream().filter(r -> "c1".equals(r.caseId())))
                .hasSize(5)
                .allSatisfy(r -> {
                    assertThat(r.payload()).isNull();
                    assertThat(r.payloadSalt()).isNull();
                    assertThat(r.payloadCommitment()).hasSize(64);
                    assertThat(r.purgedAt()).isNotNull();
                });
        assertThat(rows.stream().filter(r -> "c1".equals(r.caseId())).map(LedgerRecord::purgeClass))
                .containsExactly("CASE_FILES", "CASE_FILES", "CASE_FILES", "CASE_FILES", "ACCESS_LOGS");
        assertThat(rows.stream().filter(r -> "c4".equals(r.caseId())))
                .as("a held case keeps its content")
                .hasSize(7)
                .allSatisfy(r -> assertThat(r.payload()).isNotNull());

        // the purge is itself a record: counts and cutoffs, no content
        LedgerRecord fact = rows.stream()
                .filter(r -> r.eventType().equals(EventTypes.RETENTION_PURGED))
                .findFirst()
                .orElseThrow();
        assertThat(fact.caseId()).isNull();
        assertThat(fact.payload())
                .contains(
                        "\"recordClass\":\"CASE_FILES\"",
                        "\"purged\":15",
                        "\"recordClass\":\"ACCESS_LOGS\"",
                        "\"purged\":1")
                .doesNotContain("c1", "mod-1");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        ChainStatus status = verifier.verify();
        assertThat(status.intact()).as(status.toString()).isTrue();
        assertThat(status.purged())
                .containsExactly(
                        "content purged under retention (ACCESS_LOGS, " + today + "): 1 record(s)",
                        "content purged under retention (CASE_FILES, " + today + "): 15 record(s)");
        assertThat(checkpointer.run())
                .as("later checkpoints cover the purged records too")
                .isNotEmpty();
        assertThat(verifier.verify().intact()).isTrue();

        byte[] bundle = new EvidenceBundle(
                        ledger.jdbc, ledger.transactions, KeyRing.of(List.of(key.publicKey())), TsaTrust.none())
                .export("c1")
                .orElseThrow();
        BundleVerifier.Report report =
                BundleVerifier.verify(bundle, KeyRing.of(List.of(key.publicKey())), TsaTrust.none());
        assertThat(report.intact()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.lines())
                .filteredOn(l -> l.contains("content purged under retention (CASE_FILES, "))
                .hasSize(4);
        assertThat(entry(bundle, EvidenceBundle.RECORDS))
                .contains("\"purged\":{\"at\":\"")
                .doesNotContain("\"payload\":", "payloadSalt");

        assertThat(retention.purge(asOf))
                .as("only the first run's own record, past the period as of then")
                .extracting(Purged::records)
                .containsExactly(1L, 0L, 0L, 0L);
    }

    @Test
    void aReleasedHoldLetsTheNextRunPurgeTheCase() {
        holds.place("c4", "admin-1", "litigation pending");
        retention.purge(asOf);
        assertThat(ledger.rows().stream().filter(r -> "c4".equals(r.caseId())))
                .allSatisfy(r -> assertThat(r.purged()).isFalse());

        holds.release("c4", "admin-1", "settled");
        retention.purge(asOf);

        assertThat(ledger.rows().stream().filter(r -> "c4".equals(r.caseId())))
                .hasSize(8)
                .allSatisfy(r -> assertThat(r.purged()).isTrue());
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseAllowsNoOtherChange() {
        holds.place("c4", "admin-1", "litigation pending");
        retention.purge(asOf);

        // the application's ledger role: no UPDATE, DELETE or TRUNCATE privilege at all, not even for a purge
        for (String sql : List.of(
                "update audit_ledger set payload = null, payload_salt = null, purged_at = now(),"
                        + " purge_class = 'CASE_FILES' where case_id = 'c4'",
                "update audit_ledger set actor = 'mallory' where case_id = 'c1'",
                "delete from audit_ledger where case_id = 'c1'",
                "truncate audit_ledger")) {
            assertThatThrownBy(() -> asLedgerRole(sql))
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("permission denied for table audit_ledger");
        }
        assertThat(asLedgerRoleCount("select audit_ledger_purge(array_agg(chain), array_agg(seq), 'CASE_FILES',"
                        + " now()) from audit_ledger where case_id = 'c4'"))
                .as("the function spares held cases")
                .isZero();

        // the owner, past the privileges: the trigger allows only the purge transition of an unheld format-4 row
        for (String sql : List.of(
                "update audit_ledger set actor = 'mallory' where case_id = 'c1' and event_type like '%decided%'",
                "update audit_ledger set payload = '{}', payload_salt = '\\x00112233445566778899aabbccddeeff',"
                        + " purged_at = null, purge_class = null where case_id = 'c1' and topic = 'takedown.measures'",
                "update audit_ledger set payload = '{}' where case_id = 'c1' and topic = 'takedown.measures'",
                "update audit_ledger set purge_class = 'ACCESS_LOGS', purged_at = now() where case_id = 'c1'"
                        + " and topic = 'takedown.measures'",
                "update audit_ledger set payload = null, payload_salt = null, purged_at = now(),"
                        + " purge_class = 'CASE_FILES', hash = repeat('0', 64) where case_id = 'c2'",
                "update audit_ledger set payload = null, payload_salt = null, purged_at = now(),"
                        + " purge_class = 'CASE_FILES' where case_id = 'c4'")) {
            assertThatThrownBy(() -> ledger.jdbc.update(sql))
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only: UPDATE refused");
        }
        assertThatThrownBy(() -> ledger.jdbc.update("delete from audit_ledger where case_id = 'c1'"))
                .hasMessageContaining("append-only: DELETE refused");
        assertThatThrownBy(() -> ledger.jdbc.execute("truncate audit_ledger"))
                .hasMessageContaining("append-only: TRUNCATE refused");
        assertThat(verifier.verify().intact()).isTrue();

        // a superuser who disables the triggers and puts other content back under the commitment is named
        ledger.tamper("update audit_ledger set payload = '{\"forged\":true}',"
                + " payload_salt = '\\x00112233445566778899aabbccddeeff', purged_at = null, purge_class = null"
                + " where case_id = 'c1' and topic = 'takedown.measures'");
        LedgerRecord restored = ledger.rows().stream()
                .filter(r -> "c1".equals(r.caseId()) && r.topic().equals("takedown.measures"))
                .findFirst()
                .orElseThrow();
        ChainStatus status = verifier.verify();
        assertThat(status.intact()).isFalse();
        assertThat(status.chain()).isEqualTo(restored.chain());
        assertThat(status.firstBrokenSeq()).isEqualTo(restored.seq());
        assertThat(status.reason()).contains("payload does not match its commitment");
    }

    private void asLedgerRole(String sql) {
        new TransactionTemplate(ledger.transactions).executeWithoutResult(tx -> {
            ledger.jdbc.execute("set local role takedown_ledger");
            ledger.jdbc.execute(sql);
        });
    }

    private long asLedgerRoleCount(String sql) {
        return new TransactionTemplate(ledger.transactions).execute(tx -> {
            ledger.jdbc.execute("set local role takedown_ledger");
            return ledger.jdbc.queryForObject(sql, Long.class);
        });
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException(name + " is not in the bundle");
    }
}
