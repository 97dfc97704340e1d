package dev.takedown.app;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes outbox entries that completed longer ago than {@code takedown.outbox.completed-retention}. Spring Modulith
 * marks a delivered event complete and keeps the row for good, so without this the table grows by a row per event
 * and listener for ever. The audit ledger, not the outbox, is the record of what happened; completed rows stay a
 * while only to diagnose a consumer that says it missed an event. Incomplete entries are never deleted (they are
 * {@link OutboxResubmission}'s).
 */
@Component
public class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final ObjectProvider<CompletedEventPublications> publications;
    private final Duration retention;

    OutboxRetention(
            ObjectProvider<CompletedEventPublications> publications,
            @Value("${takedown.outbox.completed-retention:P7D}") Duration retention) {
        this.publications = publications;
        this.retention = retention;
    }

    /** Public so that a test can run it instead of waiting for the schedule. */
    @Scheduled(cron = "${takedown.outbox.completed-purge-cron:0 40 3 * * *}")
    public void purge() {
        publications.ifAvailable(completed -> {
            try {
                completed.deletePublicationsOlderThan(retention);
            } catch (RuntimeException e) {
                log.warn("Deleting completed event publications failed; next attempt at the next scheduled run", e);
            }
        });
    }
}
