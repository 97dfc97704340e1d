package dev.takedown.app;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits outbox entries that stayed incomplete, while the node runs. Spring Modulith 1.4 resubmits them only on
 * restart ({@code republish-outstanding-events-on-restart}); a broker outage longer than the producer's delivery
 * timeout (2 min by default) fails the sends and would leave the events unpublished until the node restarts
 * ({@code FaultToleranceIT.brokerKilledWhileNoticesArriveLosesNothing}). Only entries older than
 * {@code takedown.outbox.resubmit-older-than} are resubmitted, so a send still in flight is rarely sent twice; when it
 * is, consumers are idempotent by event id.
 */
@Component
class OutboxResubmission {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final ObjectProvider<IncompleteEventPublications> publications;
    private final Duration olderThan;

    OutboxResubmission(
            ObjectProvider<IncompleteEventPublications> publications,
            @Value("${takedown.outbox.resubmit-older-than:PT3M}") Duration olderThan) {
        this.publications = publications;
        this.olderThan = olderThan;
    }

    @Scheduled(
            fixedDelayString = "${takedown.outbox.resubmit-interval:PT1M}",
            initialDelayString = "${takedown.outbox.resubmit-interval:PT1M}")
    void resubmit() {
        publications.ifAvailable(incomplete -> {
            try {
                incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
            } catch (RuntimeException e) {
                log.warn("Resubmitting incomplete event publications failed; next attempt in one interval", e);
            }
        });
    }
}
