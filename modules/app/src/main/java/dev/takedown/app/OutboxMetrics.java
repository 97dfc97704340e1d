package dev.takedown.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog, read from the event publication registry at every scrape: how many events are not yet on
 * Kafka ({@code takedown_outbox_incomplete}) and how long the oldest of them has waited
 * ({@code takedown_outbox_oldest_incomplete_seconds}; 0 when none waits). A backlog that only grows means the broker
 * or the externaliser is down; {@link OutboxResubmission} retries, these show whether it catches up.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long incomplete() {
        Long count =
                jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
        return count == null ? 0 : count;
    }

    /** Seconds since the oldest incomplete publication; 0 when every event went out. */
    double oldestIncompleteSeconds() {
        Timestamp oldest = jdbc.queryForObject(
                "select min(publication_date) from event_publication where completion_date is null", Timestamp.class);
        return oldest == null
                ? 0
                : Math.max(
                        0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("takedown.outbox.incomplete", this, OutboxMetrics::incomplete)
                .description("Events committed to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("takedown.outbox.oldest.incomplete", this, OutboxMetrics::oldestIncompleteSeconds)
                .description("Age of the oldest event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(registry);
    }
}
