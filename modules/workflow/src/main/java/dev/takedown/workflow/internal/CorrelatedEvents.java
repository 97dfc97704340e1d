package dev.takedown.workflow.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The events that {@link CaseMessages} turned into BPMN messages, by event id. The claim is written in the
 * listener's transaction, which the correlation shares, so it stands exactly when the correlation did. Kept for
 * {@code takedown.workflow.message-retention}, far longer than the outbox resubmits an event it could not complete.
 */
@Component
class CorrelatedEvents {

    private static final Logger log = LoggerFactory.getLogger(CorrelatedEvents.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    CorrelatedEvents(
            JdbcTemplate jdbc, Clock clock, @Value("${takedown.workflow.message-retention:P30D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * True the first time an event is claimed, false for a redelivery. Two deliveries at the same moment: one of them
     * fails on the key and is delivered again later, when it finds the claim.
     */
    boolean claim(UUID eventId, String message) {
        return jdbc.update("""
                        insert into workflow_message (event_id, message, correlated_at)
                        select ?, ?, ? where not exists (select 1 from workflow_message where event_id = ?)""", eventId, message, Timestamp.from(clock.instant()), eventId) == 1;
    }

    @Scheduled(cron = "${takedown.workflow.message-purge-cron:0 50 3 * * *}")
    void purge() {
        int deleted = jdbc.update(
                "delete from workflow_message where correlated_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
        log.debug("forgot {} correlated events older than {}", deleted, retention);
    }
}
