package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.takedown.audit.ComplianceReports;
import dev.takedown.audit.TransparencyReport;
import dev.takedown.events.AppealDecided;
import dev.takedown.events.AppealFiled;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.NoticeDecided;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.OutOfCourtDecided;
import dev.takedown.events.OutOfCourtDecisionImplemented;
import dev.takedown.events.OutOfCourtReferred;
import dev.takedown.events.PartyStandingChanged;
import dev.takedown.events.RemediationVerificationFailed;
import dev.takedown.events.RemediationVerified;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Art. 15(1)(a)–(e) and Art. 24(1)–(2) figures of a month on a fixed ledger, each worked out by hand below. Hours
 * are from 2026-03-01T00:00Z ({@link ReportSeed#at}):
 *
 * <pre>
 * o0 order of FR               received 2026-02-27 (before March: not counted)
 * o1 order of DE, COPYRIGHT     received 1, ACCEPT 2 by system (d-o1), DELETE 3        → 2 h to effect
 * o2 order of DE, TRADEMARK     received 2, ACCEPT 4 by mod (d-o2),    DELETE 8        → 6 h to effect
 * o3 order, no right or member state named (recorded before orders named it), received 5, undecided
 * t1 trusted flagger TOS_ONLY   received 1, ACCEPT 3 by mod (d-t1),    DEMOTE 3.5      → TERMS
 * n1 TOS_ONLY + COPYRIGHT       received 1, ACCEPT 2 by system (d-n1), DELETE 2.5      → LAW
 * n2 COPYRIGHT                  received 1, REJECT 2 by system (d-n2)
 * complaints: c-1 on d-n1 (MEASURE) REVERSE; c-2 on d-n2 (NO_ACTION) UPHOLD; c-3 on d-o2 (MEASURE) REVERSE
 * replay: a verification with 8 prompts blocked; a failing one with 2 prompts still generated
 * standing: uploader WARNED, uploader SUSPENDED, notifier SUSPENDED, uploader TERMINATED, uploader REINSTATED
 * x9: a measure on a case without a notice
 * out of court: r-1 referred 24, OVERTURNED 72 (2 days), implemented 73; r-2 referred 25, open
 * active recipients reported: 2026-02 900,000; 2026-03 1,100,000
 * </pre>
 */
class RegulatorFiguresTest {

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
        records.add(notice("o0", Instant.parse("2026-02-27T10:00:00Z"), "AUTHORITY_ORDER", List.of("COPYRIGHT"), "FR"));
        records.add(notice("o1", ReportSeed.at(1), "AUTHORITY_ORDER", List.of("COPYRIGHT"), "DE"));
        records.add(decided("o1", 2, TakedownEvent.SYSTEM, "d-o1", "ACCEPT"));
        records.add(applied("o1", 3, "DELETE"));
        records.add(notice("o2", ReportSeed.at(2), "AUTHORITY_ORDER", List.of("TRADEMARK"), "DE"));
        records.add(decided("o2", 4, "mod-1", "d-o2", "ACCEPT"));
        records.add(applied("o2", 8, "DELETE"));
        records.add(notice("o3", ReportSeed.at(5), "AUTHORITY_ORDER", List.of()));
        records.add(notice("t1", ReportSeed.at(1), "TRUSTED_FLAGGER", List.of("TOS_ONLY")));
        records.add(decided("t1", 3, "mod-1", "d-t1", "ACCEPT"));
        records.add(applied("t1", 3.5, "DEMOTE"));
        records.add(notice("n1", ReportSeed.at(1), "RIGHTS_HOLDER", List.of("TOS_ONLY", "COPYRIGHT")));
        records.add(decided("n1", 2, TakedownEvent.SYSTEM, "d-n1", "ACCEPT"));
        records.add(applied("n1", 2.5, "DELETE"));
        records.add(notice("n2", ReportSeed.at(1), "RIGHTS_HOLDER", List.of("COPYRIGHT")));
        records.add(decided("n2", 2, TakedownEvent.SYSTEM, "d-n2", "REJECT"));
        records.add(complaint("n1", 10, "c-1", "MEASURE", "d-n1"));
        records.add(complaintDecided("n1", 20, "c-1", "REVERSE", "MEASURE"));
        records.add(complaint("n2", 11, "c-2", "NO_ACTION", "d-n2"));
        records.add(complaintDecided("n2", 21, "c-2", "UPHOLD", "NO_ACTION"));
        records.add(complaint("o2", 12, "c-3", "MEASURE", "d-o2"));
        records.add(complaintDecided("o2", 22, "c-3", "REVERSE", "MEASURE"));
        records.add(event(new RemediationVerified(
                UUID.randomUUID(), ReportSeed.at(30), "o1", "system", "rem-1", "ch-1", List.of("m-1"), 8, null)));
        records.add(event(new RemediationVerificationFailed(
                UUID.randomUUID(),
                ReportSeed.at(31),
                "o1",
                "system",
                "rem-1",
                "ch-2",
                "FAILED",
                List.of("draw Ultraman", "Ultraman please"),
                null)));
        records.add(standing("n1", 40, "UPLOADER", "WARNED"));
        records.add(standing("n1", 41, "UPLOADER", "SUSPENDED"));
        records.add(standing("n2", 42, "NOTIFIER", "SUSPENDED"));
        records.add(standing("n1", 43, "UPLOADER", "TERMINATED"));
        records.add(standing("n1", 44, "UPLOADER", "REINSTATED"));
        records.add(applied("x9", 50, "DELETE"));
        records.add(event(new OutOfCourtReferred(
                UUID.randomUUID(),
                ReportSeed.at(24),
                "o2",
                "officer",
                "r-1",
                "d-o2",
                "ace",
                "ACE",
                "UPLOADER",
                "A-1")));
        records.add(event(new OutOfCourtReferred(
                UUID.randomUUID(),
                ReportSeed.at(25),
                "n1",
                "officer",
                "r-2",
                "d-n1",
                "ace",
                "ACE",
                "UPLOADER",
                "A-2")));
        records.add(event(new OutOfCourtDecided(
                UUID.randomUUID(), ReportSeed.at(72), "o2", "officer", "r-1", "OVERTURNED", "not infringing")));
        records.add(event(new OutOfCourtDecisionImplemented(
                UUID.randomUUID(), ReportSeed.at(73), "o2", "officer", "r-1", "LIFTED", List.of(), 1)));
        new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4)).appendAll(records);
        reports = new ComplianceReports(
                ledger.jdbc,
                ledger.transactions,
                new ReportProperties(
                        Duration.ofHours(24),
                        Map.of("2026-02", 900_000L, "2026-03", 1_100_000L),
                        "accounts that generated or viewed content in the month, deduplicated"));
        march = reports.transparency(MARCH_1, MARCH_31);
    }

    @AfterAll
    static void stop() throws IOException {
        ledger.close();
    }

    @Test
    void ordersOfAuthoritiesByCategoryAndMemberStateWithTheMedianTimeToGiveThemEffect() {
        assertThat(march.orders().received())
                .as("o1, o2, o3; o0 came in February")
                .isEqualTo(3);
        assertThat(march.orders().byCategory())
                .containsExactly(entry("COPYRIGHT", 1L), entry("TRADEMARK", 1L), entry("UNSPECIFIED", 1L));
        assertThat(march.orders().byMemberState())
                .as("by the authority's member state, as the Commission's template; o3 names none")
                .containsExactly(entry("DE", 2L), entry("UNSPECIFIED", 1L));
        assertThat(march.orders().givenEffect()).isEqualTo(2);
        assertThat(march.orders().medianHoursToEffect()).as("(2 h + 6 h) / 2").isEqualTo(4.0);
    }

    @Test
    void actionsOnNoticesSplitByTheLawOrTheTermsTheyRestOn() {
        assertThat(march.noticeActions().byBasis())
                .as("o1, o2, n1 (a right of law beside the terms) on the law; t1 on the terms alone; n2 took no action")
                .containsExactly(entry("LAW", 3L), entry("TERMS", 1L));
        assertThat(march.noticeActions().onTrustedFlaggersNotices()).isEqualTo(1);
    }

    @Test
    void ownInitiativeIsTheAccountMeasuresOfTheRepeatInfringerPolicy() {
        assertThat(march.ownInitiative().measuresWithoutNotice()).isEqualTo(1);
        assertThat(march.ownInitiative().accountMeasures())
                .as("the uploader's warning, suspension and termination; the notifier's suspension is Art. 23(2)")
                .containsExactly(entry("SUSPENDED", 1L), entry("TERMINATED", 1L), entry("WARNED", 1L));
        assertThat(march.ownInitiative().method()).contains("Art. 23(1)");
    }

    @Test
    void complaintsByTheDecisionTheyAreAgainst() {
        assertThat(march.complaintsBySubject()).containsExactly(entry("MEASURE", 2L), entry("NO_ACTION", 1L));
    }

    @Test
    void automatedMeansWithTheirErrorRateAndAccuracyAndHowEachIsComputed() {
        TransparencyReport.AutomatedMeans automated = march.automatedMeans();

        assertThat(automated.decisions()).as("d-o1, d-n1, d-n2").isEqualTo(3);
        assertThat(automated.complaintsDecided())
                .as("c-1 and c-2 were against automated decisions; c-3 against a moderator's")
                .isEqualTo(2);
        assertThat(automated.complaintsReversed()).isEqualTo(1);
        assertThat(automated.errorRate()).isEqualTo(0.5);
        assertThat(automated.errorRateMethod()).contains("reversed / decided");
        assertThat(automated.promptsBlocked()).isEqualTo(8);
        assertThat(automated.promptsGenerated()).isEqualTo(2);
        assertThat(automated.accuracy()).as("8 / (8 + 2)").isEqualTo(0.8);
        assertThat(automated.accuracyMethod()).contains("replay suites", "understates");
    }

    @Test
    void outOfCourtDisputesAndArticle23SuspensionsByKind() {
        assertThat(march.outOfCourt().referred()).isEqualTo(2);
        assertThat(march.outOfCourt().decidedByOutcome()).containsExactly(entry("OVERTURNED", 1L));
        assertThat(march.outOfCourt().medianDaysToDecision())
                .as("hour 24 to hour 72")
                .isEqualTo(2.0);
        assertThat(march.outOfCourt().implemented()).isEqualTo(1);
        assertThat(march.suspensions().suspended()).containsExactly(entry("NOTIFIER", 1L), entry("UPLOADER", 1L));
        assertThat(march.suspensions().terminated()).containsExactly(entry("UPLOADER", 1L));
    }

    @Test
    void averageMonthlyActiveRecipientsOverTheMonthsThePlatformReportedNamingTheOthers() {
        assertThat(march.activeRecipients().averageMonthly()).isEqualTo(1_100_000.0);
        assertThat(march.activeRecipients().monthsMissing()).isEmpty();

        TransparencyReport.ActiveRecipients spring = reports.transparency(
                        LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30))
                .activeRecipients();
        assertThat(spring.averageMonthly())
                .as("(900,000 + 1,100,000) / 2; April is not guessed")
                .isEqualTo(1_000_000.0);
        assertThat(spring.monthsReported()).containsExactly("2026-02", "2026-03");
        assertThat(spring.monthsMissing()).containsExactly("2026-04");
        assertThat(spring.method()).contains("deduplicated");
    }

    @Test
    void aReportedFigureNeedsAMonthACountAndTheMethod() {
        assertThatThrownBy(() -> new ReportProperties(Duration.ofHours(24), Map.of("March", 1L), "m"))
                .hasMessageContaining("'March' is not a month");
        assertThatThrownBy(() -> new ReportProperties(Duration.ofHours(24), Map.of("2026-03", -1L), "m"))
                .hasMessageContaining("at least 0");
        assertThatThrownBy(() -> new ReportProperties(Duration.ofHours(24), Map.of("2026-03", 1L), " "))
                .hasMessageContaining("recipients-method");
    }

    private static ConsumerRecord<String, String> notice(
            String caseId, Instant at, String notifierType, List<String> rights) {
        return notice(caseId, at, notifierType, rights, null);
    }

    private static ConsumerRecord<String, String> notice(
            String caseId, Instant at, String notifierType, List<String> rights, String memberState) {
        return event(new NoticeReceived(
                UUID.randomUUID(),
                at,
                caseId,
                "portal:org-a",
                "org-a",
                List.of("EU_DSA"),
                "API",
                1,
                NoticeReceived.PROCESS,
                null,
                notifierType,
                rights.isEmpty() ? null : rights.get(0),
                null,
                null,
                rights,
                memberState));
    }

    private static ConsumerRecord<String, String> decided(
            String caseId, double hours, String actor, String decisionId, String outcome) {
        return event(new NoticeDecided(
                UUID.randomUUID(),
                ReportSeed.at(hours),
                caseId,
                actor,
                decisionId,
                outcome,
                outcome.equals("ACCEPT") ? List.of("DELETE") : List.of(),
                null));
    }

    private static ConsumerRecord<String, String> applied(String caseId, double hours, String type) {
        return ledger.record(
                Topics.MEASURES,
                new MeasureApplied(
                        UUID.randomUUID(),
                        ReportSeed.at(hours),
                        caseId,
                        TakedownEvent.SYSTEM,
                        UUID.randomUUID().toString(),
                        type,
                        "https://x.example/" + caseId,
                        null));
    }

    private static ConsumerRecord<String, String> complaint(
            String caseId, double hours, String complaintId, String subject, String decisionId) {
        return event(new AppealFiled(
                UUID.randomUUID(),
                ReportSeed.at(hours),
                caseId,
                "uploader-1",
                complaintId,
                "UPLOADER",
                subject,
                decisionId));
    }

    private static ConsumerRecord<String, String> complaintDecided(
            String caseId, double hours, String complaintId, String outcome, String subject) {
        return event(new AppealDecided(
                UUID.randomUUID(),
                ReportSeed.at(hours),
                caseId,
                "senior-1",
                "a-" + complaintId,
                outcome,
                List.of(),
                "reasons",
                subject,
                complaintId));
    }

    private static ConsumerRecord<String, String> standing(String caseId, double hours, String party, String change) {
        return event(new PartyStandingChanged(
                UUID.randomUUID(),
                ReportSeed.at(hours),
                caseId,
                TakedownEvent.SYSTEM,
                "change-" + hours,
                party,
                party.equals("UPLOADER") ? "acct-1" : "org-b",
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

    private static ConsumerRecord<String, String> event(TakedownEvent event) {
        return ledger.record(Topics.NOTICE_EVENTS, event);
    }
}
