package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.takedown.audit.CaseOverview;
import dev.takedown.audit.CaseQuery;
import dev.takedown.audit.CaseSearch;
import dev.takedown.audit.CaseState;
import dev.takedown.audit.ComplianceReports;
import dev.takedown.audit.Disclosure;
import dev.takedown.audit.DisclosureFeed;
import dev.takedown.audit.SlaDashboard;
import dev.takedown.audit.TransparencyReport;
import dev.takedown.events.EnforcementRecorded;
import dev.takedown.events.LiftCause;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.PartyStandingChanged;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repeat-infringer policy's account measures in the figures, the case states and the disclosure feed: counted as
 * suspensions and terminations (from the standing changes), never as a decision's measure or lift. Hours are from
 * 2026-03-01T00:00Z ({@link ReportSeed#at}):
 *
 * <pre>
 * a1 EU_DSA  rights holder   received 1, ACCEPT 2 (mod-1), DELETE 3 (platform confirmed it at 4), policy SUSPENDS 3,
 *                            DELETE lifted on APPEAL 20
 * a2 EU_DSA  authority order received 1, ACCEPT 2 (system), no content measure, policy SUSPENDS 2 until 03-05
 *                            (platform confirmed it at 2.5), reinstated on EXPIRY 120
 * a3 CN_ECOM rights holder   received 1, ACCEPT 2 (mod-1), DELETE 3, policy TERMINATES 3
 * </pre>
 */
class AccountMeasureFiguresTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    private static EmbeddedLedger ledger;
    private static ComplianceReports reports;
    private static TransparencyReport march;

    @BeforeAll
    static void seed() throws IOException {
        ledger = new EmbeddedLedger();
        ledger.reset();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        records.add(notice("a1", "EU_DSA", "RIGHTS_HOLDER"));
        records.add(ReportSeed.decided(ledger, "a1", 2, "mod-1", "d-a1", "ACCEPT", List.of("DELETE"), null));
        records.add(applied("a1", 3, "DELETE", "content-a1", null, null));
        records.add(standing("a1", 3, "change-a1", "SUSPENDED"));
        records.add(applied("a1", 3, "ACCOUNT_SUSPEND", "account-a1", "change-a1", LocalDate.of(2026, 4, 1)));
        records.add(enforced("a1", 4, "content-a1", "DELETE"));
        records.add(lifted("a1", 20, "content-a1", LiftCause.APPEAL, null));
        records.add(notice("a2", "EU_DSA", "AUTHORITY_ORDER"));
        records.add(
                ReportSeed.decided(ledger, "a2", 2, TakedownEvent.SYSTEM, "d-a2", "ACCEPT", List.of("DELETE"), null));
        records.add(standing("a2", 2, "change-a2", "SUSPENDED"));
        records.add(applied("a2", 2, "ACCOUNT_SUSPEND", "account-a2", "change-a2", LocalDate.of(2026, 3, 5)));
        records.add(enforced("a2", 2.5, "account-a2", "ACCOUNT_SUSPEND"));
        records.add(standing("a2", 120, "change-a2b", "REINSTATED"));
        records.add(lifted("a2", 120, "account-a2", LiftCause.EXPIRY, "change-a2"));
        records.add(notice("a3", "CN_ECOM", "RIGHTS_HOLDER"));
        records.add(ReportSeed.decided(ledger, "a3", 2, "mod-1", "d-a3", "ACCEPT", List.of("DELETE"), null));
        records.add(applied("a3", 3, "DELETE", "content-a3", null, null));
        records.add(standing("a3", 3, "change-a3", "TERMINATED"));
        records.add(applied("a3", 3, "ACCOUNT_TERMINATE", "account-a3", "change-a3", null));
        new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4)).appendAll(records);
        reports = new ComplianceReports(
                ledger.jdbc, ledger.transactions, new ReportProperties(Duration.ofHours(24), null, null));
        march = reports.transparency(MARCH_1, MARCH_31);
    }

    @AfterAll
    static void stop() throws IOException {
        ledger.close();
    }

    @Test
    void aDecisionHasActionOnlyThroughItsOwnMeasures() {
        TransparencyReport.Decisions decisions = march.decisions();

        assertThat(decisions.total()).isEqualTo(3);
        assertThat(decisions.withAction())
                .as("a1 and a3; a2's only measure is the policy's suspension")
                .isEqualTo(2);
        assertThat(decisions.withoutAction()).isEqualTo(1);
        assertThat(decisions.actions()).isEqualTo(2);
        assertThat(decisions.medianHoursToAction()).isEqualTo(2.0);
        SlaDashboard.Day firstDay = reports.sla(MARCH_1, MARCH_1).days().get(0);
        assertThat(firstDay.measures())
                .as("cases whose first measure a decision imposed")
                .isEqualTo(2);
    }

    @Test
    void anOrderIsGivenEffectOnlyByAMeasureOnItsContent() {
        assertThat(march.orders().received()).isEqualTo(1);
        assertThat(march.orders().givenEffect())
                .as("suspending the uploader gives no effect to an order about content")
                .isZero();
        assertThat(march.orders().medianHoursToEffect()).isNull();
        assertThat(march.noticeActions().byBasis()).containsExactly(entry("LAW", 2L), entry("TERMS", 0L));
    }

    @Test
    void theEndOfASuspensionIsAReinstatementNotALift() {
        TransparencyReport.CounterNotices lifts = march.counterNotices();

        assertThat(lifts.measuresLifted())
                .as("a1's DELETE; not a2's reinstatement")
                .isEqualTo(1);
        assertThat(lifts.casesRestored()).isEqualTo(1);
        assertThat(lifts.liftedByCause()).containsExactly(entry("APPEAL", 1L));
    }

    @Test
    void accountMeasuresAreCountedOnceFromTheStandingChanges() {
        assertThat(march.ownInitiative().measuresWithoutNotice()).isZero();
        assertThat(march.ownInitiative().accountMeasures())
                .containsExactly(entry("SUSPENDED", 2L), entry("TERMINATED", 1L));
        assertThat(march.suspensions().suspended()).containsExactly(entry("UPLOADER", 2L));
        assertThat(march.suspensions().terminated()).containsExactly(entry("UPLOADER", 1L));
    }

    @Test
    void aCaseIsRestoredWhenItsDecisionsMeasuresAreWhateverTheAccountsStanding() {
        List<CaseOverview> cases = new CaseSearch(ledger.jdbc)
                .search(new CaseQuery(null, null, null, null, null, null, 0, 10))
                .cases();

        assertThat(cases)
                .extracting(CaseOverview::caseId, CaseOverview::state)
                .containsExactlyInAnyOrder(
                        tuple("a1", CaseState.RESTORED),
                        tuple("a2", CaseState.ACCEPTED),
                        tuple("a3", CaseState.ACTION_TAKEN));
    }

    @Test
    void theDisclosureFeedPublishesTheNoticesHandlingNotTheAccountsStanding() {
        List<Disclosure> items =
                new DisclosureFeed(ledger.jdbc).page(null, null, 50).items();

        assertThat(items)
                .extracting(Disclosure::kind)
                .containsExactly(Disclosure.Kind.NOTICE, Disclosure.Kind.DECISION, Disclosure.Kind.MEASURE_APPLIED);
        assertThat(items.get(2).measureType()).isEqualTo("DELETE");
    }

    private static ConsumerRecord<String, String> notice(String caseId, String profile, String notifierType) {
        return ledger.record(
                Topics.NOTICE_EVENTS,
                new NoticeReceived(
                        UUID.randomUUID(),
                        ReportSeed.at(1),
                        caseId,
                        "portal:org-a",
                        "org-a",
                        List.of(profile),
                        "API",
                        1,
                        NoticeReceived.PROCESS,
                        null,
                        notifierType,
                        "COPYRIGHT"));
    }

    private static ConsumerRecord<String, String> applied(
            String caseId, double hours, String type, String measureId, String changeId, LocalDate endsOn) {
        return ReportSeed.measure(ledger, caseId, hours, type, measureId, changeId, endsOn);
    }

    private static ConsumerRecord<String, String> lifted(
            String caseId, double hours, String measureId, LiftCause cause, String changeId) {
        return ledger.record(
                Topics.MEASURES,
                new MeasureLifted(
                        UUID.randomUUID(),
                        ReportSeed.at(hours),
                        caseId,
                        TakedownEvent.SYSTEM,
                        measureId,
                        "lifted",
                        2L,
                        cause.name(),
                        null,
                        null,
                        changeId == null ? null : "acct-7",
                        changeId));
    }

    private static ConsumerRecord<String, String> enforced(String caseId, double hours, String measureId, String type) {
        return ledger.record(
                Topics.NOTICE_EVENTS,
                new EnforcementRecorded(
                        UUID.randomUUID(),
                        ReportSeed.at(hours),
                        caseId,
                        "kafka-org:platform",
                        measureId,
                        type,
                        null,
                        1,
                        EnforcementRecorded.Outcome.ENFORCED,
                        null,
                        ReportSeed.at(hours)));
    }

    private static ConsumerRecord<String, String> standing(
            String caseId, double hours, String changeId, String change) {
        Instant at = ReportSeed.at(hours);
        return ledger.record(
                Topics.NOTICE_EVENTS,
                new PartyStandingChanged(
                        UUID.randomUUID(),
                        at,
                        caseId,
                        TakedownEvent.SYSTEM,
                        changeId,
                        "UPLOADER",
                        "acct-7",
                        change,
                        null,
                        1,
                        1,
                        1,
                        1,
                        1,
                        0,
                        "P90D",
                        null));
    }
}
