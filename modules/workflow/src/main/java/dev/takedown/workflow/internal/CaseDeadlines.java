package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseOutcome;
import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.ComplaintPeriods;
import dev.takedown.notices.JurisdictionProfile;
import dev.takedown.notices.NoticeCases;
import dev.takedown.workflow.calendar.StatutoryCalendars;
import dev.takedown.workflow.calendar.UnknownHolidayYearException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The legal deadlines the BPMN waits for ({@code ${caseDeadlines.…}}), on each profile's calendar: China counts days
 * from the day after delivery and rolls a holiday to the next working day; the US counts business days after
 * receipt. Demo time compression shortens the remaining wait, never the legal rule.
 */
@Component("caseDeadlines")
public class CaseDeadlines {

    private static final Logger log = LoggerFactory.getLogger(CaseDeadlines.class);
    private static final ZoneId US_EASTERN = ZoneId.of("America/New_York");
    static final int UNKNOWN_HOLIDAYS_MARGIN_DAYS = 9;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final NoticeCases cases;
    private final StatutoryCalendars calendars;
    private final Clock clock;

    CaseDeadlines(NoticeCases cases, StatutoryCalendars calendars, Clock clock) {
        this.cases = cases;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** T2: when an incomplete notice is closed if not completed, counted from the first request to complete it. */
    public Date cureEnds(String caseId) {
        CaseTimers timers = cases.timers(caseId);
        Instant from = timers.cureRequestedAt() == null ? clock.instant() : timers.cureRequestedAt();
        return compressed(from.plus(timers.policy().curePeriod()), timers);
    }

    /**
     * T5: the window for complaints (DSA Art. 20(1): at least six calendar months from notification, to the end of the
     * corresponding day); a case not yet notified counts from now.
     */
    public Date redressWindowEnds(String caseId) {
        CaseTimers timers = cases.timers(caseId);
        Instant legalEnd = timers.complaintWindowEnds()
                .orElseGet(() -> ComplaintPeriods.end(
                        clock.instant(), timers.policy().appealWindow(), ComplaintPeriods.ANY_ZONE));
        return compressed(legalEnd, timers);
    }

    /**
     * Whether the uploader can still answer a measure with a counter-notice (CN, US): that route has no statutory
     * deadline, so the lifecycle waits for it instead of closing at the complaint window's end (T5).
     */
    public boolean counterNoticeRouteOpen(String caseId) {
        return cases.timers(caseId).profile().family() != JurisdictionProfile.Family.EU
                && cases.outcome(caseId).orElse(null) == CaseOutcome.ACTION_TAKEN;
    }

    /** Whether the profile restores on a valid counter-notice without waiting (Regulations 2013 Art. 17). */
    public boolean restoreImmediately(String caseId) {
        return cases.timers(caseId).policy().restoreImmediately();
    }

    /**
     * T6: when the measure is lifted unless proof of proceedings arrived first. US: at the end of business day 10
     * after receipt, so ten full business days have passed (512(g)(2)(C): not less than 10 nor more than 14). CN: at
     * 24:00 of the last day counted from the day after delivery.
     */
    public Date restoreAt(String caseId) {
        CaseTimers timers = cases.timers(caseId);
        return compressed(legalRestoreAt(caseId, timers), timers);
    }

    /** {@link #restoreAt} as the rule puts it, before any demo compression. */
    Instant legalRestoreAt(String caseId, CaseTimers timers) {
        int days = timers.policy().counterNoticeWaitDays();
        return switch (timers.profile().family()) {
            case US -> endOfBusinessDay(require(timers.counterNoticeReceivedAt(), "received", caseId), days);
            case CN -> chinaPeriodEnd(require(timers.counterNoticeDeliveredAt(), "delivered", caseId), days);
            case EU -> throw new IllegalStateException("EU_DSA has no counter-notice wait (case " + caseId + ")");
        };
    }

    /**
     * When a restore that has not happened is escalated to compliance. US: at the end of the configured business day
     * after receipt (512(g)(2)(C): "nor more than 14"); elsewhere a day after the restore was due, since the Chinese
     * wait already ends on the last lawful day.
     */
    public Date restoreBy(String caseId) {
        CaseTimers timers = cases.timers(caseId);
        return compressed(legalRestoreBy(caseId, timers), timers);
    }

    /** {@link #restoreBy} as the rule puts it, before any demo compression. */
    Instant legalRestoreBy(String caseId, CaseTimers timers) {
        return switch (timers.profile().family()) {
            case US ->
                endOfBusinessDay(
                        require(timers.counterNoticeReceivedAt(), "received", caseId),
                        timers.policy().counterNoticeRestoreByDays());
            case CN ->
                (timers.policy().restoreImmediately() ? clock.instant() : legalRestoreAt(caseId, timers))
                        .plus(Duration.ofDays(1));
            case EU -> throw new IllegalStateException("EU_DSA has no counter-notice restore (case " + caseId + ")");
        };
    }

    /** The end of the {@code days}-th US business day after {@code received}, in Eastern time. */
    private Instant endOfBusinessDay(Instant received, int days) {
        return calendars
                .us()
                .addBusinessDays(received.atZone(US_EASTERN).toLocalDate(), days)
                .plusDays(1)
                .atStartOfDay(US_EASTERN)
                .toInstant();
    }

    /**
     * US: the day the material is restored unless a court action is notified, the day after the configured business
     * day from receipt (512(g)(2)(C): "not less than 10"); {@code null} elsewhere. Named in the counter-notice copy.
     */
    public LocalDate restoreOn(String caseId) {
        CaseTimers timers = cases.timers(caseId);
        return receivedUnderUs(timers)
                ? legalRestoreAt(caseId, timers).atZone(US_EASTERN).toLocalDate()
                : null;
    }

    /**
     * US: the last day the material may be restored, the configured business day from receipt (512(g)(2)(C): "nor
     * more than 14"); {@code null} elsewhere. Named in the counter-notice copy.
     */
    public LocalDate lastRestoreDay(String caseId) {
        CaseTimers timers = cases.timers(caseId);
        return receivedUnderUs(timers)
                ? legalRestoreBy(caseId, timers)
                        .atZone(US_EASTERN)
                        .toLocalDate()
                        .minusDays(1)
                : null;
    }

    /**
     * Whether the wait still waits for the copy of the counter-notice to reach the rights holder: the Chinese wait
     * runs from delivery (E-Commerce Law Art. 43), which correspondence records; the US wait runs from receipt.
     */
    public boolean awaitsDelivery(String caseId) {
        CaseTimers timers = cases.timers(caseId);
        return timers.profile().family() == JurisdictionProfile.Family.CN && timers.counterNoticeDeliveredAt() == null;
    }

    private static boolean receivedUnderUs(CaseTimers timers) {
        return timers.profile().family() == JurisdictionProfile.Family.US && timers.counterNoticeReceivedAt() != null;
    }

    /**
     * A year missing from the holiday table must not stop a counter-notice from being forwarded. Holidays only ever
     * move the end later, so without the table the wait is extended by {@link #UNKNOWN_HOLIDAYS_MARGIN_DAYS} (longer
     * than the Spring Festival and National Day breaks): later than the law requires rather than earlier.
     */
    private Instant chinaPeriodEnd(Instant delivered, int days) {
        ZonedDateTime start = delivered.atZone(CHINA);
        try {
            return calendars.china().endOfPeriodInDays(start, days).toInstant();
        } catch (UnknownHolidayYearException missing) {
            log.warn(
                    "No Chinese holiday table for {} ({}): the wait ends {} days later to be safe",
                    missing.year(),
                    missing.getMessage(),
                    UNKNOWN_HOLIDAYS_MARGIN_DAYS);
            return start.toLocalDate()
                    .plusDays(days + UNKNOWN_HOLIDAYS_MARGIN_DAYS + 1L)
                    .atStartOfDay(CHINA)
                    .toInstant();
        }
    }

    private static Instant require(Instant value, String what, String caseId) {
        if (value == null) {
            throw new IllegalStateException("case " + caseId + " has no counter-notice " + what + " time");
        }
        return value;
    }

    private Date compressed(Instant deadline, CaseTimers timers) {
        Instant now = clock.instant();
        if (timers.timeCompression() <= 1 || !deadline.isAfter(now)) {
            return Date.from(deadline);
        }
        return Date.from(now.plus(Duration.between(now, deadline).dividedBy(timers.timeCompression())));
    }
}
