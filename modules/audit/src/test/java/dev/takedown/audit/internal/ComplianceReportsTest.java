package dev.takedown.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.takedown.audit.ComplianceReports;
import dev.takedown.audit.SlaDashboard;
import dev.takedown.audit.TransparencyReport;
import dev.takedown.events.EnforcementRecorded;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Report figures against the seeded ledger of {@link ReportSeed}, whose answers are worked out by hand. */
class ComplianceReportsTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

    private static EmbeddedLedger ledger;
    private static ComplianceReports reports;

    @BeforeAll
    static void seed() throws IOException {
        ledger = new EmbeddedLedger();
        ledger.reset();
        ReportSeed.seed(ledger, new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4)));
        reports = new ComplianceReports(
                ledger.jdbc, ledger.transactions, new ReportProperties(Duration.ofHours(24), null, null));
    }

    @AfterAll
    static void stop() throws IOException {
        ledger.close();
    }

    @Test
    void countsNoticesByCategorySourceProfileAndDisposition() {
        TransparencyReport.Notices notices =
                reports.transparency(MARCH_1, MARCH_2).notices();

        assertThat(notices.total()).isEqualTo(5);
        assertThat(notices.fromTrustedFlaggers()).isEqualTo(1);
        assertThat(notices.byCategory())
                .as("the claim-type vocabulary; free text recorded before it counts as OTHER_ILLEGAL")
                .containsExactly(
                        java.util.Map.entry("COPYRIGHT_REPRODUCTION", 3L), java.util.Map.entry("OTHER_ILLEGAL", 2L));
        assertThat(notices.bySource())
                .containsExactly(java.util.Map.entry("RIGHTS_HOLDER", 4L), java.util.Map.entry("TRUSTED_FLAGGER", 1L));
        assertThat(notices.byProfile())
                .containsExactly(
                        java.util.Map.entry("CN_ECOM", 2L),
                        java.util.Map.entry("EU_DSA", 2L),
                        java.util.Map.entry("US_DMCA", 1L));
        assertThat(notices.byDisposition())
                .containsExactly(java.util.Map.entry("JOINED", 1L), java.util.Map.entry("PROCESS", 4L));
    }

    @Test
    void decisionsAreFirstInstanceWithMediansFromReceipt() {
        TransparencyReport.Decisions decisions =
                reports.transparency(MARCH_1, MARCH_2).decisions();

        // c1 2 h, c2 4 h, c4 26 h (system), c3 30 h (reject); the CONFIRM of c1 and c6 (February) do not count
        assertThat(decisions.total()).isEqualTo(4);
        assertThat(decisions.withAction()).isEqualTo(3);
        assertThat(decisions.withoutAction()).isEqualTo(1);
        assertThat(decisions.automated()).isEqualTo(1);
        assertThat(decisions.medianHoursToDecision()).isEqualTo(15.0);
        // first measures: c1 3 h, c2 5 h, c4 27 h
        assertThat(decisions.actions()).isEqualTo(3);
        assertThat(decisions.medianHoursToAction()).isEqualTo(5.0);
    }

    @Test
    void complaintsAndCounterNotices() {
        TransparencyReport report = reports.transparency(MARCH_1, MARCH_2);

        assertThat(report.complaints()).isEqualTo(new TransparencyReport.Complaints(1, 1, 1, 6.0));
        assertThat(report.counterNotices())
                .isEqualTo(new TransparencyReport.CounterNotices(
                        1, 2, 2, new java.util.TreeMap<>(java.util.Map.of("COUNTER_NOTICE", 1L, "NOT_RECORDED", 1L))));
        assertThat(report.counterNotices().liftedByCause().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("c2's lift, recorded before lifts named a cause, is reported, not dropped")
                .isEqualTo(report.counterNotices().measuresLifted());
    }

    @Test
    void eachFigureIsAnchoredOnItsOwnDay() {
        TransparencyReport firstDay = reports.transparency(MARCH_1, MARCH_1);

        assertThat(firstDay.notices().total()).isEqualTo(5);
        // c3 and c4 were decided on 2 March
        assertThat(firstDay.decisions().total()).isEqualTo(2);
        assertThat(firstDay.decisions().medianHoursToDecision()).isEqualTo(3.0);
        assertThat(firstDay.complaints().decided()).isEqualTo(1);
        assertThat(firstDay.counterNotices())
                .isEqualTo(new TransparencyReport.CounterNotices(
                        0, 1, 1, new java.util.TreeMap<>(java.util.Map.of("NOT_RECORDED", 1L))));

        TransparencyReport empty = reports.transparency(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
        assertThat(empty.notices().total()).isZero();
        assertThat(empty.notices().byCategory()).isEmpty();
        assertThat(empty.decisions().medianHoursToDecision()).isNull();
        assertThat(empty.complaints().medianHoursToDecide()).isNull();
    }

    @Test
    void slaDashboardPerDayWithMediansP90AndBreaches() {
        SlaDashboard sla = reports.sla(MARCH_1, MARCH_2);

        assertThat(sla.targetHours()).isEqualTo(24.0);
        assertThat(sla.decisions()).isEqualTo(4);
        assertThat(sla.breaches()).isEqualTo(2);
        SlaDashboard.Day first = sla.days().get(0);
        assertThat(first.day()).isEqualTo(MARCH_1);
        assertThat(first.decisions()).isEqualTo(2);
        assertThat(first.medianHoursToDecision()).isEqualTo(3.0);
        assertThat(first.p90HoursToDecision()).isCloseTo(3.8, within(1e-9));
        assertThat(first.breaches()).isZero();
        assertThat(first.measures()).isEqualTo(2);
        assertThat(first.medianHoursToMeasure()).isEqualTo(4.0);
        assertThat(first.p90HoursToMeasure()).isCloseTo(4.8, within(1e-9));
        SlaDashboard.Day second = sla.days().get(1);
        assertThat(second.decisions()).isEqualTo(2);
        assertThat(second.medianHoursToDecision()).isEqualTo(28.0);
        assertThat(second.p90HoursToDecision()).isCloseTo(29.6, within(1e-9));
        assertThat(second.breaches()).isEqualTo(2);
        assertThat(second.measures()).isEqualTo(1);
        assertThat(second.medianHoursToMeasure()).isEqualTo(27.0);
    }

    /**
     * Removal is the platform's confirmation of the case's first measure, at the platform's time: a failure, a lift's
     * confirmation and a later confirmation of another measure do not count. In May, apart from the seed.
     */
    @Test
    void timeToRemovalRunsFromTheNoticeToThePlatformsConfirmation() {
        LocalDate may1 = LocalDate.of(2026, 5, 1);
        double may = Duration.between(ReportSeed.T, may1.atStartOfDay().toInstant(ZoneOffset.UTC))
                .toHours();
        new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4))
                .appendAll(List.of(
                        ReportSeed.notice(
                                ledger,
                                "e1",
                                may,
                                "org-a",
                                List.of("EU_DSA"),
                                "RIGHTS_HOLDER",
                                "X",
                                NoticeReceived.PROCESS,
                                null),
                        enforcement("e1", may + 5, may + 1, EnforcementRecorded.Outcome.FAILED),
                        enforcement("e1", may + 5, may + 2, EnforcementRecorded.Outcome.ENFORCED),
                        enforcement("e1", may + 5, may + 3, EnforcementRecorded.Outcome.ENFORCED),
                        enforcement("e1", may + 9, may + 8, EnforcementRecorded.Outcome.LIFT_ENFORCED),
                        ReportSeed.notice(
                                ledger,
                                "e2",
                                may,
                                "org-a",
                                List.of("EU_DSA"),
                                "RIGHTS_HOLDER",
                                "X",
                                NoticeReceived.PROCESS,
                                null),
                        enforcement("e2", may + 7, may + 6, EnforcementRecorded.Outcome.ENFORCED)));

        SlaDashboard.Day day = reports.sla(may1, may1).days().get(0);

        assertThat(day.removals()).isEqualTo(2);
        assertThat(day.medianHoursToRemoval())
                .as("2 h and 6 h after the notice")
                .isEqualTo(4.0);
        assertThat(day.measures())
                .as("no measure was published in the ledger that day")
                .isZero();

        TransparencyReport.Decisions report = reports.transparency(may1, may1).decisions();
        assertThat(report.removals()).isEqualTo(2);
        assertThat(report.medianHoursToRemoval())
                .as("the same removals in the transparency report: 2 h and 6 h after the notice")
                .isEqualTo(4.0);
        assertThat(ReportCsv.transparency(reports.transparency(may1, may1)))
                .contains("decisions,removals,2\r\n", "decisions,median_hours_to_removal,4.0\r\n");
        assertThat(reports.transparency(MARCH_1, MARCH_2).decisions().removals())
                .as("nothing confirmed in March: published measures are no removals")
                .isZero();
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecord<String, String> enforcement(
            String caseId, double recordedHours, double platformHours, EnforcementRecorded.Outcome outcome) {
        return ledger.record(
                Topics.NOTICE_EVENTS,
                new EnforcementRecorded(
                        UUID.randomUUID(),
                        ReportSeed.at(recordedHours),
                        caseId,
                        "kafka-org:platform",
                        UUID.randomUUID().toString(),
                        "DELETE",
                        "https://gen.example/p/" + caseId,
                        1,
                        outcome,
                        outcome == EnforcementRecorded.Outcome.FAILED ? "TRANSIENT" : null,
                        ReportSeed.at(platformHours)));
    }

    @Test
    void slaTargetChangesBreachesAndEmptyDaysAreKept() {
        SlaDashboard sla = reports.sla(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 3), Duration.ofHours(28));

        assertThat(sla.days())
                .extracting(SlaDashboard.Day::day)
                .containsExactly(LocalDate.of(2026, 2, 28), MARCH_1, MARCH_2, LocalDate.of(2026, 3, 3));
        assertThat(sla.days().get(0).decisions()).isZero();
        assertThat(sla.days().get(0).medianHoursToDecision()).isNull();
        // only c3 (30 h) is later than 28 h
        assertThat(sla.breaches()).isEqualTo(1);
    }

    @Test
    void refusesReversedRangesAndNonPositiveTargets() {
        assertThatThrownBy(() -> reports.transparency(MARCH_2, MARCH_1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports.sla(MARCH_1, MARCH_2, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports.sla(MARCH_1, MARCH_1.plusYears(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvCarriesTheVocabularyNotTheFormula() {
        String csv = ReportCsv.transparency(reports.transparency(MARCH_1, MARCH_2));

        assertThat(csv).startsWith("section,item,value\r\nperiod,from,2026-03-01\r\nperiod,to,2026-03-02\r\n");
        // the formula a notifier typed as its right is no category: it counts as OTHER_ILLEGAL, never exported
        assertThat(csv).contains("notices_by_category,OTHER_ILLEGAL,2\r\n");
        assertThat(csv).doesNotContain("HYPERLINK");
        assertThat(csv)
                .contains(
                        "notices,total,5\r\n",
                        "notices,from_trusted_flaggers,1\r\n",
                        "notices_by_source,TRUSTED_FLAGGER,1\r\n",
                        "decisions,median_hours_to_decision,15.0\r\n",
                        "decisions,median_hours_to_action,5.0\r\n",
                        "complaints,reversed,1\r\n",
                        "counter_notices,measures_lifted,2\r\n",
                        "lifts_by_cause,COUNTER_NOTICE,1\r\n",
                        "lifts_by_cause,NOT_RECORDED,1\r\n");
    }

    @Test
    void everyFormulaPrefixIsNeutralised() {
        assertThat(ReportCsv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(ReportCsv.cell("+1")).isEqualTo("'+1");
        assertThat(ReportCsv.cell("-1")).isEqualTo("'-1");
        assertThat(ReportCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(ReportCsv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(ReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReportCsv.cell("plain")).isEqualTo("plain");
        assertThat(ReportCsv.cell(null)).isEmpty();
    }
}
