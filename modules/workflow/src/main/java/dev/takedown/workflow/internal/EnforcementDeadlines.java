package dev.takedown.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/** What measure-enforcement.bpmn reads as {@code ${enforcementDeadlines.…}}, from {@link EnforcementSettings}. */
@Component("enforcementDeadlines")
public class EnforcementDeadlines {

    private final EnforcementSettings settings;
    private final Clock clock;

    EnforcementDeadlines(EnforcementSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** When the platform must have confirmed a command about a measure of this type, counted from now. */
    public Date deadline(String measureType) {
        return Date.from(clock.instant().plus(settings.deadlineOf(measureType)));
    }

    /** How many times a command is sent in all. */
    public int attempts() {
        return settings.retry().attempts();
    }

    /** The wait before sending again after {@code attempts} attempts: the back-off, doubled after each. */
    public String backOff(Number attempts) {
        int doublings = Math.max(0, Math.min(attempts.intValue() - 1, 20));
        return settings.retry().backOff().multipliedBy(1L << doublings).toString();
    }

    Duration deadlineOf(String measureType) {
        return settings.deadlineOf(measureType);
    }
}
