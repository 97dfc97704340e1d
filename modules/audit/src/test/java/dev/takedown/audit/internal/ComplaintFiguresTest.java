package dev.takedown.audit.internal;

import static dev.takedown.audit.internal.ReportSeed.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.audit.ComplianceReports;
import dev.takedown.audit.Disclosure;
import dev.takedown.audit.DisclosureFeed;
import dev.takedown.audit.TransparencyReport;
import dev.takedown.events.AppealDecided;
import dev.takedown.events.AppealFiled;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A case may hold several complaints (DSA Art. 20), each against its own decision: each counts in the Art. 15
 * figures with its own time to decide, and one against a suspension decides a party's standing, so it is no decision
 * on the notice in the public disclosure feed.
 */
class ComplaintFiguresTest {

    private static EmbeddedLedger ledger;

    @BeforeAll
    static void seed() throws IOException {
        ledger = new EmbeddedLedger();
        ledger.reset();
        List<ConsumerRecord<String, String>> records = List.of(
                ReportSeed.notice(
                        ledger,
                        "c1",
                        1,
                        "org-a",
                        List.of("CN_ECOM"),
                        "RIGHTS_HOLDER",
                        "COPYRIGHT_REPRODUCTION",
                        NoticeReceived.PROCESS,
                        null),
                ReportSeed.decided(ledger, "c1", 2, "mod-1", "d-1", "REJECT", List.of(), "not the work"),
                // the notifier complains against the rejection, then against the suspension that followed from it
                filed(3, "complaint-1", "NOTIFIER", "NO_ACTION", "d-1"),
                filed(4, "complaint-2", "NOTIFIER", "SUSPENSION", "s-1"),
                decided(6, "complaint-2", "REVERSE", "SUSPENSION"),
                decided(13, "complaint-1", "UPHOLD", "NO_ACTION"));
        new LedgerAppender(ledger.jdbc, ledger.transactions, EmbeddedLedger.properties(4)).appendAll(records);
    }

    @AfterAll
    static void stop() throws IOException {
        ledger.close();
    }

    @Test
    void eachComplaintCountsWithItsOwnTimeToDecide() {
        TransparencyReport report = new ComplianceReports(
                        ledger.jdbc, ledger.transactions, new ReportProperties(Duration.ofHours(24), null, null))
                .transparency(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1));

        // 10 h and 2 h from filing; the median of two is their mean
        assertThat(report.complaints()).isEqualTo(new TransparencyReport.Complaints(2, 2, 1, 6.0));
    }

    @Test
    void aComplaintAgainstASuspensionIsNoDecisionOnTheNotice() {
        List<Disclosure> disclosed =
                new DisclosureFeed(ledger.jdbc).page(null, null, 50).items();

        assertThat(disclosed)
                .extracting(Disclosure::kind, Disclosure::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Disclosure.Kind.NOTICE, null),
                        org.assertj.core.groups.Tuple.tuple(Disclosure.Kind.DECISION, "REJECT"),
                        org.assertj.core.groups.Tuple.tuple(Disclosure.Kind.DECISION, "UPHOLD"));
    }

    private static ConsumerRecord<String, String> filed(
            double hours, String complaintId, String role, String subject, String decisionId) {
        return ledger.record(
                Topics.NOTICE_EVENTS,
                new AppealFiled(UUID.randomUUID(), at(hours), "c1", "org-a", complaintId, role, subject, decisionId));
    }

    private static ConsumerRecord<String, String> decided(
            double hours, String complaintId, String outcome, String subject) {
        return ledger.record(
                Topics.NOTICE_EVENTS,
                new AppealDecided(
                        UUID.randomUUID(),
                        at(hours),
                        "c1",
                        "mod-3",
                        "decision-of-" + complaintId,
                        outcome,
                        List.of(),
                        "reasons",
                        subject,
                        complaintId));
    }
}
