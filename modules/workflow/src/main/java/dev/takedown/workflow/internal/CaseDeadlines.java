package dev.takedown.workflow.internal;

import dev.takedown.notices.CaseTimers;
import dev.takedown.notices.NoticeCases;
import dev.takedown.workflow.calendar.StatutoryCalendars;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The legal deadlines the BPMN waits for ({@code ${caseDeadlines.…}}), on each profile's calendar: China counts days
 * from the day after delivery and rolls a holiday to the next working day; the US counts business days after
 * receipt. Demo time compression shortens the remaining wait, never the legal rule.
 */
@Component("caseDeadlines")
public class CaseDeadlines {

    private static final ZoneId US_EASTERN = ZoneId.of("America/New_York");

    private final NoticeCases cases;
    private final StatutoryCalendars calendars;
    private final Clock clock;

    CaseDeadlines(NoticeCases cases, StatutoryCalendars calendars, Optional<Clock> clock) {
        this.cases = cases;
        this.calendars = calendars;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** T2: when an incomplete notice is closed if not completed. */
    public Date cureEnds(String caseId) {
        CaseTimers timers = cases.timers(caseId);
        return compressed(clock.instant().plus(timers.policy().curePeriod()), timers);
    }

    /** T5: the window for counter-notices and complaints, from notification (DSA Art. 20: at least 6 months). */
    public Date redressWindowEnds(String caseId) {
        CaseTimers timers = cases.timers(caseId);
        Instant from = timers.notifiedAt() == null ? clock.instant() : timers.notifiedAt();
        return compressed(from.plus(timers.policy().appealWindow()), timers);
    }

    /** Whether the profile restores on a valid counter-notice without waiting (Regulations 2013 Art. 17). */
    public boolean restoreImmediately(String caseId) {
        return cases.timers(caseId).policy().restoreImmediately();
    }

    /** T6: when the measure is lifted unless proof of proceedings arrived first. */
    public Date restoreAt(String caseId) {
        CaseTimers timers = cases.timers(caseId);
        int days = timers.policy().counterNoticeWaitDays();
        Instant deadline = switch (timers.profile().family()) {
            case US -> calendars.us().addBusinessDays(
                    timers.counterNoticeReceivedAt().atZone(US_EASTERN).toLocalDate(), days)
                    .atStartOfDay(US_EASTERN).toInstant();
            case CN, EU -> calendars.china().endOfPeriodInDays(timers.counterNoticeDeliveredAt()
                    .atZone(ZoneId.of("Asia/Shanghai")), days).toInstant();
        };
        return compressed(deadline, timers);
    }

    private Date compressed(Instant deadline, CaseTimers timers) {
        Instant now = clock.instant();
        if (timers.timeCompression() <= 1 || !deadline.isAfter(now)) {
            return Date.from(deadline);
        }
        return Date.from(now.plus(Duration.between(now, deadline).dividedBy(timers.timeCompression())));
    }
}
