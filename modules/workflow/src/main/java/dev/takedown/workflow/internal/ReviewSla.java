package dev.takedown.workflow.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Review deadlines from configuration ({@code takedown.review.*}), so that a demo or test can run a 24-hour SLA
 * in seconds.
 *
 * @param due        time a moderator has to decide (T3)
 * @param reminder   when the non-interrupting reminder fires
 * @param escalation when the review is taken away and given to senior moderators
 * @param seniorDue  time the senior moderators have after escalation
 */
@ConfigurationProperties("takedown.review")
public record ReviewSla(Duration due, Duration reminder, Duration escalation, Duration seniorDue) {

    public ReviewSla {
        due = due == null ? Duration.ofHours(24) : due;
        reminder = reminder == null ? Duration.ofHours(20) : reminder;
        escalation = escalation == null ? Duration.ofHours(24) : escalation;
        seniorDue = seniorDue == null ? Duration.ofHours(2) : seniorDue;
        if (reminder.compareTo(escalation) >= 0) {
            throw new IllegalArgumentException("takedown.review.reminder (" + reminder
                    + ") must come before takedown.review.escalation (" + escalation + "), or it never fires");
        }
    }
}
