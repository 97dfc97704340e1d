package dev.takedown.audit.internal;

import dev.takedown.events.AppealDecided;
import dev.takedown.events.AppealFiled;
import dev.takedown.events.CaseViewed;
import dev.takedown.events.CounterNoticeFiled;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.NoticeDecided;
import dev.takedown.events.NoticeReceived;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.TakedownEvent;
import dev.takedown.events.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Six cases with known answers, appended through the real appender. Hours are from {@link #T} (2026-03-01T00:00Z):
 *
 * <pre>
 * c1 EU_DSA  RIGHTS_HOLDER   org-a  received 1  ACCEPT 3 (mod-1), CONFIRM 3.5 (mod-2), DELETE …/1.png at 4
 * c2 EU_DSA  TRUSTED_FLAGGER org-b  received 2  ACCEPT 6, PROMPT_FILTER "Ultraman" at 7, appeal 10, REVERSE 16, lifted 17
 * c3 CN_ECOM RIGHTS_HOLDER   org-c  received 3  REJECT 33 (reason with an email and a phone number); right type is
 *                                               a spreadsheet formula
 * c4 CN_ECOM RIGHTS_HOLDER   org-a  received 4  ACCEPT 30 by "system", DELETE shop URL at 31, counter-notice 40,
 *                                               lifted 45 (COUNTER_NOTICE; c2's lift names no cause, as before
 *                                               lifts named one)
 * c5 US_DMCA RIGHTS_HOLDER   org-b  received 5  JOINED c1
 * c6 EU_DSA  RIGHTS_HOLDER   org-a  received 2026-02-20T10:00, ACCEPT 12:00 (outside March)
 * access log: c1 viewed at 50, c4 viewed at 51
 * </pre>
 */
public final class ReportSeed {

    public static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
    public static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";
    public static final String REJECT_REASON = "not infringing; contact me at bob@example.com or +86 138 0013 8000";

    private ReportSeed() {}

    static void seed(EmbeddedLedger ledger, LedgerAppender appender) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        // c1
        records.add(notice(
                ledger,
                "c1",
                1,
                "org-a",
                List.of("EU_DSA"),
                "RIGHTS_HOLDER",
                "COPYRIGHT_REPRODUCTION",
                NoticeReceived.PROCESS,
                null));
        records.add(
                decided(ledger, "c1", 3, "mod-1", "d-1", "ACCEPT", List.of("DELETE"), "reproduces the notified work"));
        records.add(decided(ledger, "c1", 3.5, "mod-2", "d-1c", "CONFIRM", List.of(), null));
        records.add(applied(ledger, "c1", 4, "mod-1", "DELETE", "https://gallery.example/img/1.png", null));
        // c2
        records.add(notice(
                ledger,
                "c2",
                2,
                "org-b",
                List.of("EU_DSA"),
                "TRUSTED_FLAGGER",
                "COPYRIGHT_REPRODUCTION",
                NoticeReceived.PROCESS,
                null));
        records.add(decided(ledger, "c2", 6, "mod-1", "d-2", "ACCEPT", List.of("PROMPT_FILTER"), null));
        records.add(applied(
                ledger,
                "c2",
                7,
                "mod-1",
                "PROMPT_FILTER",
                null,
                new ScreeningRule("Ultraman", List.of("ultraman"), null, null, null, null)));
        records.add(ledger.record(
                Topics.NOTICE_EVENTS,
                new AppealFiled(
                        UUID.randomUUID(), at(10), "c2", "uploader-9", "appeal-1", "UPLOADER", "MEASURE", "d-1")));
        records.add(ledger.record(
                Topics.NOTICE_EVENTS,
                new AppealDecided(
                        UUID.randomUUID(),
                        at(16),
                        "c2",
                        "mod-3",
                        "d-2a",
                        "REVERSE",
                        List.of(),
                        "parody",
                        "MEASURE",
                        "appeal-1")));
        records.add(lifted(ledger, "c2", 17, "reversed on appeal"));
        // c3
        records.add(notice(
                ledger, "c3", 3, "org-c", List.of("CN_ECOM"), "RIGHTS_HOLDER", FORMULA, NoticeReceived.PROCESS, null));
        records.add(decided(ledger, "c3", 33, "mod-2", "d-3", "REJECT", List.of(), REJECT_REASON));
        // c4
        records.add(notice(
                ledger,
                "c4",
                4,
                "org-a",
                List.of("CN_ECOM"),
                "RIGHTS_HOLDER",
                "COPYRIGHT_ADAPTATION",
                NoticeReceived.PROCESS,
                null));
        records.add(decided(ledger, "c4", 30, TakedownEvent.SYSTEM, "d-4", "ACCEPT", List.of("DELETE"), null));
        records.add(applied(ledger, "c4", 31, "mod-1", "DELETE", "https://shop.example/item/9", null));
        records.add(ledger.record(
                Topics.NOTICE_EVENTS, new CounterNoticeFiled(UUID.randomUUID(), at(40), "c4", "uploader-4", "cn-1")));
        records.add(lifted(ledger, "c4", 45, "restored after counter-notice", "COUNTER_NOTICE"));
        // c5
        records.add(notice(
                ledger,
                "c5",
                5,
                "org-b",
                List.of("US_DMCA"),
                "RIGHTS_HOLDER",
                "COPYRIGHT_REPRODUCTION",
                NoticeReceived.JOINED,
                "c1"));
        // c6, before the period
        records.add(ledger.record(
                Topics.NOTICE_EVENTS,
                new NoticeReceived(
                        UUID.randomUUID(),
                        Instant.parse("2026-02-20T10:00:00Z"),
                        "c6",
                        "portal:org-a",
                        "org-a",
                        List.of("EU_DSA"),
                        "API",
                        1,
                        NoticeReceived.PROCESS,
                        null,
                        "RIGHTS_HOLDER",
                        "COPYRIGHT_REPRODUCTION")));
        records.add(ledger.record(
                Topics.NOTICE_EVENTS,
                new NoticeDecided(
                        UUID.randomUUID(),
                        Instant.parse("2026-02-20T12:00:00Z"),
                        "c6",
                        "mod-1",
                        "d-6",
                        "ACCEPT",
                        List.of("DELETE"),
                        null)));
        // access log
        records.add(ledger.record(
                Topics.ACCESS_LOG, new CaseViewed(UUID.randomUUID(), at(50), "c1", "officer-1", "COMPLIANCE_OFFICER")));
        records.add(ledger.record(
                Topics.ACCESS_LOG, new CaseViewed(UUID.randomUUID(), at(51), "c4", "officer-1", "COMPLIANCE_OFFICER")));
        appender.appendAll(records);
    }

    public static Instant at(double hours) {
        return T.plus((long) (hours * 60), ChronoUnit.MINUTES);
    }

    static ConsumerRecord<String, String> notice(
            EmbeddedLedger ledger,
            String caseId,
            double hours,
            String org,
            List<String> profiles,
            String notifierType,
            String rightType,
            String disposition,
            String joined) {
        return ledger.record(
                Topics.NOTICE_EVENTS,
                new NoticeReceived(
                        UUID.randomUUID(),
                        at(hours),
                        caseId,
                        "portal:" + org,
                        org,
                        profiles,
                        "API",
                        1,
                        disposition,
                        joined,
                        notifierType,
                        rightType));
    }

    static ConsumerRecord<String, String> decided(
            EmbeddedLedger ledger,
            String caseId,
            double hours,
            String actor,
            String decisionId,
            String outcome,
            List<String> measures,
            String reason) {
        return ledger.record(
                Topics.NOTICE_EVENTS,
                new NoticeDecided(UUID.randomUUID(), at(hours), caseId, actor, decisionId, outcome, measures, reason));
    }

    static ConsumerRecord<String, String> applied(
            EmbeddedLedger ledger,
            String caseId,
            double hours,
            String actor,
            String type,
            String targetUrl,
            ScreeningRule rule) {
        return ledger.record(
                Topics.MEASURES,
                new MeasureApplied(
                        UUID.randomUUID(),
                        at(hours),
                        caseId,
                        actor,
                        UUID.randomUUID().toString(),
                        type,
                        targetUrl,
                        rule));
    }

    /**
     * A measure worldwide until {@code endsOn} (null: until further notice): with {@code changeId}, the
     * repeat-infringer policy's on account acct-7, carrying out that standing change, with no target; without, a
     * decision's on the case's image.
     */
    static ConsumerRecord<String, String> measure(
            EmbeddedLedger ledger,
            String caseId,
            double hours,
            String type,
            String measureId,
            String changeId,
            LocalDate endsOn) {
        return ledger.record(
                Topics.MEASURES,
                new MeasureApplied(
                        UUID.randomUUID(),
                        at(hours),
                        caseId,
                        TakedownEvent.SYSTEM,
                        measureId,
                        type,
                        changeId == null ? "https://x.example/" + caseId + ".png" : null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        endsOn,
                        changeId == null ? null : "acct-7",
                        changeId));
    }

    static ConsumerRecord<String, String> lifted(EmbeddedLedger ledger, String caseId, double hours, String reason) {
        return lifted(ledger, caseId, hours, reason, null);
    }

    static ConsumerRecord<String, String> lifted(
            EmbeddedLedger ledger, String caseId, double hours, String reason, String cause) {
        return ledger.record(
                Topics.MEASURES,
                new MeasureLifted(
                        UUID.randomUUID(),
                        at(hours),
                        caseId,
                        "mod-3",
                        UUID.randomUUID().toString(),
                        reason,
                        cause == null ? null : 2L,
                        cause));
    }
}
