package dev.takedown.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * T7: complaints are decided "without undue delay" (DSA Art. 20(4)); the platform's own deadline, read by the BPMN
 * as {@code ${appealDeadlines.…}}.
 */
@Component("appealDeadlines")
public class AppealDeadlines {

    private final Duration due;
    private final Duration reminder;
    private final int timeCompression;
    private final Clock clock;

    AppealDeadlines(
            @Value("${takedown.appeal.due:P7D}") Duration due,
            @Value("${takedown.appeal.reminder:P5D}") Duration reminder,
            @Value("${takedown.review.time-compression:1}") int timeCompression,
            Clock clock) {
        if (reminder.compareTo(due) >= 0) {
            throw new IllegalArgumentException("takedown.appeal.reminder must come before takedown.appeal.due");
        }
        this.due = due;
        this.reminder = reminder;
        this.timeCompression = Math.max(1, timeCompression);
        this.clock = clock;
    }

    public Date dueDate() {
        return Date.from(clock.instant().plus(due.dividedBy(timeCompression)));
    }

    public String reminder() {
        return reminder.dividedBy(timeCompression).toString();
    }
}
