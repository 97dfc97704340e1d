package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takedown.audit.AuditTrail;
import dev.takedown.audit.LedgerRecord;
import dev.takedown.audit.LegalHold;
import dev.takedown.audit.LegalHolds;
import dev.takedown.audit.Retention;
import dev.takedown.audit.RetentionReport;
import dev.takedown.audit.RetentionReport.ClassDue;
import dev.takedown.audit.RetentionReport.RecordClass;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Legal holds are ledger facts; retention reports what is due and spares held cases. */
class LegalHoldRetentionTest {

    private static EmbeddedLedger ledger;

    private LegalHolds holds;
    private Retention retention;
    private AuditTrail trail;

    @BeforeAll
    static void startPostgres() throws IOException {
        ledger = new EmbeddedLedger();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
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
        trail = new AuditTrail(
                ledger.jdbc,
                ledger.transactions,
                new Checkpointer(
                        ledger.jdbc,
                        ledger.transactions,
                        true,
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        TsaTrust.none(),
                        Clock.systemUTC()));
    }

    @Test
    void placingAndReleasingAHoldAreChainedLedgerRecords() {
        LegalHold hold = holds.place("c4", "admin-1", " litigation pending ").orElseThrow();

        assertThat(hold.caseId()).isEqualTo("c4");
        assertThat(hold.placedBy()).isEqualTo("admin-1");
        assertThat(hold.reason()).isEqualTo("litigation pending");
        assertThat(holds.find("c4")).contains(hold);
        // placing it again changes nothing and records nothing
        assertThat(holds.place("c4", "admin-2", "again")).contains(hold);
        assertThat(holds.release("c4", "admin-2", "settled")).contains(hold);
        assertThat(holds.release("c4", "admin-2", "settled")).isEmpty();
        assertThat(holds.all()).isEmpty();

        List<LedgerRecord> facts = trail.caseTimeline("c4").stream()
                .filter(r -> r.topic().equals(LedgerAppender.INTERNAL_TOPIC))
                .toList();
        assertThat(facts)
                .extracting(LedgerRecord::eventType)
                .containsExactly(EventTypes.LEGAL_HOLD_PLACED, EventTypes.LEGAL_HOLD_RELEASED);
        assertThat(facts).extracting(LedgerRecord::actor).containsExactly("admin-1", "admin-2");
        assertThat(facts.get(0).payload())
                .isEqualTo("{\"actor\":\"admin-1\",\"caseId\":\"c4\",\"reason\":\"litigation pending\"}");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aHoldNeedsAKnownCaseAndAReason() {
        assertThat(holds.place("no-such-case", "admin-1", "because")).isEmpty();
        assertThatThrownBy(() -> holds.place("c1", "admin-1", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(holds.all()).isEmpty();
    }

    @Test
    void caseFilesAreDueThreeYearsAfterTheirLastRecordUnlessHeld() {
        holds.place("c4", "admin-1", "litigation pending");

        // the hold itself is a c4 record of 2026 (now): c4 is not due and not counted as held either
        ClassDue early = caseFiles(retention.due(Instant.parse("2029-03-10T00:00:00Z")));
        assertThat(early.cutoff()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(early.casesDue()).isEqualTo(5);
        // by last record: c6 (February), c1 at 4 h, c5 at 5 h, c2 at 17 h, c3 at 33 h
        assertThat(early.sample()).containsExactly("c6", "c1", "c5", "c2", "c3");
        assertThat(early.casesHeld()).isZero();

        ClassDue later = caseFiles(retention.due(Instant.now().plus(java.time.Duration.ofDays(4 * 366))));
        assertThat(later.casesDue()).isEqualTo(5);
        assertThat(later.casesHeld()).isEqualTo(1);
        assertThat(later.sample()).doesNotContain("c4");
        // c1 4 (notice, decision, confirmation, measure), c2 6, c3 2, c5 1, c6 2
        assertThat(later.recordsDue()).isEqualTo(15);
    }

    @Test
    void accessLogsAreDueRecordByRecordAfterSixMonths() {
        holds.place("c4", "admin-1", "litigation pending");

        RetentionReport report = retention.due(Instant.parse("2026-10-01T00:00:00Z"));

        ClassDue logs = report.classes().stream()
                .filter(c -> c.recordClass() == RecordClass.ACCESS_LOGS)
                .findFirst()
                .orElseThrow();
        assertThat(logs.period()).isEqualTo(Period.ofMonths(6));
        assertThat(logs.recordsDue()).isEqualTo(1);
        assertThat(logs.casesDue()).isEqualTo(1);
        assertThat(logs.casesHeld()).isEqualTo(1);
        assertThat(logs.sample()).containsExactly("c1");
        assertThat(caseFiles(report).recordsDue()).isZero();
        // nothing was deleted
        assertThat(ledger.jdbc.queryForObject("select count(*) from audit_ledger", Long.class))
                .isEqualTo(23);
    }

    private static ClassDue caseFiles(RetentionReport report) {
        return report.classes().stream()
                .filter(c -> c.recordClass() == RecordClass.CASE_FILES)
                .findFirst()
                .orElseThrow();
    }
}
