package dev.takedown.workflow.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Review deadlines from configuration ({@code takedown.review.*}). The SLA itself comes from triage (hours per
 * case); these settings say when to remind and how long senior moderators have after an escalation.
 *
 * @param reminderShare   share of the SLA after which the non-interrupting reminder fires
 * @param seniorDue       time the senior moderators have after an escalation
 * @param timeCompression demo only: review SLAs pass this many times faster (1 in production)
 */
@ConfigurationProperties("takedown.review")
public record ReviewSla(Double reminderShare, Duration seniorDue, Integer timeCompression) {

    public ReviewSla {
        reminderShare = reminderShare == null ? 0.8 : reminderShare;
        seniorDue = seniorDue == null ? Duration.ofHours(2) : seniorDue;
        timeCompression = timeCompression == null || timeCompression < 1 ? 1 : timeCompression;
        if (reminderShare <= 0 || reminderShare >= 1) {
            throw new IllegalArgumentException("takedown.review.reminder-share must be between 0 and 1 (exclusive), "
                    + "or the reminder never comes before the escalation");
        }
    }
}
