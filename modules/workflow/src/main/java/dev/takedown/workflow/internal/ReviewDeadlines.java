package dev.takedown.workflow.internal;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the BPMN reads as {@code ${reviewSla.…}}: due dates and ISO-8601 timer durations from {@link ReviewSla}. */
@Component("reviewSla")
public class ReviewDeadlines {

    private final ReviewSla sla;
    private final Clock clock;

    public ReviewDeadlines(ReviewSla sla, Optional<Clock> clock) {
        this.sla = sla;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Date dueDate() {
        return Date.from(clock.instant().plus(sla.due()));
    }

    public Date seniorDueDate() {
        return Date.from(clock.instant().plus(sla.seniorDue()));
    }

    public String reminder() {
        return sla.reminder().toString();
    }

    public String escalation() {
        return sla.escalation().toString();
    }
}
