package dev.takedown.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * What the BPMN reads as {@code ${reviewDeadlines.…}}: the review task's due date and the ISO-8601 timer durations,
 * from the SLA hours triage chose and {@link ReviewSla}.
 */
@Component("reviewDeadlines")
public class ReviewDeadlines {

    private final ReviewSla sla;
    private final Clock clock;

    public ReviewDeadlines(ReviewSla sla, Clock clock) {
        this.sla = sla;
        this.clock = clock;
    }

    public Date dueDate(Number slaHours) {
        return Date.from(clock.instant().plus(escalationAfter(slaHours)));
    }

    public Date seniorDueDate() {
        return Date.from(clock.instant().plus(sla.seniorDue().dividedBy(sla.timeCompression())));
    }

    public String reminder(Number slaHours) {
        Duration full = escalationAfter(slaHours);
        return Duration.ofMillis((long) (full.toMillis() * sla.reminderShare())).toString();
    }

    /** The review is escalated when its SLA runs out. */
    public String escalation(Number slaHours) {
        return escalationAfter(slaHours).toString();
    }

    private Duration escalationAfter(Number slaHours) {
        return Duration.ofMinutes(Math.round(slaHours.doubleValue() * 60)).dividedBy(sla.timeCompression());
    }
}
